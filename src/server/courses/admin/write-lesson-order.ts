import "server-only";
import type { CourseTx } from "./lock-course";

/**
 * Numbers a course's lessons 1..n in the given order. Positions are unique per course and
 * PostgreSQL checks that row by row, so every lesson first moves out of the way (negative).
 */
export async function writeLessonOrder(tx: CourseTx, courseId: string, orderedIds: readonly string[]): Promise<void> {
  for (const [index, id] of orderedIds.entries()) {
    await tx.lesson.update({ where: { id, courseId }, data: { position: -(index + 1) } });
  }
  for (const [index, id] of orderedIds.entries()) {
    await tx.lesson.update({ where: { id, courseId }, data: { position: index + 1 } });
  }
}
