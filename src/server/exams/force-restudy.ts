import "server-only";
import { recordAudit } from "@/server/audit/record-audit";
import { utc, type SqlTx } from "@/server/sql";

/**
 * Sends the learner back to study the course after the last allowed failure of a cycle: the
 * verified progress of the enrollment is reset, the enrollment studies again in a new cycle, and
 * the audit log says why. Runs in the caller's transaction, under the enrollment lock, so that
 * the failing grade and the restudy commit together.
 */
export async function forceRestudy(
  tx: SqlTx,
  input: { learnerId: string; enrollmentId: string; courseId: string; cycle: number; attempts: number },
  now: Date = new Date(),
): Promise<void> {
  await tx.query(
    `WITH progress AS (
       UPDATE "LessonProgress" SET "verifiedMs" = 0, "completedAt" = NULL, "updatedAt" = $3::timestamp
       WHERE "enrollmentId" = $1)
     UPDATE "Enrollment" SET "status" = 'STUDYING', "studyCompletedAt" = NULL, "examCycle" = $2::int
     WHERE "id" = $1`,
    [input.enrollmentId, input.cycle + 1, utc(now)],
  );
  await recordAudit(
    {
      actorType: "SYSTEM",
      action: "exam.restudy_required",
      targetType: "Enrollment",
      targetId: input.enrollmentId,
      outcome: "SUCCESS",
      details: {
        learnerId: input.learnerId,
        courseId: input.courseId,
        cycle: input.cycle,
        failedAttempts: input.attempts,
      },
    },
    tx,
  );
}
