import "server-only";
import { z } from "zod";
import { learnerStanding, type CreditCategory, type CreditLine } from "@/domain/credits";
import { AppError } from "@/lib/errors";
import { currentYear } from "@/lib/time";
import { runSqlTransaction, utc, type SqlTx } from "@/server/sql";
import { getCreditPolicy } from "./get-credit-policy";
import { insertCreditEntryOnce, type LedgerEntry } from "./insert-credit-entry-once";
import { lockLearnerLedger } from "./lock-learner-ledger";
import { syncYearCertificate } from "@/server/certificates/sync-year-certificate";
import { parseCreditsInput } from "./parse-credits-input";
import { commonMessages, creditMessages } from "@/messages/zh-CN";

export const ZAwardCourseCreditsInput = z.object({
  learnerId: z.string().min(1, commonMessages.missingLearner),
  courseId: z.string().min(1, commonMessages.missingCourse),
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

function toAward(entry: LedgerEntry, alreadyAwarded: boolean): CourseCreditAward {
  return {
    entryId: entry.id,
    year: entry.year,
    credits: entry.credits,
    category: entry.category,
    alreadyAwarded,
  };
}

interface AwardContext {
  entryId: string | null;
  entryYear: number | null;
  entryCredits: number | null;
  entryCategory: CreditCategory | null;
  courseCategory: CreditCategory | null;
  courseCredits: number | null;
  /** The learner's ledger as one line per year and category (JSON text). */
  lines: string;
}

/**
 * What an award decides on, in one statement (it runs for every pass of a year-end exam rush,
 * where each statement costs the portal CPU): the entry already recorded for the course, if any,
 * the course's category and credits, and the learner's ledger by year and category (reversals
 * netted, as readLedgerLines gives it).
 */
async function readAwardContext(tx: SqlTx, learnerId: string, courseId: string, sourceKey: string) {
  const [row] = await tx.query<AwardContext>(
    `SELECT e."id"::text AS "entryId", e."year" AS "entryYear", e."credits" AS "entryCredits",
            e."category"::text AS "entryCategory", c."category"::text AS "courseCategory", c."credits" AS "courseCredits",
            (SELECT COALESCE(json_agg(json_build_object('year', g."year", 'category', g."category", 'credits', g."credits")), '[]')::text
             FROM (SELECT "year", "category"::text AS "category", SUM("credits")::int AS "credits"
                   FROM "CreditEntry" WHERE "learnerId" = $1 GROUP BY "year", "category") g) AS "lines"
     FROM (SELECT 1) AS one
     LEFT JOIN "CreditEntry" e ON e."sourceKey" = $3
     LEFT JOIN "Course" c ON c."id" = $2`,
    [learnerId, courseId, sourceKey],
  );
  return row;
}

async function award(tx: SqlTx, learnerId: string, courseId: string): Promise<CourseCreditAward> {
  // The lock comes first: the ledger read below must not be overtaken by another writer.
  const learner = await lockLearnerLedger(tx, learnerId);
  if (!learner) throw new AppError("LEARNER_NOT_FOUND");
  const sourceKey = courseSourceKey(courseId, learnerId);
  const context = await readAwardContext(tx, learnerId, courseId, sourceKey);
  if (
    context?.entryId != null &&
    context.entryYear !== null &&
    context.entryCredits !== null &&
    context.entryCategory
  ) {
    const { entryId, entryYear: year, entryCredits: credits, entryCategory: category } = context;
    return { entryId, year, credits, category, alreadyAwarded: true };
  }

  if (!context?.courseCategory || context.courseCredits === null) {
    throw new AppError("COURSE_NOT_FOUND");
  }
  const course = { category: context.courseCategory, credits: context.courseCredits };
  if (!Number.isInteger(course.credits) || course.credits <= 0) {
    throw new AppError("COURSE_HAS_NO_CREDITS");
  }
  const lines = JSON.parse(context.lines) as CreditLine[];
  const policy = await getCreditPolicy({}, tx);
  // Prior year first, decided now (not at enrollment): whatever completed a year since then counts.
  const { creditYear } = learnerStanding(lines, { startYear: learner.startYear, currentYear: currentYear() }, policy);
  if (creditYear === null) {
    throw new AppError("NO_CREDIT_YEAR", creditMessages.noCreditYearYet(learner.startYear));
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
  await tx.query(
    `UPDATE "Enrollment" SET "status" = 'CREDITED', "creditedAt" = $3::timestamp
     WHERE "learnerId" = $1 AND "courseId" = $2 AND "status" <> 'CREDITED'`,
    [learnerId, courseId, utc(entry.recordedAt)],
  );
  if (created) await syncYearCertificate(tx, learnerId, entry.year);
  return toAward(entry, !created);
}

/**
 * Records the credits a learner earned with a course, in their credit year (the earliest
 * incomplete obligation year, else the current year). Idempotent: a retried or concurrent call
 * returns the entry already recorded. Marks the learner's enrollment in the course as credited.
 * Pass `tx` to commit together with the caller's change (the passed exam's grade): it runs on the
 * exam's pg transaction (0015), in the caller's transaction itself.
 */
export async function awardCourseCredits(input: TAwardCourseCreditsInput, tx?: SqlTx): Promise<CourseCreditAward> {
  const { learnerId, courseId } = parseCreditsInput(ZAwardCourseCreditsInput, input);
  if (tx) return award(tx, learnerId, courseId);
  return runSqlTransaction((ownTx) => award(ownTx, learnerId, courseId));
}
