import type { CompletionCounts } from "@/server/completion/get-completion-dashboard";

function Stat({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <div className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold tabular-nums text-slate-900">{value}</dd>
      {hint ? <dd className="mt-1 text-xs text-slate-500">{hint}</dd> : null}
    </div>
  );
}

/** The year's headline figures for the administrator's scope. */
export function CompletionSummary({ year, totals }: { year: number; totals: CompletionCounts }) {
  return (
    <dl className="grid gap-3 sm:grid-cols-3 lg:grid-cols-6">
      <Stat label="应参加学员" value={String(totals.registered)} hint={`${year} 年度为其继续教育年度`} />
      <Stat label="已完成" value={String(totals.complete)} />
      <Stat label="学习中" value={String(totals.inProgress)} hint="已有学分，尚未完成" />
      <Stat label="未开始" value={String(totals.notStarted)} hint="本年度尚无学分" />
      <Stat label="完成率" value={`${totals.ratePercent.toFixed(1)}%`} />
      <Stat label="补学学员" value={String(totals.catchUp)} hint="有以前年度未完成（截至今日）" />
    </dl>
  );
}
