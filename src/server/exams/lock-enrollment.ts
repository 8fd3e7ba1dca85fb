import "server-only";
import type { EnrollmentStage } from "@/domain/exams";
import type { SqlTx } from "@/server/sql";

export interface LockedEnrollment {
  id: string;
  courseId: string;
  status: EnrollmentStage;
  examCycle: number;
  examQuestionCount: number;
  examPassScore: number;
  examTimeLimitMinutes: number;
  examMaxAttempts: number;
}

const ENROLLMENT_ID = `$2`;
const ENROLLMENT_OF_ATTEMPT = `(SELECT "enrollmentId" FROM "ExamAttempt" WHERE "id" = $2 AND "learnerId" = $1)`;

/**
 * Locks the learner's enrollment (given, or that of one of their attempts) for the rest of the
 * transaction, with its course's exam settings. Every exam write that decides something (start,
 * grade, restudy) takes this lock first, so that they queue per enrollment, always in the order
 * enrollment -> attempt -> ledger (no deadlock), and learners never wait for each other.
 * FOR NO KEY UPDATE: it excludes the other exam writers but not the inserts that merely reference
 * the enrollment (progress, attempts). Another learner's enrollment or attempt is not found
 * (null), exactly like a nonexistent one.
 */
export async function lockEnrollment(
  tx: SqlTx,
  learnerId: string,
  of: { enrollmentId: string } | { attemptId: string },
): Promise<LockedEnrollment | null> {
  const [id, value] = "enrollmentId" in of ? [ENROLLMENT_ID, of.enrollmentId] : [ENROLLMENT_OF_ATTEMPT, of.attemptId];
  const rows = await tx.query<LockedEnrollment>(
    `SELECT e."id", e."courseId", e."status"::text AS "status", e."examCycle",
            c."examQuestionCount", c."examPassScore", c."examTimeLimitMinutes", c."examMaxAttempts"
     FROM "Enrollment" e JOIN "Course" c ON c."id" = e."courseId"
     WHERE e."id" = ${id} AND e."learnerId" = $1
     FOR NO KEY UPDATE OF e`,
    [learnerId, value],
  );
  return rows[0] ?? null;
}
