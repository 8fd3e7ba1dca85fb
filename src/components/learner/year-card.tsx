import { explainYear, formatHours, type YearSummary } from "@/domain/credits";
import { CertificateDownloadLink } from "@/components/certificates/certificate-download-link";
import type { ReportingStatus } from "@/server/exports/read-reporting-status";
import { ReportedBadge } from "./reported-badge";

interface YearCardProps {
  summary: YearSummary;
  required: { requiredTotal: number; requiredProfessional: number };
  active: boolean;
  catchUp: boolean;
  /** Where the year's report to the provincial system stands (none: 待报送). */
  reporting?: ReportingStatus;
  /** The year's current certificate (学时证明), if it has one. */
  certificateCode?: string;
}

function Meter({ label, value, of }: { label: string; value: number; of: number }) {
  const percent = Math.min(100, Math.max(0, Math.round((value / of) * 100)));
  return (
    <div>
      <div className="flex justify-between text-sm">
        <span className="text-slate-600">{label}</span>
        <span className="tabular-nums font-medium">
          {value} / {of}
        </span>
      </div>
      <div
        role="meter"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={of}
        aria-valuenow={value}
        className="mt-1 h-2 overflow-hidden rounded-full bg-slate-100"
      >
        <div
          className={`h-full rounded-full ${percent >= 100 ? "bg-emerald-500" : "bg-brand-600"}`}
          style={{ width: `${percent}%` }}
        />
      </div>
    </div>
  );
}

export function YearCard({ summary, required, active, catchUp, reporting, certificateCode }: YearCardProps) {
  return (
    <article
      aria-labelledby={`year-${summary.year}`}
      className={`rounded-xl bg-white p-5 shadow-sm ring-1 ${active ? "ring-2 ring-brand-600" : "ring-slate-200"}`}
    >
      <div className="flex items-center justify-between gap-2">
        <h3 id={`year-${summary.year}`} className="text-lg font-semibold">
          {summary.year} 年度
        </h3>
        {summary.complete ? (
          <span className="rounded-full bg-emerald-50 px-2.5 py-0.5 text-xs font-medium text-emerald-800 ring-1 ring-emerald-200">
            已完成
          </span>
        ) : active ? (
          <span className="rounded-full bg-brand-50 px-2.5 py-0.5 text-xs font-medium text-brand-800 ring-1 ring-brand-200">
            {catchUp ? "当前学习年度（补学）" : "当前学习年度"}
          </span>
        ) : (
          <span className="rounded-full bg-slate-100 px-2.5 py-0.5 text-xs font-medium text-slate-700">未完成</span>
        )}
      </div>
      <div className="mt-4 space-y-3">
        <Meter label="总学分" value={summary.totalCredits} of={required.requiredTotal} />
        <Meter label="专业科目" value={summary.professionalCredits} of={required.requiredProfessional} />
      </div>
      <p className="mt-3 text-sm text-slate-600">
        公需科目 {summary.publicCredits} 学分 · 合计 {formatHours(summary.hours)} 学时
      </p>
      {summary.complete ? <ReportedBadge status={reporting} /> : null}
      {summary.complete && certificateCode ? (
        <div className="mt-3">
          <CertificateDownloadLink code={certificateCode} year={summary.year} />
        </div>
      ) : null}
      {active || !summary.complete ? <p className="mt-3 font-medium text-slate-900">{explainYear(summary)}</p> : null}
      {active && catchUp ? (
        <p className="mt-2 text-sm leading-relaxed text-amber-900">
          这是补学年度：须先完成 {summary.year} 年度的学习，才能学习下一年度。您新取得的学分会先计入本年度。
        </p>
      ) : null}
    </article>
  );
}
