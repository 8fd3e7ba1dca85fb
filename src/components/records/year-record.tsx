import { CertificateDownloadLink } from "@/components/certificates/certificate-download-link";
import { ReportedBadge } from "@/components/learner/reported-badge";
import { ACTIVITY_TYPE_RULES, CREDIT_CATEGORY_LABELS, explainYear, formatHours } from "@/domain/credits";
import { recordMessages as m } from "@/messages/zh-CN/records";
import { formatDateTime } from "@/lib/time";
import type { StudyRecordLine, StudyRecordYear } from "@/server/records/list-study-record";
import { RecordTable } from "./record-table";

const formatDate = (value: Date) => formatDateTime(value).slice(0, 10);

function describe(line: StudyRecordLine): string {
  if (line.source === "COURSE") return line.courseTitle ?? m.courseFallback;
  if (line.source === "ACTIVITY") {
    const label = line.activityType ? ACTIVITY_TYPE_RULES[line.activityType].label : m.activityFallback;
    return line.note ? `${label}：${line.note}` : label;
  }
  return line.note ?? m.adjustmentFallback;
}

const LINE_COLUMNS = [
  { label: m.date },
  { label: m.source },
  { label: m.item },
  { label: m.category },
  { label: m.exam },
  { label: m.credits, end: true },
] as const;

const OPEN_EXAM_COLUMNS = [
  { label: m.date },
  { label: m.course },
  { label: m.attempt },
  { label: m.score },
  { label: m.result },
] as const;

/** One obligation year of the study record: its totals, its ledger entries and its open exams. */
export function YearRecord({
  year: { summary, lines, openExams, certificateCode, reporting },
}: {
  year: StudyRecordYear;
}) {
  const headingId = `records-${summary.year}`;
  const totals = [
    [m.publicCredits, m.creditsUnit(summary.publicCredits)],
    [m.professionalCredits, m.creditsUnit(summary.professionalCredits)],
    [m.totalCredits, m.creditsUnit(summary.totalCredits)],
    [m.hours, formatHours(summary.hours)],
  ] as const;
  return (
    <section
      aria-labelledby={headingId}
      className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200 print:rounded-none print:p-0 print:pt-2"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2 break-after-avoid">
        <h2 id={headingId} className="text-lg font-semibold">
          {m.yearHeading(summary.year)}
        </h2>
        <p className={`text-sm font-medium ${summary.complete ? "text-emerald-700" : "text-slate-800"}`}>
          {summary.complete ? explainYear(summary) : m.incompleteStatus(explainYear(summary))}
        </p>
      </div>
      <dl className="mt-2 grid grid-cols-2 gap-x-6 gap-y-1 text-sm sm:grid-cols-4 print:grid-cols-4">
        {totals.map(([label, value]) => (
          <div key={label} className="flex gap-2">
            <dt className="text-slate-600">{label}</dt>
            <dd className="font-medium tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>
      {summary.complete ? <ReportedBadge status={reporting ?? undefined} /> : null}
      {certificateCode ? (
        <div className="mt-3">
          <CertificateDownloadLink code={certificateCode} year={summary.year} />
        </div>
      ) : null}

      {lines.length === 0 ? (
        <p className="mt-3 text-sm text-slate-500">{m.noLines}</p>
      ) : (
        <RecordTable label={m.linesCaption(summary.year)} columns={LINE_COLUMNS}>
          {lines.map((line) => (
            <tr key={line.id}>
              <td className="py-2 pr-3 tabular-nums whitespace-nowrap text-slate-600">{formatDate(line.recordedAt)}</td>
              <td className="py-2 pr-3 whitespace-nowrap">{m.sources[line.source]}</td>
              <td className="py-2 pr-3">{describe(line)}</td>
              <td className="py-2 pr-3 whitespace-nowrap">{CREDIT_CATEGORY_LABELS[line.category]}</td>
              <td className="py-2 pr-3 whitespace-nowrap">
                {line.exam ? m.examPassed(line.exam.score, line.exam.attempts) : m.noExam}
              </td>
              <td className={`py-2 text-right font-medium tabular-nums ${line.credits < 0 ? "text-red-700" : ""}`}>
                {line.credits > 0 ? `+${line.credits}` : line.credits}
              </td>
            </tr>
          ))}
        </RecordTable>
      )}

      {openExams.length > 0 ? (
        <>
          <h3 className="mt-4 text-base font-semibold">{m.openExamsHeading}</h3>
          <RecordTable label={m.openExamsCaption(summary.year)} columns={OPEN_EXAM_COLUMNS}>
            {openExams.map((exam) => (
              <tr key={exam.id}>
                <td className="py-2 pr-3 tabular-nums whitespace-nowrap text-slate-600">{formatDate(exam.gradedAt)}</td>
                <td className="py-2 pr-3">{exam.courseTitle}</td>
                <td className="py-2 pr-3 whitespace-nowrap">{m.attemptNumber(exam.cycle, exam.number)}</td>
                <td className="py-2 pr-3 tabular-nums whitespace-nowrap">{m.scoreValue(exam.score)}</td>
                <td className="py-2 pr-3 whitespace-nowrap text-red-700">{m.failed}</td>
              </tr>
            ))}
          </RecordTable>
        </>
      ) : null}
    </section>
  );
}
