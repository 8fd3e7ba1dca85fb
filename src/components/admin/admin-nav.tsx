import Link from "next/link";
import type { StaffRole } from "@/generated/prisma/enums";

interface Item {
  href: string;
  label: string;
  roles: readonly StaffRole[];
}

const ITEMS: readonly Item[] = [
  { href: "/admin", label: "完成情况", roles: ["CITY_ADMIN", "DISTRICT_ADMIN"] },
  { href: "/admin/learners", label: "学员管理", roles: ["CITY_ADMIN", "DISTRICT_ADMIN"] },
  { href: "/admin/learners/new", label: "信息采集", roles: ["CITY_ADMIN", "DISTRICT_ADMIN"] },
  { href: "/admin/import", label: "批量导入", roles: ["CITY_ADMIN", "DISTRICT_ADMIN"] },
  { href: "/admin/courses", label: "课程管理", roles: ["CITY_ADMIN", "DISTRICT_ADMIN"] },
  { href: "/admin/exports", label: "省系统报送", roles: ["CITY_ADMIN", "DISTRICT_ADMIN"] },
  { href: "/admin/districts", label: "联系方式", roles: ["CITY_ADMIN", "DISTRICT_ADMIN"] },
  { href: "/admin/audit", label: "审计日志", roles: ["CITY_ADMIN", "DISTRICT_ADMIN"] },
  { href: "/admin/staff", label: "工作人员", roles: ["CITY_ADMIN"] },
];

/** The administrators' section navigation, for the signed-in role. */
export function AdminNav({ role }: { role: StaffRole }) {
  return (
    <nav aria-label="管理功能" className="rounded-xl bg-white p-2 shadow-sm ring-1 ring-slate-200">
      <ul className="flex flex-wrap gap-1 text-sm lg:flex-col">
        {ITEMS.filter((item) => item.roles.includes(role)).map((item) => (
          <li key={item.href}>
            <Link
              href={item.href}
              className="block rounded-lg px-3 py-2 text-slate-700 hover:bg-brand-50 hover:text-brand-800"
            >
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
