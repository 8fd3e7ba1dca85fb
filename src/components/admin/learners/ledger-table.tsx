import { DataTable } from "@/components/ui/data-table";
import { ACTIVITY_TYPE_RULES, CREDIT_CATEGORY_LABELS } from "@/domain/credits";
import { formatDateTime } from "@/lib/time";
import type { listLedgerLines } from "@/server/credits/list-ledger-lines";

type Line = Awaited<ReturnType<typeof listLedgerLines>>[number];

const SOURCE_LABELS = { COURSE: "课程学习", ACTIVITY: "其他形式", ADJUSTMENT: "学分调整" } as const;

function describe(line: Line): string {
  if (line.source === "COURSE") return line.course?.title ?? "课程学习";
  const what = line.source === "ACTIVITY" && line.activityType ? ACTIVITY_TYPE_RULES[line.activityType].label : "";
  return [what, line.note].filter(Boolean).join("：");
}

/** The ledger lines, newest year first: the append-only record behind the standing. */
export function LedgerTable({ lines }: { lines: Line[] }) {
  if (lines.length === 0) return <p className="text-sm text-slate-600">暂无学分记录。</p>;
  return (
    <DataTable
      label="学分明细表"
      caption="学分明细"
      minWidth="min-w-[44rem]"
      columns={["年度", "记录时间", "来源", "内容", "类别", { label: "学分", className: "text-right" }]}
    >
      <tbody className="divide-y divide-slate-100">
        {lines.map((line) => (
          <tr key={String(line.id)}>
            <th scope="row" className="px-3 py-2 text-left font-normal tabular-nums">
              {line.year}
            </th>
            <td className="px-3 py-2 tabular-nums text-slate-600 whitespace-nowrap">
              {formatDateTime(line.recordedAt)}
            </td>
            <td className="px-3 py-2 whitespace-nowrap">{SOURCE_LABELS[line.source]}</td>
            <td className="px-3 py-2">{describe(line)}</td>
            <td className="px-3 py-2 whitespace-nowrap">{CREDIT_CATEGORY_LABELS[line.category]}</td>
            <td className={`px-3 py-2 text-right font-medium tabular-nums ${line.credits < 0 ? "text-red-700" : ""}`}>
              {line.credits > 0 ? `+${line.credits}` : line.credits}
            </td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
