import "server-only";
import type { StaffRole } from "@/generated/prisma/enums";
import { getDb } from "@/server/db";
import { requireCourseRole } from "./course-actor";

/** One question of a course's bank, for its edit page; null when not in that course. */
export async function findAdminQuestion(staff: { role: StaffRole }, courseId: string, questionId: string) {
  requireCourseRole(staff, "read");
  const question = await getDb().question.findFirst({
    where: { id: questionId, courseId },
    select: {
      id: true,
      type: true,
      stem: true,
      explanation: true,
      active: true,
      options: { orderBy: { position: "asc" }, select: { label: true, correct: true } },
      _count: { select: { attempts: true } },
    },
  });
  if (!question) return null;
  const { _count, ...rest } = question;
  return { ...rest, used: _count.attempts > 0 };
}
