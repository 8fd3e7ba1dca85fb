import type { Metadata } from "next";
import Link from "next/link";
import { formatDateTime } from "@/lib/time";
import { requireStaff } from "@/server/auth/session";
import { listEditableDistrictContacts } from "@/server/districts/list-editable-district-contacts";
import { ContactForm } from "./contact-form";

export const metadata: Metadata = { title: "联系方式" };

const KIND_LABELS = { CITY: "市级", DISTRICT: "行政区", ZONE: "功能区" } as const;

export default async function DistrictContactsPage() {
  const staff = await requireStaff("districts.read");
  const districts = await listEditableDistrictContacts(staff);
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-semibold text-brand-900">信息采集联系方式</h1>
        <p className="mt-1 max-w-3xl text-sm leading-relaxed text-slate-600">
          学员在
          <Link href="/help/contacts" className="text-brand-700 underline">
            联系方式
          </Link>
          页面看到的信息采集和政策咨询窗口。
          {staff.role === "CITY_ADMIN" ? "市会计考办可修改所有区。" : "您可以修改本区的联系方式。"}
        </p>
      </header>
      <ul className="grid gap-4 lg:grid-cols-2">
        {districts.map((d) => (
          <li key={d.id} className="space-y-3 rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h2 className="font-semibold">
                {d.name}
                <span className="ml-2 text-xs font-normal text-slate-500">{KIND_LABELS[d.kind]}</span>
              </h2>
              <span className="text-xs text-slate-500">更新于 {formatDateTime(d.updatedAt)}</span>
            </div>
            <ContactForm district={d} />
          </li>
        ))}
      </ul>
    </div>
  );
}
