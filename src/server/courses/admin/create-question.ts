import "server-only";
import { getDb } from "@/server/db";
import { requireCourseRole, type CourseActor } from "./course-actor";
import { lockCourse } from "./lock-course";
import type { TQuestionInput } from "./question-input";
import { recordCourseAudit } from "./record-course-audit";

/** 添加题目, at the end of the bank, active. */
export async function createQuestion(actor: CourseActor, input: TQuestionInput): Promise<{ questionId: string }> {
  requireCourseRole(actor, "edit");
  const { courseId, type, stem, explanation, options } = input;
  return getDb().$transaction(async (tx) => {
    await lockCourse(tx, courseId);
    const last = await tx.question.aggregate({ where: { courseId }, _max: { position: true } });
    const question = await tx.question.create({
      data: {
        courseId,
        type,
        stem,
        explanation,
        position: (last._max.position ?? 0) + 1,
        options: { create: options.map((option, position) => ({ ...option, position })) },
      },
      select: { id: true },
    });
    await recordCourseAudit(
      tx,
      actor,
      "question.create",
      { type: "Question", id: question.id },
      { courseId, type, stem, options, explanation },
    );
    return { questionId: question.id };
  });
}
