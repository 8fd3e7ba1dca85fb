import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { CREDIT_CATEGORIES, CREDIT_CATEGORY_LABELS } from "@/domain/credits";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/server/audit/record-audit";
import type { DbOrTx } from "@/server/db";
import { checkLedgerYear } from "./check-ledger-year";
import { insertCreditEntryOnce } from "./insert-credit-entry-once";
import { runLedgerTransaction } from "./ledger-transaction";
import { lockLearnerLedger } from "./lock-learner-ledger";
import { syncYearCertificate } from "@/server/certificates/sync-year-certificate";
import { parseCreditsInput } from "./parse-credits-input";
import type { RecordedCredits } from "./record-activity-credits";
import { commonMessages, creditMessages } from "@/messages/zh-CN";

/** A typo guard: a correction larger than this is surely a mistyped figure. */
const MAX_ADJUSTMENT_CREDITS = 1000;

export const ZRecordCreditAdjustmentInput = z.object({
  learnerId: z.string().min(1, commonMessages.missingLearner),
  year: z.number({ error: commonMessages.enterYear }).int(commonMessages.yearNotWhole),
  category: z.enum(CREDIT_CATEGORIES, { error: commonMessages.chooseCategory }),
  credits: z
    .number({ error: creditMessages.creditsNotWhole })
    .int(creditMessages.creditsNotWhole)
    .min(-MAX_ADJUSTMENT_CREDITS, creditMessages.adjustmentMax(MAX_ADJUSTMENT_CREDITS))
    .max(MAX_ADJUSTMENT_CREDITS, creditMessages.adjustmentMax(MAX_ADJUSTMENT_CREDITS))
    .refine((credits) => credits !== 0, creditMessages.adjustmentZero),
  reason: z
    .string({ error: creditMessages.enterAdjustmentReason })
    .trim()
    .min(1, creditMessages.enterAdjustmentReason)
    .max(500, creditMessages.adjustmentReasonTooLong),
  recordedById: z.string().min(1, creditMessages.missingRecorder),
  idempotencyKey: z.string().trim().min(1).max(100).optional(),
});
export type TRecordCreditAdjustmentInput = z.input<typeof ZRecordCreditAdjustmentInput>;

/**
 * The compensating entry: the ledger is append-only, so a mistake is corrected by adding credits
 * (positive) or reversing them (negative), with a reason, never by editing a row. Refuses to take
 * a year's category below zero: a reversal can only undo credits that are there. Audit-logged in
 * the same transaction. Authorization is the caller's.
 */
export async function recordCreditAdjustment(
  input: TRecordCreditAdjustmentInput,
  tx?: DbOrTx,
): Promise<RecordedCredits> {
  const fields = parseCreditsInput(ZRecordCreditAdjustmentInput, input);
  const sourceKey = `adjustment:${fields.idempotencyKey ?? randomUUID()}`;

  return runLedgerTransaction(tx, async (ledgerTx) => {
    const learner = await lockLearnerLedger(ledgerTx, fields.learnerId);
    if (!learner) throw new AppError("LEARNER_NOT_FOUND");
    checkLedgerYear(fields.year, learner.startYear);

    const replay = await ledgerTx.creditEntry.findUnique({ where: { sourceKey } });
    if (replay) {
      // A retry of the same submission returns what it recorded, without checking the balance again.
      if (replay.learnerId !== fields.learnerId) {
        throw new AppError("IDEMPOTENCY_KEY_REUSED");
      }
      return {
        entryId: replay.id.toString(),
        year: replay.year,
        category: replay.category,
        credits: replay.credits,
        alreadyRecorded: true,
      };
    }

    // Under the learner's lock, so two reversals at once cannot both pass this check.
    const { _sum } = await ledgerTx.creditEntry.aggregate({
      where: { learnerId: fields.learnerId, year: fields.year, category: fields.category },
      _sum: { credits: true },
    });
    const before = _sum.credits ?? 0;
    const after = before + fields.credits;
    if (after < 0) {
      const label = CREDIT_CATEGORY_LABELS[fields.category];
      const limit = before > 0 ? creditMessages.deductAtMost(before) : creditMessages.nothingToDeduct;
      throw new AppError("ADJUSTMENT_BELOW_ZERO", creditMessages.belowZero(fields.year, label, before, limit), {
        credits: [limit],
      });
    }

    const { entry } = await insertCreditEntryOnce(ledgerTx, {
      learnerId: fields.learnerId,
      year: fields.year,
      category: fields.category,
      credits: fields.credits,
      source: "ADJUSTMENT",
      sourceKey,
      note: fields.reason,
      recordedById: fields.recordedById,
    });
    await recordAudit(
      {
        actorType: "STAFF",
        actorId: fields.recordedById,
        action: "credits.adjustment",
        targetType: "Learner",
        targetId: fields.learnerId,
        outcome: "SUCCESS",
        details: {
          entryId: entry.id,
          year: entry.year,
          category: entry.category,
          credits: entry.credits,
          categoryCreditsBefore: before,
          categoryCreditsAfter: after,
          reason: fields.reason,
        },
      },
      ledgerTx,
    );
    await syncYearCertificate(ledgerTx, fields.learnerId, entry.year, { actorId: fields.recordedById });
    return {
      entryId: entry.id,
      year: entry.year,
      category: entry.category,
      credits: entry.credits,
      alreadyRecorded: false,
    };
  });
}
