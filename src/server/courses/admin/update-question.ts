import "server-only";
import { getDb } from "@/server/db";
import { requireCourseRole, type CourseActor } from "./course-actor";
import { lockCourse } from "./lock-course";
import { lockQuestion } from "./lock-question";
import type { TUpdateQuestionInput } from "./question-input";
import { recordCourseAudit } from "./record-course-audit";

/**
 * 修改题目: the edited question takes the old one's place in the bank (same position, same
 * active flag) as a new row, so that a paper drawn from the old text never shows the new one.
 * The old question is deleted if no paper ever used it, else retired and kept for those papers;
 * `replaced` says the latter.
 */
export async function updateQuestion(
  actor: CourseActor,
  input: TUpdateQuestionInput,
): Promise<{ questionId: string; replaced: boolean }> {
  requireCourseRole(actor, "edit");
  const { courseId, questionId, type, stem, explanation, options } = input;
  return getDb().$transaction(async (tx) => {
    await lockCourse(tx, courseId);
    const { position, active, used, ...before } = await lockQuestion(tx, courseId, questionId);
    const created = await tx.question.create({
      data: {
        courseId,
        type,
        stem,
        explanation,
        position,
        active,
        options: { create: options.map((option, index) => ({ ...option, position: index })) },
      },
      select: { id: true },
    });
    if (used) await tx.question.update({ where: { id: questionId }, data: { active: false } });
    else await tx.question.delete({ where: { id: questionId } });
    await recordCourseAudit(
      tx,
      actor,
      used ? "question.replace" : "question.update",
      {
        type: "Question",
        id: created.id,
      },
      { courseId, previousId: questionId, before, after: { type, stem, explanation, options } },
    );
    return { questionId: created.id, replaced: used };
  });
}
