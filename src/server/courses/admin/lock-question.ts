import "server-only";
import { courseErrors } from "./course-errors";
import type { CourseTx } from "./lock-course";

/**
 * Locks a question of the course and tells whether any paper uses it. A paper being drawn takes
 * a key-share lock on the question (its foreign key), so once this returns "unused" no paper can
 * adopt the question before commit: it either waited and is counted, or waits and then finds a
 * deleted question and fails safely (the learner starts again on a fresh paper).
 */
export async function lockQuestion(tx: CourseTx, courseId: string, questionId: string) {
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Question" WHERE id = ${questionId} AND "courseId" = ${courseId} FOR UPDATE`;
  if (locked.length === 0) throw courseErrors.questionNotFound();
  const question = await tx.question.findUniqueOrThrow({
    where: { id: questionId },
    select: {
      type: true,
      stem: true,
      explanation: true,
      position: true,
      active: true,
      options: { orderBy: { position: "asc" }, select: { label: true, correct: true } },
      _count: { select: { attempts: true } },
    },
  });
  const { _count, ...rest } = question;
  return { ...rest, used: _count.attempts > 0 };
}
