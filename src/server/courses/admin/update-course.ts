import "server-only";
import { courseTermsLocked } from "@/domain/course-admin";
import { getDb } from "@/server/db";
import { requireCourseRole, type CourseActor } from "./course-actor";
import { courseErrors } from "./course-errors";
import type { TUpdateCourseInput } from "./course-input";
import { lockCourse } from "./lock-course";
import { recordCourseAudit } from "./record-course-audit";

const FIELDS = ["title", "category", "credits", "description", "coverUrl"] as const;

/**
 * 修改课程信息. Once learners have enrolled, credits and category are the terms they enrolled
 * under and stay as they are; the rest may be corrected. The audit row keeps before and after.
 */
export async function updateCourse(actor: CourseActor, input: TUpdateCourseInput): Promise<{ courseId: string }> {
  requireCourseRole(actor, "edit");
  const { courseId, ...fields } = input;
  return getDb().$transaction(async (tx) => {
    const locked = await lockCourse(tx, courseId);
    const before = await tx.course.findUniqueOrThrow({
      where: { id: courseId },
      select: { title: true, category: true, credits: true, description: true, coverUrl: true },
    });
    if (courseTermsLocked(locked.enrollmentCount)) {
      const changed = (["category", "credits"] as const).filter((field) => before[field] !== fields[field]);
      if (changed.length > 0) throw courseErrors.termsLocked([...changed]);
    }
    const changed = FIELDS.filter((field) => before[field] !== fields[field]);
    if (changed.length === 0) return { courseId };
    await tx.course.update({ where: { id: courseId }, data: fields });
    await recordCourseAudit(
      tx,
      actor,
      "course.update",
      { type: "Course", id: courseId },
      {
        before: Object.fromEntries(changed.map((field) => [field, before[field]])),
        after: Object.fromEntries(changed.map((field) => [field, fields[field]])),
      },
    );
    return { courseId };
  });
}
