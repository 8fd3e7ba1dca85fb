import "server-only";
import { z } from "zod";
import { parseCertificateCode } from "@/domain/certificates";
import { AppError } from "@/lib/errors";
import { certificateLifecycleMessages } from "@/messages/zh-CN";
import { recordAudit } from "@/server/audit/record-audit";
import type { CurrentStaff } from "@/server/auth/session";
import { runLedgerTransaction } from "@/server/credits/ledger-transaction";
import { lockLearnerInScope } from "@/server/learners/lock-learner-in-scope";
import { requireStaffPermission } from "@/server/policy/staff-permissions";
import { asSql, utc } from "@/server/sql";

export const ZRevokeCertificateInput = z.object({
  code: z.string().max(40).transform((v, ctx) => {
    const code = parseCertificateCode(v);
    if (!code) ctx.addIssue({ code: "custom", message: certificateLifecycleMessages.notFound });
    return code ?? "";
  }),
  reason: z
    .string({ error: certificateLifecycleMessages.enterRevocationReason })
    .trim()
    .min(2, certificateLifecycleMessages.enterRevocationReason)
    .max(200, certificateLifecycleMessages.revocationReasonTooLong),
});
export type TRevokeCertificateInput = z.input<typeof ZRevokeCertificateInput>;

type Staff = Pick<CurrentStaff, "id" | "role" | "districtId">;

/** The certificate's learner, locked and in the staff member's scope (else not found). */
export async function lockCertificateInScope(tx: Parameters<typeof lockLearnerInScope>[0], staff: Staff, code: string) {
  const [row] = await asSql(tx).query<{ learnerId: string; year: number; state: string }>(
    `SELECT "learnerId", "year", "state"::text AS "state" FROM "Certificate" WHERE "code" = $1`,
    [code],
  );
  if (!row) throw new AppError("CERTIFICATE_NOT_FOUND");
  await lockLearnerInScope(tx, staff, row.learnerId).catch(() => {
    throw new AppError("CERTIFICATE_NOT_FOUND");
  });
  // Read again under the lock: a ledger writer may have superseded it meanwhile.
  const [locked] = await asSql(tx).query<{ state: string }>(
    `SELECT "state"::text AS "state" FROM "Certificate" WHERE "code" = $1`,
    [code],
  );
  return { learnerId: row.learnerId, year: row.year, state: locked?.state ?? row.state };
}

/**
 * An administrator of the learner's district (or the city office) revokes a current certificate,
 * with a reason; the year gets no new one automatically until reissueCertificate. Audited in the
 * same transaction.
 */
export async function revokeCertificate(
  staff: Staff,
  input: TRevokeCertificateInput,
  ip: string | null,
): Promise<{ learnerId: string }> {
  requireStaffPermission(staff, "certificates.revoke");
  const { code, reason } = ZRevokeCertificateInput.parse(input);
  return runLedgerTransaction(undefined, async (tx) => {
    const certificate = await lockCertificateInScope(tx, staff, code);
    if (certificate.state !== "VALID") throw new AppError("INVALID_TRANSITION", certificateLifecycleMessages.notCurrent);
    await asSql(tx).query(
      `UPDATE "Certificate" SET "state" = 'REVOKED', "revokedAt" = $2::timestamp, "revokedReason" = $3,
         "revokedById" = $4 WHERE "code" = $1`,
      [code, utc(new Date()), reason, staff.id],
    );
    await recordAudit(
      {
        actorType: "STAFF",
        actorId: staff.id,
        action: "certificate.revoke",
        targetType: "Learner",
        targetId: certificate.learnerId,
        ip,
        outcome: "SUCCESS",
        details: { code, year: certificate.year, reason },
      },
      tx,
    );
    return { learnerId: certificate.learnerId };
  });
}
