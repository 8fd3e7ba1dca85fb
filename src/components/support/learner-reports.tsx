import Link from "next/link";
import { formatDateTime } from "@/lib/time";
import type { ReportRow } from "@/server/support/read-learner-reports";
import { DiagnosticsView } from "./diagnostics-view";
import { TicketStatusBadge } from "./ticket-status-badge";

/** A learner's problem reports, each with its diagnostics and a way to its ticket. */
export function LearnerReports({ reports }: { reports: ReportRow[] }) {
  if (reports.length === 0) return <p className="text-sm text-slate-600">该学员没有提交过问题报告。</p>;
  return (
    <ul className="space-y-4">
      {reports.map((r) => (
        <li key={r.reference} className="rounded-lg p-4 ring-1 ring-slate-200">
          <article aria-labelledby={`report-${r.reference}`} className="space-y-3">
            <div className="flex flex-wrap items-center gap-3">
              <h3 id={`report-${r.reference}`} className="font-mono font-semibold">
                {r.reference}
              </h3>
              <TicketStatusBadge status={r.status} />
              <span className="text-sm tabular-nums text-slate-600">{formatDateTime(r.createdAt)}</span>
              <Link
                href={`/support/reports/${r.reference}`}
                prefetch={false}
                className="ml-auto text-sm font-medium text-brand-700 underline underline-offset-2"
              >
                处理问题 {r.reference}
              </Link>
            </div>
            <p className="text-sm text-slate-700">
              {[r.courseTitle, r.lessonTitle].filter(Boolean).join(" · ") || "未关联课程"}
            </p>
            <blockquote className="whitespace-pre-wrap border-l-4 border-slate-200 pl-3 text-sm text-slate-800">
              {r.description}
            </blockquote>
            {r.resolution ? <p className="text-sm text-emerald-800">处理结果：{r.resolution}</p> : null}
            <DiagnosticsView diagnostics={r.diagnostics} headingLevel={4} />
          </article>
        </li>
      ))}
    </ul>
  );
}
