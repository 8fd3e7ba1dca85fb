import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { getDb } from "@/server/db";
import { requireCourseRole, type CourseActor } from "./course-actor";
import { courseErrors } from "./course-errors";
import { lockCourse } from "./lock-course";
import { recordCourseAudit } from "./record-course-audit";

/**
 * 删除课程: only a course nobody has enrolled in (with its lessons and questions). A course with
 * learners holds their progress, attempts and credits: it can only be retired. The enrollment
 * foreign key backs the check up (P2003 if one slipped in).
 */
export async function deleteCourse(actor: CourseActor, courseId: string): Promise<{ courseId: string }> {
  requireCourseRole(actor, "edit");
  try {
    return await getDb().$transaction(async (tx) => {
      const course = await lockCourse(tx, courseId);
      if (course.enrollmentCount > 0) throw courseErrors.hasEnrollments();
      const counts = await tx.course.findUniqueOrThrow({
        where: { id: courseId },
        select: { _count: { select: { lessons: true, questions: true } } },
      });
      await tx.course.delete({ where: { id: courseId } });
      await recordCourseAudit(
        tx,
        actor,
        "course.delete",
        { type: "Course", id: courseId },
        { title: course.title, status: course.status, ...counts._count },
      );
      return { courseId };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2003") {
      throw courseErrors.hasEnrollments();
    }
    throw error;
  }
}
