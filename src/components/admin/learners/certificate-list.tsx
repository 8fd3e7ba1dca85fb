import { CertificateDownloadLink } from "@/components/certificates/certificate-download-link";
import { displayCertificateCode } from "@/domain/certificates";
import { formatDateTime } from "@/lib/time";
import type { LearnerCertificate } from "@/server/certificates/list-learner-certificates";
import { ReissueCertificateForm, RevokeCertificateForm } from "./certificate-forms";

const STATES = {
  VALID: { label: "有效", className: "bg-emerald-50 text-emerald-800 ring-emerald-200" },
  SUPERSEDED: { label: "已更新", className: "bg-amber-50 text-amber-900 ring-amber-200" },
  REVOKED: { label: "已撤销", className: "bg-red-50 text-red-800 ring-red-200" },
} as const;

/**
 * 学时证明 of a learner, every state, newest year first: the current one can be downloaded or
 * revoked (with a reason); a year whose latest certificate an administrator revoked can be
 * reissued. Stacked cards, so that nothing scrolls sideways on a phone.
 */
export function CertificateList({ certificates, canRevoke }: { certificates: LearnerCertificate[]; canRevoke: boolean }) {
  if (certificates.length === 0) return <p className="text-sm text-slate-600">暂无学时证明（完成一个年度后自动签发）。</p>;
  const latestOfYear = new Map<number, LearnerCertificate>();
  for (const c of certificates) if (!latestOfYear.has(c.year)) latestOfYear.set(c.year, c);
  const yearHasCurrent = new Set(certificates.filter((c) => c.state === "VALID").map((c) => c.year));
  return (
    <ul className="space-y-3">
      {certificates.map((c) => {
        const state = STATES[c.state];
        const reissuable =
          canRevoke && c.state === "REVOKED" && c.revokedById !== null && !yearHasCurrent.has(c.year) && latestOfYear.get(c.year) === c;
        return (
          <li key={c.code} className="rounded-lg p-4 ring-1 ring-slate-200" data-certificate={c.code}>
            <div className="flex flex-wrap items-center gap-3">
              <span className="text-lg font-semibold">{c.year} 年度</span>
              <span className={`rounded-full px-2.5 py-0.5 text-sm font-medium ring-1 ${state.className}`}>
                {state.label}
              </span>
              <span className="font-mono text-sm tracking-wide">{displayCertificateCode(c.code)}</span>
            </div>
            <p className="mt-2 text-sm text-slate-700">
              公需科目 {c.publicCredits} · 专业科目 {c.professionalCredits} · 合计 {c.totalCredits} 学分 · 签发于{" "}
              {formatDateTime(c.issuedAt)}
            </p>
            {c.state === "REVOKED" ? (
              <p className="mt-1 text-sm text-red-800">
                撤销原因：{c.revokedReason}
                {c.revokedAt ? `（${formatDateTime(c.revokedAt)}）` : ""}
              </p>
            ) : null}
            {c.state === "SUPERSEDED" && c.supersededByCode ? (
              <p className="mt-1 text-sm text-slate-600">已由 {displayCertificateCode(c.supersededByCode)} 取代</p>
            ) : null}
            <div className="mt-3 flex flex-wrap items-start gap-3">
              <a href={`/verify/${c.code}`} className="inline-flex min-h-11 items-center text-brand-700 underline">
                查验页面
              </a>
              {c.state === "VALID" ? <CertificateDownloadLink code={c.code} year={c.year} /> : null}
            </div>
            {c.state === "VALID" && canRevoke ? <RevokeCertificateForm code={c.code} /> : null}
            {reissuable ? <ReissueCertificateForm code={c.code} /> : null}
          </li>
        );
      })}
    </ul>
  );
}
