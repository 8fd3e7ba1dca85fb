import { PrintButton } from "@/components/records/print-button";
import { PrintHeader } from "@/components/records/print-header";
import { YearRecord } from "@/components/records/year-record";
import { todayInShanghai } from "@/lib/time";
import { recordMessages as m } from "@/messages/zh-CN/records";
import { requireLearner } from "@/server/auth/session";
import { listStudyRecord } from "@/server/records/list-study-record";

export const metadata = { title: m.pageTitle };

/**
 * 学分记录, and printed the study record (打印学习记录): the same content, with the print header
 * in place of the site's header, navigation and buttons (print CSS, no second page).
 */
export default async function RecordsPage() {
  const learner = await requireLearner();
  const { standing, years } = await listStudyRecord(learner);

  return (
    <div className="space-y-6 print:space-y-4">
      <PrintHeader
        name={learner.name}
        idNumberMasked={learner.idNumberMasked}
        district={learner.district.name}
        printDate={todayInShanghai()}
      />
      <header className="flex flex-wrap items-end justify-between gap-4 print:hidden">
        <div className="min-w-0 flex-1 basis-72">
          <h1 className="text-2xl font-semibold text-brand-900">{m.pageTitle}</h1>
          <p className="mt-1 text-sm text-slate-600">{m.intro}</p>
        </div>
        {years.length > 0 ? (
          <div className="w-full sm:w-auto">
            <PrintButton />
            <p className="mt-1 max-w-xs text-xs text-slate-500">{m.printHint}</p>
          </div>
        ) : null}
      </header>
      {years.length === 0 ? <p className="text-slate-600">{m.notStartedYet(standing.startYear)}</p> : null}
      {years.map((year) => (
        <YearRecord key={year.summary.year} year={year} />
      ))}
    </div>
  );
}
