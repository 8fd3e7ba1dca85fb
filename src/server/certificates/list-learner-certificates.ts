import "server-only";
import type { CertificateState } from "@/generated/prisma/enums";
import { getDb, type DbOrTx } from "@/server/db";

export interface LearnerCertificate {
  code: string;
  year: number;
  state: CertificateState;
  totalCredits: number;
  professionalCredits: number;
  publicCredits: number;
  issuedAt: Date;
  revokedAt: Date | null;
  revokedReason: string | null;
  /** Null when a ledger correction revoked it. */
  revokedById: string | null;
  supersededByCode: string | null;
}

/**
 * A learner's certificates, newest year first and the current one first within a year: all of
 * them for the administrators' learner page, `currentOnly` for the learner's own pages (a
 * superseded or revoked certificate is not offered for download). The caller has authorized the
 * learner id (the session's own, or a learner in the staff member's scope).
 */
export function listLearnerCertificates(
  learnerId: string,
  opts: { currentOnly?: boolean } = {},
  db: DbOrTx = getDb(),
): Promise<LearnerCertificate[]> {
  return db.certificate.findMany({
    where: { learnerId, ...(opts.currentOnly ? { state: "VALID" } : {}) },
    orderBy: [{ year: "desc" }, { issuedAt: "desc" }],
    select: {
      code: true,
      year: true,
      state: true,
      totalCredits: true,
      professionalCredits: true,
      publicCredits: true,
      issuedAt: true,
      revokedAt: true,
      revokedReason: true,
      revokedById: true,
      supersededByCode: true,
    },
  });
}
