import { headers } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import { displayCertificateCode } from "@/domain/certificates";
import { formatHoursTenths } from "@/domain/exports";
import { todayInShanghai } from "@/lib/time";
import { verifyMessages as m } from "@/messages/zh-CN";
import { readCertificateForVerification } from "@/server/certificates/read-certificate-for-verification";
import { clientAddress } from "@/server/request/client-address";

export const metadata = { title: m.title, robots: { index: false } };

const STATE = {
  VALID: { label: m.valid, note: m.validNote, box: "border-green-700 bg-green-50 text-green-900", mark: "✓" },
  SUPERSEDED: { label: m.superseded, note: m.supersededNote, box: "border-amber-700 bg-amber-50 text-amber-900", mark: "!" },
  REVOKED: { label: m.revoked, note: m.revokedNote, box: "border-red-700 bg-red-50 text-red-900", mark: "✕" },
} as const;

export default async function VerifyCertificatePage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const answer = await readCertificateForVerification(decodeURIComponent(code), clientAddress(await headers()));
  if (answer.kind === "throttled") {
    return (
      <section className="mx-auto max-w-xl" role="alert">
        <h1 className="text-2xl font-bold">{m.title}</h1>
        <p className="mt-3 text-lg text-red-800">{m.throttled}</p>
      </section>
    );
  }
  if (answer.kind === "unknown") notFound();
  const c = answer.certificate;
  const state = STATE[c.state];
  const fields: [string, string][] = [
    [m.codeLabel, displayCertificateCode(c.code)],
    [m.name, c.name],
    [m.idNumber, c.idNumberMasked],
    [m.district, c.districtName],
    [m.employer, c.employer],
    [m.year, String(c.year)],
    [m.publicCredits, String(c.publicCredits)],
    [m.professionalCredits, String(c.professionalCredits)],
    [m.totalCredits, String(c.totalCredits)],
    [m.hours, formatHoursTenths(c.hoursTenths)],
    [m.completedOn, todayInShanghai(c.completedAt)],
    [m.issuer, c.issuer],
    [m.issuedOn, todayInShanghai(c.issuedAt)],
  ];
  return (
    <section className="mx-auto max-w-2xl">
      <h1 className="text-2xl font-bold">{m.title}</h1>
      <div className={`mt-4 rounded-lg border-2 p-4 ${state.box}`} data-state={c.state}>
        <p className="text-2xl font-bold">
          <span aria-hidden="true">{state.mark} </span>
          <span>{state.label}</span>
        </p>
        <p className="mt-1 text-lg">{state.note}</p>
        {c.state === "REVOKED" ? (
          <p className="mt-2 text-lg">
            {m.revokedReason}：{c.revokedReason}（{m.revokedOn} {c.revokedAt ? todayInShanghai(c.revokedAt) : ""}）
          </p>
        ) : null}
        {c.state === "SUPERSEDED" && c.currentCode ? (
          <p className="mt-2 text-lg">
            <Link href={`/verify/${c.currentCode}`} className="font-medium underline">
              {m.currentLink}（{displayCertificateCode(c.currentCode)}）
            </Link>
          </p>
        ) : null}
      </div>
      <dl className="mt-6 divide-y divide-slate-200 rounded-lg border border-slate-300 text-lg">
        {fields.map(([label, value]) => (
          <div key={label} className="grid gap-1 px-4 py-3 sm:grid-cols-[10rem_1fr]">
            <dt className="text-slate-600">{label}</dt>
            <dd className="break-words font-medium">{value}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-4 text-base text-slate-600">
        {m.offline}{" "}
        <a href="/verify/key" className="underline" download>
          {m.publicKey}
        </a>
      </p>
    </section>
  );
}
