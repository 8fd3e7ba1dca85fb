import "server-only";
import { getDb } from "@/server/db";
import { requireCourseRole, type CourseActor } from "./course-actor";
import { courseErrors } from "./course-errors";
import { lockCourse } from "./lock-course";
import type { TSetQuestionActiveInput } from "./question-input";
import { recordCourseAudit } from "./record-course-audit";

/**
 * 停用 / 启用: a retired question is no longer drawn onto new papers but stays for the papers
 * that used it. A published course keeps at least one active question, or nobody could sit it.
 */
export async function setQuestionActive(
  actor: CourseActor,
  input: TSetQuestionActiveInput,
): Promise<{ questionId: string }> {
  requireCourseRole(actor, "edit");
  const { courseId, questionId, active } = input;
  return getDb().$transaction(async (tx) => {
    const course = await lockCourse(tx, courseId);
    const question = await tx.question.findFirst({ where: { id: questionId, courseId }, select: { active: true } });
    if (!question) throw courseErrors.questionNotFound();
    if (question.active === active) return { questionId };
    if (!active && course.status === "PUBLISHED") {
      const activeCount = await tx.question.count({ where: { courseId, active: true } });
      if (activeCount <= 1) throw courseErrors.lastQuestion();
    }
    await tx.question.update({ where: { id: questionId }, data: { active } });
    await recordCourseAudit(
      tx,
      actor,
      active ? "question.reactivate" : "question.retire",
      { type: "Question", id: questionId },
      { courseId },
    );
    return { questionId };
  });
}
