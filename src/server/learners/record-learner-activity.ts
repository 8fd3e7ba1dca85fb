import "server-only";
import { z } from "zod";
import { scrubIdNumbers } from "@/lib/scrub";
import type { CurrentStaff } from "@/server/auth/session";
import { runLedgerTransaction } from "@/server/credits/ledger-transaction";
import {
  recordActivityCredits,
  ZRecordActivityCreditsInput,
  type TRecordActivityCreditsInput,
} from "@/server/credits/record-activity-credits";
import { lockLearnerInScope } from "./lock-learner-in-scope";

/** What an administrator enters: the ledger's input without who records it (the session says). */
export type TLearnerActivityInput = Omit<TRecordActivityCreditsInput, "recordedById">;

// The ledger's own fields, every one with its rule and message; who records it is not the form's.
const { recordedById: _recordedBy, ...ACTIVITY_FIELDS } = ZRecordActivityCreditsInput.shape;
const NUMBER_FIELDS = ["year", "credits", "days"] as const;

/** A form sends text: a number field's text becomes a number, an empty one is not given. */
function fromFormText(value: unknown): unknown {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
  const fields: Record<string, unknown> = { ...value };
  for (const key of NUMBER_FIELDS) {
    const text = fields[key];
    if (typeof text !== "string") continue;
    // Number("abc") is NaN, which the ledger's field refuses with its own message.
    if (text.trim() === "") delete fields[key];
    else fields[key] = Number(text);
  }
  return fields;
}

/**
 * 登记其他学分, the form: derived from ZRecordActivityCreditsInput (the ledger's schema, the one
 * source of these rules), its fields as they arrive from a form. The rules between fields (days
 * for conferences only, credits required without a default) are the ledger's refinement, applied
 * when recordActivityCredits parses the input again: the same messages, from the same place.
 */
export const ZLearnerActivityForm = z.preprocess(fromFormText, z.object(ACTIVITY_FIELDS));

/**
 * Activity credits (会议, 论文, 考试…) recorded by an administrator for a learner in their scope:
 * the scope check and the ledger entry in one transaction, under the learner's lock, so that a
 * transfer in between cannot slip a learner out of the administrator's districts.
 */
export function recordLearnerActivity(staff: CurrentStaff, input: TLearnerActivityInput) {
  return runLedgerTransaction(undefined, async (tx) => {
    await lockLearnerInScope(tx, staff, input.learnerId);
    return recordActivityCredits({ ...input, note: scrubIdNumbers(input.note), recordedById: staff.id }, tx);
  });
}
