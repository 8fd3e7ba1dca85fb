import "server-only";
import { z } from "zod";
import { learnerStanding, type CreditCategory } from "@/domain/credits";
import type { CreditEntry } from "@/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { currentYear } from "@/lib/time";
import { getDb, type DbOrTx } from "@/server/db";
import { getCreditPolicy } from "./get-credit-policy";
import { insertCreditEntryOnce } from "./insert-credit-entry-once";
import { runLedgerTransaction, type LedgerTx } from "./ledger-transaction";
import { lockLearnerLedger } from "./lock-learner-ledger";
import { parseCreditsInput } from "./parse-credits-input";
import { readLedgerLines } from "./read-ledger-lines";

export const ZAwardCourseCreditsInput = z.object({
  learnerId: z.string().min(1, "缺少学员"),
  courseId: z.string().min(1, "缺少课程"),
});
export type TAwardCourseCreditsInput = z.infer<typeof ZAwardCourseCreditsInput>;

export interface CourseCreditAward {
  entryId: string;
  year: number;
  credits: number;
  category: CreditCategory;
  /** True when the course had already earned its credits: nothing was recorded this time. */
  alreadyAwarded: boolean;
}

/** A course earns credits at most once per learner: this key is unique in the ledger. */
function courseSourceKey(courseId: string, learnerId: string): string {
  return `course:${courseId}:${learnerId}`;
}

function toAward(entry: CreditEntry, alreadyAwarded: boolean): CourseCreditAward {
  return {
    entryId: entry.id.toString(),
    year: entry.year,
    credits: entry.credits,
    category: entry.category,
    alreadyAwarded,
  };
}

async function award(tx: LedgerTx, learnerId: string, courseId: string): Promise<CourseCreditAward> {
  // The lock comes first: the ledger read below must not be overtaken by another writer.
  const learner = await lockLearnerLedger(tx, learnerId);
  if (!learner) throw new AppError("LEARNER_NOT_FOUND", "未找到该学员");
  const sourceKey = courseSourceKey(courseId, learnerId);
  const existing = await tx.creditEntry.findUnique({ where: { sourceKey } });
  if (existing) return toAward(existing, true);

  const course = await tx.course.findUnique({ where: { id: courseId }, select: { category: true, credits: true } });
  if (!course) throw new AppError("COURSE_NOT_FOUND", "未找到该课程");
  if (!Number.isInteger(course.credits) || course.credits <= 0) {
    throw new AppError("COURSE_HAS_NO_CREDITS", "该课程未设置学分，请联系管理员");
  }
  const [lines, policy] = await Promise.all([readLedgerLines(tx, learnerId), getCreditPolicy({}, tx)]);
  // Prior year first, decided now (not at enrollment): whatever completed a year since then counts.
  const { creditYear } = learnerStanding(lines, { startYear: learner.startYear, currentYear: currentYear() }, policy);
  if (creditYear === null) {
    throw new AppError("NO_CREDIT_YEAR", `您的继续教育从 ${learner.startYear} 年开始，目前还不能获得学分`);
  }
  const { entry, created } = await insertCreditEntryOnce(tx, {
    learnerId,
    year: creditYear,
    category: course.category,
    credits: course.credits,
    source: "COURSE",
    sourceKey,
    courseId,
  });
  await tx.enrollment.updateMany({
    where: { learnerId, courseId, status: { not: "CREDITED" } },
    data: { status: "CREDITED", creditedAt: entry.recordedAt },
  });
  return toAward(entry, !created);
}

/**
 * Records the credits a learner earned with a course, in their credit year (the earliest
 * incomplete obligation year, else the current year). Idempotent: a retried or concurrent call
 * returns the entry already recorded. Marks the learner's enrollment in the course as credited.
 * Pass `tx` to commit together with the caller's change (e.g. the passed exam).
 */
export async function awardCourseCredits(input: TAwardCourseCreditsInput, tx?: DbOrTx): Promise<CourseCreditAward> {
  const { learnerId, courseId } = parseCreditsInput(ZAwardCourseCreditsInput, input);
  if (!tx) {
    // A retry of a committed award needs no transaction nor lock.
    const existing = await getDb().creditEntry.findUnique({
      where: { sourceKey: courseSourceKey(courseId, learnerId) },
    });
    if (existing) return toAward(existing, true);
  }
  return runLedgerTransaction(tx, (ledgerTx) => award(ledgerTx, learnerId, courseId));
}
