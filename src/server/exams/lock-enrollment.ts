import "server-only";
import type { EnrollmentStage } from "@/domain/exams";
import { Prisma } from "@/generated/prisma/client";
import type { ExamTx } from "./run-exam-transaction";

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
  tx: ExamTx,
  learnerId: string,
  of: { enrollmentId: string } | { attemptId: string },
): Promise<LockedEnrollment | null> {
  const id =
    "enrollmentId" in of
      ? Prisma.sql`${of.enrollmentId}`
      : Prisma.sql`(SELECT "enrollmentId" FROM "ExamAttempt" WHERE "id" = ${of.attemptId} AND "learnerId" = ${learnerId})`;
  const rows = await tx.$queryRaw<LockedEnrollment[]>`
    SELECT e."id", e."courseId", e."status"::text AS "status", e."examCycle",
           c."examQuestionCount", c."examPassScore", c."examTimeLimitMinutes", c."examMaxAttempts"
    FROM "Enrollment" e JOIN "Course" c ON c."id" = e."courseId"
    WHERE e."id" = ${id} AND e."learnerId" = ${learnerId}
    FOR NO KEY UPDATE OF e`;
  return rows[0] ?? null;
}
