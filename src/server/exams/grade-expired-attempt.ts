import "server-only";
import { runSqlTransaction, sqlQuery, utc } from "@/server/sql";
import { gradeAttempt } from "./grade-attempt";

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
  const [column, value] = "attemptId" in of ? [`"id"`, of.attemptId] : [`"enrollmentId"`, of.enrollmentId];
  const [expired] = await sqlQuery<{ id: string }>(
    `SELECT "id" FROM "ExamAttempt"
     WHERE ${column} = $1 AND "learnerId" = $2 AND "status" = 'IN_PROGRESS' AND "deadline" <= $3::timestamp
     LIMIT 1`,
    [value, learnerId, utc(now)],
  );
  if (!expired) return;
  await runSqlTransaction((tx) => gradeAttempt(tx, { learnerId, attemptId: expired.id, mode: "expire", now }));
}
