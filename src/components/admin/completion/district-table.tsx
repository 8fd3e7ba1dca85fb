import type { CompletionDashboard } from "@/server/completion/get-completion-dashboard";

/** Every figure per district, for reading exact values (the chart shows the rates). */
export function DistrictTable({ districts, year }: Pick<CompletionDashboard, "districts" | "year">) {
  const head = ["所属区", "应参加", "已完成", "学习中", "未开始", "完成率", "补学"];
  return (
    <div className="overflow-x-auto rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
      <table className="w-full text-sm">
        <caption className="sr-only">{year} 年度各区完成情况</caption>
        <thead className="bg-slate-50 text-left text-slate-600">
          <tr>
            {head.map((h, i) => (
              <th key={h} scope="col" className={`px-3 py-2 font-medium ${i > 0 ? "text-right" : ""}`}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {districts.map((d) => (
            <tr key={d.districtId}>
              <th scope="row" className="px-3 py-2 text-left font-normal text-slate-900">
                {d.name}
              </th>
              {[d.registered, d.complete, d.inProgress, d.notStarted].map((value, i) => (
                <td key={i} className="px-3 py-2 text-right tabular-nums">
                  {value}
                </td>
              ))}
              <td className="px-3 py-2 text-right tabular-nums">{d.ratePercent.toFixed(1)}%</td>
              <td className="px-3 py-2 text-right tabular-nums">{d.catchUp}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
