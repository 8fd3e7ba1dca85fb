import { DataTable } from "@/components/ui/data-table";
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
      <DataTable
        label="预检结果明细"
        caption="预检结果明细（按行号）"
        minWidth="min-w-[44rem]"
        shadedHead
        columns={["行号", "结果", "身份证号", "姓名", "所属区", "说明"]}
      >
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
      </DataTable>
      {hidden.length > 0 ? (
        <p className="text-xs text-slate-500">另有 {hidden.join("、")} 未列出（每类最多显示 200 行）。</p>
      ) : null}
    </div>
  );
}
