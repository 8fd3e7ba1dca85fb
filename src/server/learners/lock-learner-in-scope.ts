import "server-only";
import type { CurrentStaff } from "@/server/auth/session";
import type { LedgerTx } from "@/server/credits/ledger-transaction";
import { learnerScope } from "@/server/staff/learner-scope";
import { learnerNotFound } from "./learner-not-found";

/**
 * Inside a transaction: locks the learner's row (the same lock as the ledger writers, so an edit,
 * a transfer and a credit entry of one learner never interleave) and reads it within the staff
 * member's scope. Another district's learner is "not found", exactly like a missing one.
 */
export async function lockLearnerInScope(
  tx: LedgerTx,
  staff: Pick<CurrentStaff, "role" | "districtId">,
  learnerId: string,
) {
  await tx.$queryRaw`SELECT 1 FROM "Learner" WHERE "id" = ${learnerId} FOR NO KEY UPDATE`;
  const learner = await tx.learner.findFirst({
    where: { id: learnerId, ...learnerScope(staff) },
    select: {
      id: true,
      idNumberMasked: true,
      name: true,
      districtId: true,
      employer: true,
      qualification: true,
      mobile: true,
      startYear: true,
      status: true,
      district: { select: { name: true } },
    },
  });
  if (!learner) throw learnerNotFound();
  return learner;
}
