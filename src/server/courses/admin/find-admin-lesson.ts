import "server-only";
import type { StaffRole } from "@/generated/prisma/enums";
import { getDb } from "@/server/db";
import { requireCourseRole } from "./course-actor";

/** One lesson of a course, for its edit page; null when not in that course. */
export async function findAdminLesson(staff: { role: StaffRole }, courseId: string, lessonId: string) {
  requireCourseRole(staff, "read");
  return getDb().lesson.findFirst({
    where: { id: lessonId, courseId },
    select: { id: true, position: true, title: true, videoUrl: true, durationSeconds: true },
  });
}
