import { DataTable } from "@/components/ui/data-table";
import { explainYear, formatHours } from "@/domain/credits";
import { yearProgress } from "@/domain/learners";
import type { LearnerStanding } from "@/server/credits/get-standing";
import { YearProgressBadge } from "./badges";

/** Every obligation year: credits by category, hours and what is still missing. */
export function StandingTable({ standing }: { standing: LearnerStanding }) {
  if (standing.years.length === 0) {
    return (
      <p className="text-sm text-slate-600">该学员的继续教育从 {standing.startYear} 年开始，目前还没有学习年度。</p>
    );
  }
  return (
    <DataTable
      label="各年度学分表"
      caption="各年度学分完成情况"
      minWidth="min-w-[40rem]"
      columns={[
        "年度",
        ...["总学分", "专业科目", "公需科目", "学时"].map((label) => ({ label, className: "text-right" })),
        "完成情况",
      ]}
    >
      <tbody className="divide-y divide-slate-100">
        {[...standing.years].reverse().map((year) => (
          <tr key={year.year}>
            <th scope="row" className="px-3 py-2 text-left font-medium tabular-nums">
              {year.year}
              {standing.activeYear === year.year ? (
                <span className="ml-2 text-xs text-brand-700">当前学习年度</span>
              ) : null}
            </th>
            <td className="px-3 py-2 text-right tabular-nums">{year.totalCredits}</td>
            <td className="px-3 py-2 text-right tabular-nums">{year.professionalCredits}</td>
            <td className="px-3 py-2 text-right tabular-nums">{year.publicCredits}</td>
            <td className="px-3 py-2 text-right tabular-nums">{formatHours(year.hours)}</td>
            <td className="px-3 py-2">
              <YearProgressBadge progress={yearProgress(year, standing.startYear, standing.currentYear)} />
              <span className="ml-2 text-slate-600">{explainYear(year)}</span>
            </td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
