import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { ACTIVITY_TYPES, ACTIVITY_TYPE_RULES, CREDIT_CATEGORIES, defaultActivityCredits } from "@/domain/credits";
import type { CreditEntry } from "@/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/server/audit/record-audit";
import type { DbOrTx } from "@/server/db";
import { checkLedgerYear } from "./check-ledger-year";
import { insertCreditEntryOnce } from "./insert-credit-entry-once";
import { runLedgerTransaction } from "./ledger-transaction";
import { lockLearnerLedger } from "./lock-learner-ledger";
import { syncYearCertificate } from "@/server/certificates/sync-year-certificate";
import { parseCreditsInput } from "./parse-credits-input";
import { commonMessages, creditMessages } from "@/messages/zh-CN";

/** A typo guard, not a rule: no single activity of the national rules is worth more. */
const MAX_ACTIVITY_CREDITS = 360;

export const ZRecordActivityCreditsInput = z
  .object({
    learnerId: z.string().min(1, commonMessages.missingLearner),
    year: z.number({ error: commonMessages.enterYear }).int(commonMessages.yearNotWhole),
    category: z.enum(CREDIT_CATEGORIES, { error: commonMessages.chooseCategory }),
    activityType: z.enum(ACTIVITY_TYPES, { error: creditMessages.chooseActivityType }),
    credits: z
      .number({ error: creditMessages.creditsNotWhole })
      .int(creditMessages.creditsNotWhole)
      .positive(creditMessages.creditsNotPositive)
      .max(MAX_ACTIVITY_CREDITS, creditMessages.activityCreditsMax(MAX_ACTIVITY_CREDITS))
      .optional(),
    days: z
      .number({ error: creditMessages.daysNotWhole })
      .int(creditMessages.daysNotWhole)
      .min(1, creditMessages.daysNotPositive)
      .max(30, creditMessages.daysMax)
      .optional(),
    note: z.string().trim().min(1, creditMessages.enterActivityNote).max(500, creditMessages.activityNoteTooLong),
    recordedById: z.string().min(1, creditMessages.missingRecorder),
    idempotencyKey: z.string().trim().min(1).max(100).optional(),
  })
  .superRefine((value, ctx) => {
    if (value.days !== undefined && value.activityType !== "CONFERENCE") {
      ctx.addIssue({ code: "custom", path: ["days"], message: creditMessages.daysOnlyForConference });
    }
    if (value.credits === undefined && defaultActivityCredits(value.activityType, value.days) === null) {
      const conference = value.activityType === "CONFERENCE";
      ctx.addIssue({
        code: "custom",
        path: [conference ? "days" : "credits"],
        message: conference ? creditMessages.enterDaysOrCredits : creditMessages.enterCredits,
      });
    }
  });
export type TRecordActivityCreditsInput = z.input<typeof ZRecordActivityCreditsInput>;

export interface RecordedCredits {
  entryId: string;
  year: number;
  category: CreditEntry["category"];
  credits: number;
  /** True when this idempotency key had already recorded the entry: nothing new was written. */
  alreadyRecorded: boolean;
}

/**
 * Records continuing education other than the portal's courses (an exam passed, a conference, a
 * paper…) for the year it took place, chosen by the administrator among the learner's obligation
 * years: prior year first governs course study only. Credits default from the activity type.
 * Audit-logged in the same transaction. Authorization is the caller's.
 */
export async function recordActivityCredits(input: TRecordActivityCreditsInput, tx?: DbOrTx): Promise<RecordedCredits> {
  const fields = parseCreditsInput(ZRecordActivityCreditsInput, input);
  // The refinement guarantees a value; the check keeps the type honest without a cast.
  const credits = fields.credits ?? defaultActivityCredits(fields.activityType, fields.days);
  if (credits === null)
    throw new AppError("INVALID_INPUT", creditMessages.enterCredits, { credits: [creditMessages.enterCredits] });
  const sourceKey = `activity:${fields.idempotencyKey ?? randomUUID()}`;

  return runLedgerTransaction(tx, async (ledgerTx) => {
    const learner = await lockLearnerLedger(ledgerTx, fields.learnerId);
    if (!learner) throw new AppError("LEARNER_NOT_FOUND");
    checkLedgerYear(fields.year, learner.startYear);
    const { entry, created } = await insertCreditEntryOnce(ledgerTx, {
      learnerId: fields.learnerId,
      year: fields.year,
      category: fields.category,
      credits,
      source: "ACTIVITY",
      sourceKey,
      activityType: fields.activityType,
      note: fields.note,
      recordedById: fields.recordedById,
    });
    if (!created) {
      // A retry of the same submission: only acceptable if it is the same learner's entry.
      if (entry.learnerId !== fields.learnerId) {
        throw new AppError("IDEMPOTENCY_KEY_REUSED");
      }
    } else {
      await recordAudit(
        {
          actorType: "STAFF",
          actorId: fields.recordedById,
          action: "credits.activity",
          targetType: "Learner",
          targetId: fields.learnerId,
          outcome: "SUCCESS",
          details: {
            entryId: entry.id,
            year: entry.year,
            category: entry.category,
            credits: entry.credits,
            activityType: fields.activityType,
            activityLabel: ACTIVITY_TYPE_RULES[fields.activityType].label,
            ...(fields.days !== undefined ? { days: fields.days } : {}),
            note: fields.note,
          },
        },
        ledgerTx,
      );
      await syncYearCertificate(ledgerTx, fields.learnerId, entry.year, { actorId: fields.recordedById });
    }
    return {
      entryId: entry.id,
      year: entry.year,
      category: entry.category,
      credits: entry.credits,
      alreadyRecorded: !created,
    };
  });
}
