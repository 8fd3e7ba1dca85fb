import "server-only";
import { getDb } from "@/server/db";
import { requireCourseRole, type CourseActor } from "./course-actor";
import { courseErrors } from "./course-errors";
import type { TUpdateLessonInput } from "./lesson-input";
import { lockCourse } from "./lock-course";
import { recordCourseAudit } from "./record-course-audit";

/**
 * 修改课时: title, video and duration, also under enrollments (a corrected title, a re-encoded
 * file). Learners' progress is left as it is: a lesson they completed stays complete whatever
 * the new duration. The audit row keeps before and after.
 */
export async function updateLesson(actor: CourseActor, input: TUpdateLessonInput): Promise<{ lessonId: string }> {
  requireCourseRole(actor, "edit");
  const { courseId, lessonId, title, videoUrl, duration } = input;
  return getDb().$transaction(async (tx) => {
    const course = await lockCourse(tx, courseId);
    const before = await tx.lesson.findFirst({
      where: { id: lessonId, courseId },
      select: { title: true, videoUrl: true, durationSeconds: true },
    });
    if (!before) throw courseErrors.lessonNotFound();
    const after = { title, videoUrl, durationSeconds: duration };
    if (before.title === title && before.videoUrl === videoUrl && before.durationSeconds === duration) {
      return { lessonId };
    }
    await tx.lesson.update({ where: { id: lessonId }, data: after });
    await recordCourseAudit(
      tx,
      actor,
      "lesson.update",
      { type: "Lesson", id: lessonId },
      { courseId, before, after, enrollmentCount: course.enrollmentCount },
    );
    return { lessonId };
  });
}
