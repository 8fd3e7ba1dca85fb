import "server-only";
import { gradedStatus, gradePaper, isPastDeadline, requiresRestudy, type AttemptStatus } from "@/domain/exams";
import { awardCourseCredits } from "@/server/credits/award-course-credits";
import { utc, type SqlTx } from "@/server/sql";
import { forceRestudy } from "./force-restudy";
import { lockEnrollment } from "./lock-enrollment";

export interface GradedAttempt {
  attemptId: string;
  enrollmentId: string;
  status: Exclude<AttemptStatus, "IN_PROGRESS">;
  score: number;
  passed: boolean;
  /** True when an earlier call graded it: nothing was decided this time. */
  alreadyGraded: boolean;
  /** Set when this grading passed the attempt and recorded the course's credits. */
  award: { year: number; credits: number } | null;
  /** Set when this grading failed the cycle's last allowed attempt. */
  restudyRequired: boolean;
}

interface LockedAttempt {
  enrollmentId: string;
  courseId: string;
  cycle: number;
  number: number;
  status: AttemptStatus;
  deadline: Date;
  score: number | null;
  passed: boolean | null;
}

// SQL on the pg driver on this path: it runs for every hand-in of a year-end rush, where each
// statement costs the portal CPU (see docs/decisions/0007-exams.md and 0015).
const lockAttempt = async (tx: SqlTx, learnerId: string, attemptId: string) =>
  (
    await tx.query<LockedAttempt>(
      `SELECT "enrollmentId", "courseId", "cycle", "number", "status"::text AS "status", "deadline", "score", "passed"
       FROM "ExamAttempt" WHERE "id" = $1 AND "learnerId" = $2
       FOR NO KEY UPDATE`,
      [attemptId, learnerId],
    )
  )[0];

/** The paper's saved answers with each question's key, as it is now. */
const readPaperWithKey = (tx: SqlTx, attemptId: string) =>
  tx.query<{ position: number; answer: string[]; correctOptionIds: string[] }>(
    `SELECT p."position", p."answer",
            COALESCE(array_agg(o."id") FILTER (WHERE o."id" IS NOT NULL), '{}') AS "correctOptionIds"
     FROM "ExamAttemptQuestion" p
     LEFT JOIN "QuestionOption" o ON o."questionId" = p."questionId" AND o."correct"
     WHERE p."attemptId" = $1
     GROUP BY p."attemptId", p."position"
     ORDER BY p."position"`,
    [attemptId],
  );

/**
 * Grades an attempt once, in the caller's transaction: `mode` "submit" hands it in (EXPIRED when
 * handed in at or after the deadline), "expire" grades it only if its deadline has passed (lazy
 * expiry). Locks the enrollment, then the attempt (which also waits for answers being saved),
 * then reads the status: a second grader finds it graded and changes nothing. A pass records the
 * credits in the same transaction; failing the cycle's last attempt forces a restudy.
 * Returns null when the learner has no such attempt, "open" when it is not due for grading.
 */
export async function gradeAttempt(
  tx: SqlTx,
  input: { learnerId: string; attemptId: string; mode: "submit" | "expire"; now: Date },
): Promise<GradedAttempt | "open" | null> {
  const { learnerId, attemptId, now } = input;
  const enrollment = await lockEnrollment(tx, learnerId, { attemptId });
  const attempt = enrollment ? await lockAttempt(tx, learnerId, attemptId) : undefined;
  if (!enrollment || !attempt) return null;
  const { enrollmentId, courseId } = attempt;

  if (attempt.status !== "IN_PROGRESS") {
    const base = { attemptId, enrollmentId, status: attempt.status, alreadyGraded: true };
    return { ...base, score: attempt.score ?? 0, passed: attempt.passed ?? false, award: null, restudyRequired: false };
  }
  if (input.mode === "expire" && !isPastDeadline(attempt.deadline, now)) return "open";

  const grade = gradePaper(await readPaperWithKey(tx, attemptId), enrollment.examPassScore);
  const status = gradedStatus(attempt.deadline, now);
  // openKey back to null: the enrollment may open its next attempt.
  await tx.query(
    `WITH marked AS (
       UPDATE "ExamAttemptQuestion" AS q SET "correct" = v."correct"
       FROM unnest($2::int[], $3::boolean[]) AS v("position", "correct")
       WHERE q."attemptId" = $1 AND q."position" = v."position")
     UPDATE "ExamAttempt"
     SET "status" = $4::"AttemptStatus", "openKey" = NULL, "gradedAt" = $5::timestamp,
         "score" = $6::int, "passed" = $7::boolean
     WHERE "id" = $1`,
    [
      attemptId,
      grade.results.map((r) => r.position),
      grade.results.map((r) => r.correct),
      status,
      utc(now),
      grade.score,
      grade.passed,
    ],
  );

  let award: GradedAttempt["award"] = null;
  let restudyRequired = false;
  if (grade.passed) {
    const awarded = await awardCourseCredits({ learnerId, courseId }, tx);
    award = { year: awarded.year, credits: awarded.credits };
  } else if (
    attempt.cycle === enrollment.examCycle &&
    requiresRestudy({ passed: false, number: attempt.number }, enrollment.examMaxAttempts)
  ) {
    await forceRestudy(tx, { learnerId, enrollmentId, courseId, cycle: attempt.cycle, attempts: attempt.number });
    restudyRequired = true;
  }
  return {
    attemptId,
    enrollmentId,
    status,
    score: grade.score,
    passed: grade.passed,
    alreadyGraded: false,
    award,
    restudyRequired,
  };
}
