import "server-only";
import { z } from "zod";
import { checkLearnerFields, maskMobile, QUALIFICATION_LABELS } from "@/domain/learners";
import { AppError } from "@/lib/errors";
import { scrubIdNumbers } from "@/lib/scrub";
import { currentYear } from "@/lib/time";
import { recordAudit } from "@/server/audit/record-audit";
import type { CurrentStaff } from "@/server/auth/session";
import { runLedgerTransaction } from "@/server/credits/ledger-transaction";
import { lockLearnerInScope } from "./lock-learner-in-scope";
import { commonMessages, learnerMessages } from "@/messages/zh-CN";

export const ZUpdateLearnerInput = z.object({
  learnerId: z.string().min(1, commonMessages.missingLearner),
  name: z.string().max(200),
  employer: z.string().max(500),
  qualification: z.string().max(50),
  mobile: z.string().max(50).default(""),
  startYear: z.union([z.string().max(10), z.number()]),
});
export type TUpdateLearnerInput = z.input<typeof ZUpdateLearnerInput>;

type Change = { before: string | number | null; after: string | number | null };

/**
 * Edits a learner's name, employer, qualification, mobile and start year (the ID number is never
 * edited: a wrong one is disabled and registered again). The start year cannot move past a year
 * that already holds credits, which would silently drop them from the standing. Audit-logged with
 * before/after of what changed, in the same transaction.
 */
export async function updateLearner(staff: CurrentStaff, input: TUpdateLearnerInput, ip: string | null) {
  const fields = ZUpdateLearnerInput.parse(input);
  const checked = checkLearnerFields(fields, currentYear());
  if (!checked.ok) throw new AppError("INVALID_INPUT", commonMessages.checkInput, checked.fieldErrors);
  const next = checked.value;

  return runLedgerTransaction(undefined, async (tx) => {
    const learner = await lockLearnerInScope(tx, staff, fields.learnerId);
    if (next.startYear > learner.startYear) {
      const { _min } = await tx.creditEntry.aggregate({ where: { learnerId: learner.id }, _min: { year: true } });
      if (_min.year !== null && _min.year < next.startYear) {
        const message = learnerMessages.startYearAfterCredits(_min.year);
        throw new AppError("START_YEAR_AFTER_CREDITS", message, { startYear: [message] });
      }
    }
    const changes: Record<string, Change> = {};
    if (learner.name !== next.name) changes.name = { before: learner.name, after: next.name };
    if (learner.employer !== next.employer) {
      // Free text: an 18-digit credit code typed into it must not reach the log as an ID number.
      changes.employer = { before: scrubIdNumbers(learner.employer), after: scrubIdNumbers(next.employer) };
    }
    if (learner.qualification !== next.qualification) {
      changes.qualification = {
        before: QUALIFICATION_LABELS[learner.qualification],
        after: QUALIFICATION_LABELS[next.qualification],
      };
    }
    if (learner.mobile !== next.mobile) {
      changes.mobile = { before: maskMobile(learner.mobile), after: maskMobile(next.mobile) };
    }
    if (learner.startYear !== next.startYear) changes.startYear = { before: learner.startYear, after: next.startYear };
    if (Object.keys(changes).length === 0) return { changed: false };

    await tx.learner.update({ where: { id: learner.id }, data: next });
    await recordAudit(
      {
        actorType: "STAFF",
        actorId: staff.id,
        action: "learner.update",
        targetType: "Learner",
        targetId: learner.id,
        ip,
        outcome: "SUCCESS",
        details: { idNumberMasked: learner.idNumberMasked, changes },
      },
      tx,
    );
    return { changed: true };
  });
}
