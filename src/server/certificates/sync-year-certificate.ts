import "server-only";
import { randomBytes } from "node:crypto";
import { encodeCertificateCode } from "@/domain/certificates";
import { isYearComplete, pickPolicyRow } from "@/domain/credits";
import { maskIdNumberForCertificate } from "@/domain/identity";
import { env } from "@/lib/env";
import { todayInShanghai } from "@/lib/time";
import { certificateLifecycleMessages } from "@/messages/zh-CN";
import { recordAudit } from "@/server/audit/record-audit";
import { getCreditPolicy } from "@/server/credits/get-credit-policy";
import type { LedgerTx } from "@/server/credits/ledger-transaction";
import { decryptIdNumber } from "@/server/identity/id-number-crypto";
import { asSql, utc, type SqlClient, type SqlTx } from "@/server/sql";
import { signCertificatePayload } from "./certificate-signature";
import { signingKey } from "./signing-key";

export type CertificateChange = "issued" | "superseded" | "revoked" | null;

interface YearState {
  name: string;
  idNumberHmac: string;
  idNumberEncrypted: string;
  employer: string;
  districtName: string;
  totalCredits: number | null;
  professionalCredits: number | null;
  currentId: string | null;
  currentCode: string | null;
  currentTotal: number | null;
  currentProfessional: number | null;
  /** The latest certificate of the year was revoked by an administrator. */
  revokedByStaff: boolean | null;
}

async function readYearState(sql: SqlClient, learnerId: string, year: number): Promise<YearState | undefined> {
  const [row] = await sql.query<YearState>(
    `SELECT l."name", l."idNumberHmac", l."idNumberEncrypted", l."employer", d."name" AS "districtName",
            t."totalCredits", t."professionalCredits",
            c."id" AS "currentId", c."code" AS "currentCode", c."totalCredits" AS "currentTotal",
            c."professionalCredits" AS "currentProfessional",
            (SELECT x."revokedById" IS NOT NULL FROM "Certificate" x
             WHERE x."learnerId" = l."id" AND x."year" = $2 ORDER BY x."issuedAt" DESC LIMIT 1) AS "revokedByStaff"
     FROM "Learner" l
     JOIN "District" d ON d."id" = l."districtId"
     LEFT JOIN "CreditYearTotal" t ON t."learnerId" = l."id" AND t."year" = $2
     LEFT JOIN "Certificate" c ON c."learnerId" = l."id" AND c."year" = $2 AND c."state" = 'VALID'
     WHERE l."id" = $1`,
    [learnerId, year],
  );
  return row;
}

/**
 * When the year last became complete: the latest ledger entry that took the running sums from
 * incomplete to complete (a year that fell below and was completed again counts from then).
 */
async function readCompletedAt(
  sql: SqlClient,
  learnerId: string,
  year: number,
  rule: { requiredTotal: number; requiredProfessional: number },
): Promise<Date> {
  const [row] = await sql.query<{ completedAt: Date }>(
    `SELECT "recordedAt" AS "completedAt" FROM (
       SELECT "recordedAt", complete, LAG(complete, 1, false) OVER (ORDER BY "recordedAt", "id") AS "wasComplete"
       FROM (SELECT "id", "recordedAt",
                    credit_year_complete((SUM("credits") OVER w)::int,
                      (SUM(CASE WHEN "category" = 'PROFESSIONAL' THEN "credits" ELSE 0 END) OVER w)::int,
                      $3::int, $4::int) AS complete
             FROM "CreditEntry" WHERE "learnerId" = $1 AND "year" = $2::int
             WINDOW w AS (ORDER BY "recordedAt", "id")) running
     ) steps
     WHERE complete AND NOT "wasComplete"
     ORDER BY "recordedAt" DESC LIMIT 1`,
    [learnerId, year, rule.requiredTotal, rule.requiredProfessional],
  );
  if (!row) throw new Error(`learner-year ${year} is complete but no entry completed it`);
  return new Date(row.completedAt);
}

/**
 * Keeps the learner-year's certificate true to the ledger (ADR 0027), in the ledger writer's
 * transaction and under its learner lock (lockLearnerLedger), right after an entry of `year`:
 * a year that is complete gets a certificate (a new one, superseding the current, when its
 * figures changed); a year that fell below completion has its certificate revoked (学分更正).
 * A certificate an administrator revoked is not replaced automatically: only reissueCertificate
 * lifts that. Every change is an audit row. Returns what changed.
 */
export async function syncYearCertificate(
  tx: SqlTx | LedgerTx,
  learnerId: string,
  year: number,
  opts: { now?: Date; afterStaffRevocation?: boolean; actorId?: string | null } = {},
): Promise<CertificateChange> {
  const sql = asSql(tx);
  const now = opts.now ?? new Date();
  const state = await readYearState(sql, learnerId, year);
  if (!state) return null;
  const rule = pickPolicyRow(await getCreditPolicy({}, sql), year);
  const total = state.totalCredits ?? 0;
  const professional = state.professionalCredits ?? 0;
  const complete = isYearComplete(total, professional, rule);
  const actor = { actorType: opts.actorId ? ("STAFF" as const) : ("SYSTEM" as const), actorId: opts.actorId ?? null };

  if (!complete) {
    if (!state.currentId) return null;
    const reason = certificateLifecycleMessages.correctionRevocationReason;
    await sql.query(
      `UPDATE "Certificate" SET "state" = 'REVOKED', "revokedAt" = $2::timestamp, "revokedReason" = $3 WHERE "id" = $1`,
      [state.currentId, utc(now), reason],
    );
    await recordAudit(
      {
        ...actor,
        action: "certificate.revoke",
        targetType: "Learner",
        targetId: learnerId,
        outcome: "SUCCESS",
        details: { code: state.currentCode, year, reason, totalCredits: total, professionalCredits: professional },
      },
      sql,
    );
    return "revoked";
  }

  if (state.currentId && state.currentTotal === total && state.currentProfessional === professional) return null;
  if (!state.currentId && state.revokedByStaff && !opts.afterStaffRevocation) return null;

  const code = encodeCertificateCode(randomBytes(10));
  const issuedOn = todayInShanghai(now);
  const publicCredits = total - professional;
  const key = signingKey();
  const signature = signCertificatePayload(
    {
      code,
      idNumberHmac: state.idNumberHmac,
      name: state.name,
      year,
      publicCredits,
      professionalCredits: professional,
      totalCredits: total,
      issuedOn,
    },
    key.privateKey,
  );
  if (state.currentId) {
    // Before the insert: one VALID row per learner-year (Certificate_one_valid_per_year).
    await sql.query(
      `UPDATE "Certificate" SET "state" = 'SUPERSEDED', "supersededAt" = $2::timestamp, "supersededByCode" = $3
       WHERE "id" = $1`,
      [state.currentId, utc(now), code],
    );
  }
  const completedAt = await readCompletedAt(sql, learnerId, year, rule);
  await sql.query(
    `INSERT INTO "Certificate" ("id", "code", "learnerId", "year", "name", "idNumberMasked", "idNumberHmac",
       "districtName", "employer", "publicCredits", "professionalCredits", "totalCredits", "hoursTenths",
       "completedAt", "issuer", "issuedAt", "signature", "keyId")
     VALUES ($1, $2, $3, $4::int, $5, $6, $7, $8, $9, $10::int, $11::int, $12::int, $13::int, $14::timestamp, $15,
             $16::timestamp, $17, $18)`,
    [
      `cert_${code}`,
      code,
      learnerId,
      year,
      state.name,
      maskIdNumberForCertificate(decryptIdNumber(state.idNumberEncrypted)),
      state.idNumberHmac,
      state.districtName,
      state.employer,
      publicCredits,
      professional,
      total,
      Math.round((total * 10) / rule.creditsPerHour),
      utc(completedAt),
      env().CERTIFICATE_ISSUER,
      utc(now),
      signature,
      key.keyId,
    ],
  );
  await recordAudit(
    {
      ...actor,
      action: state.currentId ? "certificate.supersede" : "certificate.issue",
      targetType: "Learner",
      targetId: learnerId,
      outcome: "SUCCESS",
      details: {
        code,
        year,
        publicCredits,
        professionalCredits: professional,
        totalCredits: total,
        ...(state.currentCode ? { supersedes: state.currentCode } : {}),
      },
    },
    sql,
  );
  return state.currentId ? "superseded" : "issued";
}
