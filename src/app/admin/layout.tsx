import type { ReactNode } from "react";
import { PageFrame } from "@/components/page-frame";
import { SiteHeader } from "@/app/site-header";
import { AdminNav } from "@/components/admin/admin-nav";
import { requireStaff } from "@/server/auth/session";

// The frame of every administrators' page. The role check here only chooses what to show;
// each page, action and data function checks the session itself.
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const staff = await requireStaff("admin.enter");
  return (
    <PageFrame header={<SiteHeader />}>
      <div className="grid gap-6 lg:grid-cols-[12rem_1fr]">
        <aside className="space-y-3">
          <p className="px-1 text-sm text-slate-600">
            {staff.displayName}
            <span className="block text-xs text-slate-500">
              {staff.role === "CITY_ADMIN" ? "市会计考办" : "区财政局"}
            </span>
          </p>
          <AdminNav role={staff.role} />
        </aside>
        <div className="min-w-0">{children}</div>
      </div>
    </PageFrame>
  );
}
