import "server-only";
import { z } from "zod";
import { parseCertificateCode } from "@/domain/certificates";
import { AppError } from "@/lib/errors";
import { certificateLifecycleMessages } from "@/messages/zh-CN";
import type { CurrentStaff } from "@/server/auth/session";
import { runLedgerTransaction } from "@/server/credits/ledger-transaction";
import { requireStaffPermission } from "@/server/policy/staff-permissions";
import { asSql } from "@/server/sql";
import { lockCertificateInScope } from "./revoke-certificate";
import { syncYearCertificate } from "./sync-year-certificate";

export const ZReissueCertificateInput = z.object({ code: z.string().max(40) });
export type TReissueCertificateInput = z.input<typeof ZReissueCertificateInput>;

/**
 * Lifts an administrator's revocation: the learner-year gets a new certificate if it is complete
 * and has no current one (a revoked certificate itself never becomes valid again).
 */
export async function reissueCertificate(
  staff: Pick<CurrentStaff, "id" | "role" | "districtId">,
  input: TReissueCertificateInput,
): Promise<{ learnerId: string }> {
  requireStaffPermission(staff, "certificates.revoke");
  const code = parseCertificateCode(ZReissueCertificateInput.parse(input).code);
  if (!code) throw new AppError("CERTIFICATE_NOT_FOUND");
  return runLedgerTransaction(undefined, async (tx) => {
    const certificate = await lockCertificateInScope(tx, staff, code);
    const [current] = await asSql(tx).query<{ code: string }>(
      `SELECT "code" FROM "Certificate" WHERE "learnerId" = $1 AND "year" = $2::int AND "state" = 'VALID'`,
      [certificate.learnerId, certificate.year],
    );
    if (current) throw new AppError("INVALID_TRANSITION", certificateLifecycleMessages.alreadyCurrent);
    const change = await syncYearCertificate(tx, certificate.learnerId, certificate.year, {
      afterStaffRevocation: true,
      actorId: staff.id,
    });
    if (change !== "issued") throw new AppError("INVALID_TRANSITION", certificateLifecycleMessages.yearNotComplete);
    return { learnerId: certificate.learnerId };
  });
}
