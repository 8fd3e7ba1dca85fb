import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { getDb } from "@/server/db";
import { requireCourseRole, type CourseActor } from "./course-actor";
import { courseErrors } from "./course-errors";
import { lockCourse } from "./lock-course";
import { lockQuestion } from "./lock-question";
import { recordCourseAudit } from "./record-course-audit";

/**
 * 删除题目: only a question never put on a paper (one that was can only be retired), and never
 * the last active question of a published course.
 */
export async function deleteQuestion(
  actor: CourseActor,
  input: { courseId: string; questionId: string },
): Promise<{ questionId: string }> {
  requireCourseRole(actor, "edit");
  const { courseId, questionId } = input;
  try {
    return await getDb().$transaction(async (tx) => {
      const course = await lockCourse(tx, courseId);
      const question = await lockQuestion(tx, courseId, questionId);
      if (question.used) throw courseErrors.questionUsed();
      if (question.active && course.status === "PUBLISHED") {
        const activeCount = await tx.question.count({ where: { courseId, active: true } });
        if (activeCount <= 1) throw courseErrors.lastQuestion();
      }
      await tx.question.delete({ where: { id: questionId } });
      await recordCourseAudit(
        tx,
        actor,
        "question.delete",
        { type: "Question", id: questionId },
        {
          courseId,
          type: question.type,
          stem: question.stem,
        },
      );
      return { questionId };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2003") {
      throw courseErrors.questionUsed();
    }
    throw error;
  }
}
