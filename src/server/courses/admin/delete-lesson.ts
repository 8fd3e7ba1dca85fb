import "server-only";
import { lessonStructureLocked } from "@/domain/course-admin";
import { getDb } from "@/server/db";
import { requireCourseRole, type CourseActor } from "./course-actor";
import { courseErrors } from "./course-errors";
import { lockCourse } from "./lock-course";
import { recordCourseAudit } from "./record-course-audit";
import { writeLessonOrder } from "./write-lesson-order";

/**
 * 删除课时: only while nobody has enrolled (a learner's progress would lose a lesson), and never
 * the last lesson of a published course. The rest are renumbered.
 */
export async function deleteLesson(
  actor: CourseActor,
  input: { courseId: string; lessonId: string },
): Promise<{ lessonId: string }> {
  requireCourseRole(actor, "edit");
  const { courseId, lessonId } = input;
  return getDb().$transaction(async (tx) => {
    const course = await lockCourse(tx, courseId);
    const lessons = await tx.lesson.findMany({
      where: { courseId },
      orderBy: { position: "asc" },
      select: { id: true, title: true, videoUrl: true, durationSeconds: true, position: true },
    });
    const lesson = lessons.find((l) => l.id === lessonId);
    if (!lesson) throw courseErrors.lessonNotFound();
    if (lessonStructureLocked(course.enrollmentCount)) throw courseErrors.lessonsLocked();
    if (course.status === "PUBLISHED" && lessons.length === 1) throw courseErrors.lastLesson();
    await tx.lesson.delete({ where: { id: lessonId } });
    await writeLessonOrder(
      tx,
      courseId,
      lessons.filter((l) => l.id !== lessonId).map((l) => l.id),
    );
    await recordCourseAudit(tx, actor, "lesson.delete", { type: "Lesson", id: lessonId }, { courseId, ...lesson });
    return { lessonId };
  });
}
