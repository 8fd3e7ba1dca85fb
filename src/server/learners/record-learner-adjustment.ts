import "server-only";
import { scrubIdNumbers } from "@/lib/scrub";
import type { CurrentStaff } from "@/server/auth/session";
import { runLedgerTransaction } from "@/server/credits/ledger-transaction";
import { recordCreditAdjustment, type TRecordCreditAdjustmentInput } from "@/server/credits/record-adjustment";
import { lockLearnerInScope } from "./lock-learner-in-scope";

/** A compensating ledger entry (with its reason) for a learner in the administrator's scope. */
export function recordLearnerAdjustment(
  staff: CurrentStaff,
  input: Omit<TRecordCreditAdjustmentInput, "recordedById">,
) {
  return runLedgerTransaction(undefined, async (tx) => {
    await lockLearnerInScope(tx, staff, input.learnerId);
    return recordCreditAdjustment({ ...input, reason: scrubIdNumbers(input.reason), recordedById: staff.id }, tx);
  });
}
