import { ACTIVITY_TYPE_RULES, CREDIT_CATEGORY_LABELS, explainYear, formatHours } from "@/domain/credits";
import { formatDateTime } from "@/lib/time";
import { requireLearner } from "@/server/auth/session";
import { getStanding } from "@/server/credits/get-standing";
import { listLedgerLines } from "@/server/credits/list-ledger-lines";

export const metadata = { title: "学分记录" };

type Line = Awaited<ReturnType<typeof listLedgerLines>>[number];

function describe(line: Line): string {
  if (line.source === "COURSE") return line.course?.title ?? "课程学习";
  if (line.source === "ACTIVITY")
    return line.activityType ? ACTIVITY_TYPE_RULES[line.activityType].label : "其他形式的继续教育";
  return `学分调整${line.note ? `：${line.note}` : ""}`;
}

export default async function RecordsPage() {
  const learner = await requireLearner();
  const [standing, lines] = await Promise.all([getStanding(learner), listLedgerLines(learner.id)]);
  const linesByYear = new Map<number, Line[]>();
  for (const line of lines) linesByYear.set(line.year, [...(linesByYear.get(line.year) ?? []), line]);
  const years = [...standing.years].reverse();

  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-semibold text-brand-900">学分记录</h1>
        <p className="mt-1 text-sm text-slate-600">每一笔学分都记录在取得它的年度，学分当年有效，不结转到以后年度。</p>
      </header>
      {years.length === 0 ? <p className="text-slate-600">您的继续教育从 {standing.startYear} 年开始。</p> : null}
      {years.map((summary) => {
        const yearLines = linesByYear.get(summary.year) ?? [];
        return (
          <section
            key={summary.year}
            aria-labelledby={`records-${summary.year}`}
            className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200"
          >
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h2 id={`records-${summary.year}`} className="text-lg font-semibold">
                {summary.year} 年度
              </h2>
              <p className={`text-sm font-medium ${summary.complete ? "text-emerald-700" : "text-slate-800"}`}>
                {explainYear(summary)}
              </p>
            </div>
            <p className="mt-1 text-sm text-slate-600">
              合计 {summary.totalCredits} 学分（{formatHours(summary.hours)} 学时）：专业科目{" "}
              {summary.professionalCredits}，公需科目 {summary.publicCredits}
            </p>
            {yearLines.length === 0 ? (
              <p className="mt-3 text-sm text-slate-500">本年度暂无学分记录。</p>
            ) : (
              // Focusable, so that keyboard users can scroll a wide table on a phone.
              <div
                className="mt-3 overflow-x-auto"
                tabIndex={0}
                role="region"
                aria-label={`${summary.year} 年度学分明细`}
              >
                <table className="w-full min-w-[32rem] text-left text-sm">
                  <caption className="sr-only">{summary.year} 年度学分明细</caption>
                  <thead className="border-b border-slate-200 text-slate-500">
                    <tr>
                      <th scope="col" className="py-2 pr-3 font-medium">
                        日期
                      </th>
                      <th scope="col" className="py-2 pr-3 font-medium">
                        课程或项目
                      </th>
                      <th scope="col" className="py-2 pr-3 font-medium">
                        类别
                      </th>
                      <th scope="col" className="py-2 text-right font-medium">
                        学分
                      </th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
                    {yearLines.map((line) => (
                      <tr key={String(line.id)}>
                        <td className="py-2 pr-3 tabular-nums text-slate-600">
                          {formatDateTime(line.recordedAt).slice(0, 10)}
                        </td>
                        <td className="py-2 pr-3">{describe(line)}</td>
                        <td className="py-2 pr-3">{CREDIT_CATEGORY_LABELS[line.category]}</td>
                        <td
                          className={`py-2 text-right tabular-nums font-medium ${line.credits < 0 ? "text-red-700" : ""}`}
                        >
                          {line.credits > 0 ? `+${line.credits}` : line.credits}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        );
      })}
    </div>
  );
}
