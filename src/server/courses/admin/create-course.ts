import "server-only";
import { getDb } from "@/server/db";
import { requireCourseRole, type CourseActor } from "./course-actor";
import type { TCourseInput } from "./course-input";
import { recordCourseAudit } from "./record-course-audit";

/** 新建课程: a draft, with the default exam settings, invisible to learners until published. */
export async function createCourse(actor: CourseActor, input: TCourseInput): Promise<{ courseId: string }> {
  requireCourseRole(actor, "edit");
  return getDb().$transaction(async (tx) => {
    const course = await tx.course.create({ data: { ...input, status: "DRAFT" }, select: { id: true } });
    await recordCourseAudit(tx, actor, "course.create", { type: "Course", id: course.id }, { ...input });
    return { courseId: course.id };
  });
}
