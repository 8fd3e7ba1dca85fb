import "server-only";
import { canTransition, publishBlockers } from "@/domain/course-admin";
import { getDb } from "@/server/db";
import { requireCourseRole, type CourseActor } from "./course-actor";
import { courseErrors } from "./course-errors";
import { lockCourse } from "./lock-course";
import { recordCourseAudit } from "./record-course-audit";

/**
 * 发布: a draft (or a retired course offered again) becomes visible in the learners' catalogue.
 * It must have a lesson and an active question, else the refusal says what is missing. The
 * first publication date is kept: the catalogue orders by it.
 */
export async function publishCourse(actor: CourseActor, courseId: string): Promise<{ courseId: string }> {
  requireCourseRole(actor, "edit");
  return getDb().$transaction(async (tx) => {
    const course = await lockCourse(tx, courseId);
    if (!canTransition(course.status, "publish")) throw courseErrors.alreadyPublished();
    const [lessonCount, activeQuestionCount] = await Promise.all([
      tx.lesson.count({ where: { courseId } }),
      tx.question.count({ where: { courseId, active: true } }),
    ]);
    const missing = publishBlockers({ lessonCount, activeQuestionCount });
    if (missing.length > 0) throw courseErrors.publishBlocked(missing);
    await tx.course.update({
      where: { id: courseId },
      data: { status: "PUBLISHED", publishedAt: course.publishedAt ?? new Date() },
    });
    await recordCourseAudit(
      tx,
      actor,
      "course.publish",
      { type: "Course", id: courseId },
      { from: course.status, lessonCount, activeQuestionCount },
    );
    return { courseId };
  });
}
