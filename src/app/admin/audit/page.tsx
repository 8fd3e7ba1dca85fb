import type { Metadata } from "next";
import { AuditFilters } from "@/components/admin/audit/audit-filters";
import { AuditPager } from "@/components/admin/audit/audit-pager";
import { AuditTable } from "@/components/admin/audit/audit-table";
import { listAuditLog } from "@/server/audit/list-audit-log";
import { requireStaff } from "@/server/auth/session";
import { findLearnerProfile } from "@/server/learners/find-learner-profile";

export const metadata: Metadata = { title: "审计日志" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AuditPage({ searchParams }: { searchParams: SearchParams }) {
  const staff = await requireStaff("audit.read");
  const log = await listAuditLog(staff, await searchParams);
  const { filters } = log;
  const learner = filters.learner ? await findLearnerProfile(staff, filters.learner) : null;
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-semibold text-brand-900">审计日志</h1>
        <p className="mt-1 max-w-3xl text-sm leading-relaxed text-slate-600">
          {staff.role === "CITY_ADMIN"
            ? "全部操作记录：谁、何时、对什么做了什么，结果和来源地址。"
            : "本区学员的操作记录、本区联系方式的修改，以及您本人的操作。"}
          记录只增不改；身份证号只以脱敏形式出现。
        </p>
      </header>
      <section aria-label="筛选" className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
        <AuditFilters filters={filters} learnerName={learner?.name ?? null} />
      </section>
      <section
        aria-label="查询结果"
        className="space-y-3 rounded-xl bg-white p-3 shadow-sm ring-1 ring-slate-200 sm:p-5"
      >
        <AuditTable entries={log.entries} caption="审计记录" />
        <AuditPager filters={filters} date={log.date} newer={log.newer} older={log.older} />
      </section>
    </div>
  );
}
