"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const ITEMS = [
  {
    href: "/support",
    label: "查找学员",
    current: (path: string) => path === "/support" || path.startsWith("/support/learners"),
  },
  { href: "/support/reports", label: "问题工单", current: (path: string) => path.startsWith("/support/reports") },
  { href: "/support/overview", label: "概况", current: (path: string) => path.startsWith("/support/overview") },
] as const;

/** The support console's section navigation; the current section is marked for screen readers. */
export function SupportNav() {
  const path = usePathname();
  return (
    <nav aria-label="技术支持功能" className="rounded-xl bg-white p-2 shadow-sm ring-1 ring-slate-200">
      <ul className="flex flex-wrap gap-1 text-sm lg:flex-col">
        {ITEMS.map((item) => {
          const current = item.current(path);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={current ? "page" : undefined}
                className={`block rounded-lg px-3 py-2 hover:bg-brand-50 hover:text-brand-800 ${
                  current ? "bg-brand-50 font-medium text-brand-900" : "text-slate-700"
                }`}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
