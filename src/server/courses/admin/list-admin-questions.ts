import "server-only";
import type { StaffRole } from "@/generated/prisma/enums";
import { getDb } from "@/server/db";
import { requireCourseRole } from "./course-actor";

/**
 * A course's question bank for administrators: active questions first, each with its options
 * and whether a paper has used it (then it can be retired, not deleted). Null: no such course.
 */
export async function listAdminQuestions(staff: { role: StaffRole }, courseId: string) {
  requireCourseRole(staff, "read");
  const course = await getDb().course.findUnique({
    where: { id: courseId },
    select: {
      id: true,
      status: true,
      examQuestionCount: true,
      questions: {
        orderBy: [{ active: "desc" }, { position: "asc" }],
        select: {
          id: true,
          type: true,
          stem: true,
          explanation: true,
          active: true,
          options: { orderBy: { position: "asc" }, select: { id: true, label: true, correct: true } },
          _count: { select: { attempts: true } },
        },
      },
    },
  });
  if (!course) return null;
  return {
    ...course,
    questions: course.questions.map(({ _count, ...question }) => ({ ...question, used: _count.attempts > 0 })),
  };
}
export type AdminQuestion = NonNullable<Awaited<ReturnType<typeof listAdminQuestions>>>["questions"][number];
