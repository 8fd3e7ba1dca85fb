import { BarChart } from "@/components/ui/bar-chart";
import { formatTime } from "@/lib/time";
import type { CompletionDashboard } from "@/server/completion/get-completion-dashboard";
import { CompletionSummary } from "./completion-summary";
import { DistrictTable } from "./district-table";
import { YearSelect } from "./year-select";

/** The completion review page's body: year choice, headline figures, per-district chart and table. */
export function CompletionView({
  data,
  years,
  scopeLabel,
}: {
  data: CompletionDashboard;
  years: readonly number[];
  scopeLabel: string;
}) {
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold text-brand-900">继续教育完成情况</h1>
          <p className="mt-1 text-sm text-slate-600">
            {scopeLabel} · {data.year} 年度 · 数据更新于 {formatTime(data.computedAt)}
            <span className="text-slate-500">（实时统计）</span>
          </p>
        </div>
        <YearSelect years={years} selected={data.year} action="/admin" />
      </div>
      <CompletionSummary year={data.year} totals={data.totals} />
      <section aria-labelledby="by-district" className="space-y-4">
        <h2 id="by-district" className="text-lg font-semibold">
          各区完成率
        </h2>
        <div className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
          <BarChart
            title={`${data.year} 年度各区完成率（%）`}
            max={100}
            format={(value) => `${value.toFixed(1)}%`}
            rows={data.districts.map((d) => ({
              label: d.name,
              value: d.ratePercent,
              note: `已完成 ${d.complete} / 应参加 ${d.registered}`,
            }))}
          />
        </div>
        <DistrictTable districts={data.districts} year={data.year} />
      </section>
    </div>
  );
}
