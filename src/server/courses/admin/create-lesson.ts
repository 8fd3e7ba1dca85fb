import "server-only";
import { getDb } from "@/server/db";
import { requireCourseRole, type CourseActor } from "./course-actor";
import type { TLessonInput } from "./lesson-input";
import { lockCourse } from "./lock-course";
import { recordCourseAudit } from "./record-course-audit";

/**
 * 添加课时, at the end. Allowed under enrollments too: learners still studying must also watch
 * it before the exam; those whose study is already complete (待考试, 已获得学分) are not affected.
 */
export async function createLesson(actor: CourseActor, input: TLessonInput): Promise<{ lessonId: string }> {
  requireCourseRole(actor, "edit");
  const { courseId, title, videoUrl, duration } = input;
  return getDb().$transaction(async (tx) => {
    const course = await lockCourse(tx, courseId);
    const last = await tx.lesson.aggregate({ where: { courseId }, _max: { position: true } });
    const position = (last._max.position ?? 0) + 1;
    const lesson = await tx.lesson.create({
      data: { courseId, position, title, videoUrl, durationSeconds: duration },
      select: { id: true },
    });
    await recordCourseAudit(
      tx,
      actor,
      "lesson.create",
      { type: "Lesson", id: lesson.id },
      { courseId, position, title, videoUrl, durationSeconds: duration, enrollmentCount: course.enrollmentCount },
    );
    return { lessonId: lesson.id };
  });
}
