import "server-only";
import { canTransition } from "@/domain/course-admin";
import { getDb } from "@/server/db";
import { requireCourseRole, type CourseActor } from "./course-actor";
import { courseErrors } from "./course-errors";
import { lockCourse } from "./lock-course";
import { recordCourseAudit } from "./record-course-audit";

/**
 * 下架: hidden from learners who have not started it; those enrolled keep studying, sitting the
 * exam and earning its credits (the learner pages show a retired course to its learners only).
 */
export async function retireCourse(actor: CourseActor, courseId: string): Promise<{ courseId: string }> {
  requireCourseRole(actor, "edit");
  return getDb().$transaction(async (tx) => {
    const course = await lockCourse(tx, courseId);
    if (!canTransition(course.status, "retire")) throw courseErrors.notPublished();
    await tx.course.update({ where: { id: courseId }, data: { status: "RETIRED" } });
    await recordCourseAudit(
      tx,
      actor,
      "course.retire",
      { type: "Course", id: courseId },
      { enrollmentCount: course.enrollmentCount },
    );
    return { courseId };
  });
}
