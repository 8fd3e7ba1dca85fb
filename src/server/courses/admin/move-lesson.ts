import "server-only";
import { lessonStructureLocked } from "@/domain/course-admin";
import { getDb } from "@/server/db";
import { requireCourseRole, type CourseActor } from "./course-actor";
import { courseErrors } from "./course-errors";
import type { TMoveLessonInput } from "./lesson-input";
import { lockCourse } from "./lock-course";
import { recordCourseAudit } from "./record-course-audit";
import { writeLessonOrder } from "./write-lesson-order";

/** 上移 / 下移: swaps a lesson with its neighbour; only while nobody has enrolled. */
export async function moveLesson(actor: CourseActor, input: TMoveLessonInput): Promise<{ lessonId: string }> {
  requireCourseRole(actor, "edit");
  const { courseId, lessonId, direction } = input;
  return getDb().$transaction(async (tx) => {
    const course = await lockCourse(tx, courseId);
    const lessons = await tx.lesson.findMany({
      where: { courseId },
      orderBy: { position: "asc" },
      select: { id: true },
    });
    const from = lessons.findIndex((lesson) => lesson.id === lessonId);
    if (from < 0) throw courseErrors.lessonNotFound();
    if (lessonStructureLocked(course.enrollmentCount)) throw courseErrors.lessonsLocked();
    const to = direction === "up" ? from - 1 : from + 1;
    const order = lessons.map((lesson) => lesson.id);
    const neighbour = order[to];
    if (neighbour === undefined) return { lessonId }; // already first or last
    order[to] = lessonId;
    order[from] = neighbour;
    await writeLessonOrder(tx, courseId, order);
    await recordCourseAudit(
      tx,
      actor,
      "lesson.move",
      { type: "Lesson", id: lessonId },
      { courseId, from: from + 1, to: to + 1 },
    );
    return { lessonId };
  });
}
