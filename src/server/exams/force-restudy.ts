import "server-only";
import { recordAudit } from "@/server/audit/record-audit";
import type { ExamTx } from "./run-exam-transaction";

/**
 * Sends the learner back to study the course after the last allowed failure of a cycle: the
 * verified progress of the enrollment is reset, the enrollment studies again in a new cycle, and
 * the audit log says why. Runs in the caller's transaction, under the enrollment lock, so that
 * the failing grade and the restudy commit together.
 */
export async function forceRestudy(
  tx: ExamTx,
  input: { learnerId: string; enrollmentId: string; courseId: string; cycle: number; attempts: number },
): Promise<void> {
  await tx.lessonProgress.updateMany({
    where: { enrollmentId: input.enrollmentId },
    data: { verifiedMs: 0, completedAt: null },
  });
  await tx.enrollment.update({
    where: { id: input.enrollmentId },
    data: { status: "STUDYING", studyCompletedAt: null, examCycle: input.cycle + 1 },
  });
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
