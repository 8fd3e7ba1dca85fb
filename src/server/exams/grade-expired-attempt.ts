import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { getDb } from "@/server/db";
import { gradeAttempt } from "./grade-attempt";
import { runExamTransaction } from "./run-exam-transaction";

/**
 * Lazy expiry: an attempt left open past its deadline is graded, with the answers saved by then,
 * the moment it is touched (its page, the exam's page). No background job is needed, and a
 * learner who never comes back has an open attempt that nothing depends on until they do.
 */
export async function gradeExpiredAttempt(
  learnerId: string,
  of: { attemptId: string } | { enrollmentId: string },
  now: Date,
): Promise<void> {
  const which =
    "attemptId" in of ? Prisma.sql`"id" = ${of.attemptId}` : Prisma.sql`"enrollmentId" = ${of.enrollmentId}`;
  const [expired] = await getDb().$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "ExamAttempt"
    WHERE ${which} AND "learnerId" = ${learnerId} AND "status" = 'IN_PROGRESS' AND "deadline" <= ${now}
    LIMIT 1`;
  if (!expired) return;
  await runExamTransaction((tx) => gradeAttempt(tx, { learnerId, attemptId: expired.id, mode: "expire", now }));
}
