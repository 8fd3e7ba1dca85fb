import "server-only";
import { parseCertificateCode } from "@/domain/certificates";
import { recordAudit } from "@/server/audit/record-audit";
import { getDb } from "@/server/db";
import { asSql } from "@/server/sql";
import { VERIFY_ACTION, verificationBlockedUntil } from "./verification-throttle";

export interface VerifiedCertificate {
  code: string;
  state: "VALID" | "SUPERSEDED" | "REVOKED";
  name: string;
  idNumberMasked: string;
  districtName: string;
  employer: string;
  year: number;
  publicCredits: number;
  professionalCredits: number;
  totalCredits: number;
  hoursTenths: number;
  completedAt: Date;
  issuer: string;
  issuedAt: Date;
  revokedAt: Date | null;
  revokedReason: string | null;
  supersededAt: Date | null;
  /** For a superseded certificate: the learner-year's current one, if there is one. */
  currentCode: string | null;
  idNumberHmac: string;
}

export type VerificationAnswer =
  | { kind: "found"; certificate: VerifiedCertificate }
  | { kind: "unknown" }
  | { kind: "throttled"; until: Date };

// A malformed code is looked up like a well-formed one (as this, which no code can equal), so
// that both take the same path and the same time: an answer tells nothing about the format.
const NO_CODE = "-";

/**
 * The public verification (/verify/[code]): no session. An unknown and a malformed code get the
 * same answer, each an audit failure of the address, which the throttle counts.
 */
export async function readCertificateForVerification(text: string, ip: string | null): Promise<VerificationAnswer> {
  const until = await verificationBlockedUntil(ip);
  if (until) return { kind: "throttled", until };
  const code = parseCertificateCode(text) ?? NO_CODE;
  const [row] = await asSql(getDb()).query<VerifiedCertificate>(
    `SELECT c."code", c."state"::text AS "state", c."name", c."idNumberMasked", c."districtName", c."employer",
            c."year", c."publicCredits", c."professionalCredits", c."totalCredits", c."hoursTenths", c."completedAt",
            c."issuer", c."issuedAt", c."revokedAt", c."revokedReason", c."supersededAt", c."idNumberHmac",
            (SELECT v."code" FROM "Certificate" v
             WHERE v."learnerId" = c."learnerId" AND v."year" = c."year" AND v."state" = 'VALID') AS "currentCode"
     FROM "Certificate" c WHERE c."code" = $1`,
    [code],
  );
  if (row) return { kind: "found", certificate: row };
  await recordAudit({ actorType: "ANONYMOUS", action: VERIFY_ACTION, targetType: "Certificate", ip, outcome: "FAILURE" });
  return { kind: "unknown" };
}
