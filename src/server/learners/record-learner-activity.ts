import "server-only";
import { scrubIdNumbers } from "@/lib/scrub";
import type { CurrentStaff } from "@/server/auth/session";
import { runLedgerTransaction } from "@/server/credits/ledger-transaction";
import { recordActivityCredits, type TRecordActivityCreditsInput } from "@/server/credits/record-activity-credits";
import { lockLearnerInScope } from "./lock-learner-in-scope";

/**
 * Activity credits (会议, 论文, 考试…) recorded by an administrator for a learner in their scope:
 * the scope check and the ledger entry in one transaction, under the learner's lock, so that a
 * transfer in between cannot slip a learner out of the administrator's districts.
 */
export function recordLearnerActivity(staff: CurrentStaff, input: Omit<TRecordActivityCreditsInput, "recordedById">) {
  return runLedgerTransaction(undefined, async (tx) => {
    await lockLearnerInScope(tx, staff, input.learnerId);
    return recordActivityCredits({ ...input, note: scrubIdNumbers(input.note), recordedById: staff.id }, tx);
  });
}
