import "server-only";
import { getDb } from "@/server/db";
import { requireCourseRole, type CourseActor } from "./course-actor";
import type { TExamSettingsInput } from "./course-input";
import { lockCourse } from "./lock-course";
import { recordCourseAudit } from "./record-course-audit";

const FIELDS = ["examQuestionCount", "examPassScore", "examTimeLimitMinutes", "examMaxAttempts"] as const;

/**
 * 考试规则. May change at any time: an attempt keeps the paper and deadline it started with, and
 * the exam functions apply a lowered attempt limit at the learner's next start.
 */
export async function updateExamSettings(actor: CourseActor, input: TExamSettingsInput): Promise<{ courseId: string }> {
  requireCourseRole(actor, "edit");
  const { courseId, ...settings } = input;
  return getDb().$transaction(async (tx) => {
    await lockCourse(tx, courseId);
    const before = await tx.course.findUniqueOrThrow({
      where: { id: courseId },
      select: { examQuestionCount: true, examPassScore: true, examTimeLimitMinutes: true, examMaxAttempts: true },
    });
    const changed = FIELDS.filter((field) => before[field] !== settings[field]);
    if (changed.length === 0) return { courseId };
    await tx.course.update({ where: { id: courseId }, data: settings });
    await recordCourseAudit(
      tx,
      actor,
      "course.exam-settings",
      { type: "Course", id: courseId },
      {
        before: Object.fromEntries(changed.map((field) => [field, before[field]])),
        after: Object.fromEntries(changed.map((field) => [field, settings[field]])),
      },
    );
    return { courseId };
  });
}
