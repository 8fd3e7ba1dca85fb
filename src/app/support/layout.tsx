import type { ReactNode } from "react";
import { PageFrame } from "@/components/page-frame";
import { SiteHeader } from "@/app/site-header";
import { SupportNav } from "@/components/support/support-nav";
import { requireStaff } from "@/server/auth/session";

// The frame of the support console (技术支持). The role check here only chooses what to show;
// each page, action and data function checks the session itself.
export default async function SupportLayout({ children }: { children: ReactNode }) {
  const staff = await requireStaff("support.use");
  return (
    <PageFrame header={<SiteHeader />}>
      <div className="grid gap-6 lg:grid-cols-[12rem_1fr]">
        <aside className="space-y-3">
          <p className="px-1 text-sm text-slate-600">
            {staff.displayName}
            <span className="block text-xs text-slate-500">{staff.role === "SUPPORT" ? "技术支持" : "市会计考办"}</span>
          </p>
          <SupportNav />
        </aside>
        <div className="min-w-0">{children}</div>
      </div>
    </PageFrame>
  );
}
