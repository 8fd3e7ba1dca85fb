import type { ImportReport, ImportReportRow } from "@/domain/import";

const KIND_LABELS: Record<ImportReportRow["kind"], string> = {
  new: "新增",
  changed: "变更",
  unchanged: "无变化",
  invalid: "无效",
};

const KIND_STYLE: Record<ImportReportRow["kind"], string> = {
  new: "text-emerald-800",
  changed: "text-brand-800",
  unchanged: "text-slate-600",
  invalid: "text-red-700",
};

// Invalid rows first: they are what the administrator must act on.
const ORDER: ImportReportRow["kind"][] = ["invalid", "changed", "new", "unchanged"];
const TH = "px-3 py-2 text-left font-medium whitespace-nowrap";

function explain(row: ImportReportRow): string {
  if (row.kind === "invalid") return row.reasons.join("；");
  if (row.kind === "changed")
    return row.changes.map((c) => `${c.label}：${c.before || "（空）"} → ${c.after}`).join("；");
  if (row.kind === "new") return "将登记为新学员";
  return "与已登记信息一致，不做修改";
}

/** The dry run's result: counts, then the rows by kind with their spreadsheet row numbers. */
export function ImportReportView({ report }: { report: ImportReport }) {
  const rows = [...report.rows].sort(
    (a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind) || a.rowNumber - b.rowNumber,
  );
  const hidden = ORDER.filter((kind) => report.hidden[kind] > 0).map(
    (kind) => `${KIND_LABELS[kind]} ${report.hidden[kind]} 行`,
  );
  return (
    <div className="space-y-4">
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {ORDER.map((kind) => (
          <div key={kind} className="rounded-lg bg-slate-50 p-3 ring-1 ring-slate-200">
            <dt className="text-xs text-slate-500">{KIND_LABELS[kind]}</dt>
            <dd className={`text-2xl font-semibold tabular-nums ${KIND_STYLE[kind]}`}>{report.counts[kind]}</dd>
          </div>
        ))}
      </dl>
      <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="预检结果明细">
        <table className="w-full min-w-[44rem] text-sm">
          <caption className="sr-only">预检结果明细（按行号）</caption>
          <thead className="border-b border-slate-200 bg-slate-50 text-slate-600">
            <tr>
              <th scope="col" className={TH}>
                行号
              </th>
              <th scope="col" className={TH}>
                结果
              </th>
              <th scope="col" className={TH}>
                身份证号
              </th>
              <th scope="col" className={TH}>
                姓名
              </th>
              <th scope="col" className={TH}>
                所属区
              </th>
              <th scope="col" className={TH}>
                说明
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 align-top">
            {rows.map((row) => (
              <tr key={row.rowNumber}>
                <th scope="row" className="px-3 py-2 text-left font-normal tabular-nums">
                  第 {row.rowNumber} 行
                </th>
                <td className={`px-3 py-2 font-medium whitespace-nowrap ${KIND_STYLE[row.kind]}`}>
                  {KIND_LABELS[row.kind]}
                </td>
                <td className="px-3 py-2 font-mono tabular-nums whitespace-nowrap">{row.idNumberMasked ?? "—"}</td>
                <td className="px-3 py-2 whitespace-nowrap">{row.name ?? "—"}</td>
                <td className="px-3 py-2 whitespace-nowrap">{row.districtName ?? "—"}</td>
                <td className="px-3 py-2">
                  {explain(row)}
                  {row.disabled ? (
                    <span className="ml-1 text-xs text-amber-800">（该学员已停用，导入不会恢复）</span>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {hidden.length > 0 ? (
        <p className="text-xs text-slate-500">另有 {hidden.join("、")} 未列出（每类最多显示 200 行）。</p>
      ) : null}
    </div>
  );
}
