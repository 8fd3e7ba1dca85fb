import "server-only";
import { AppError } from "@/lib/errors";
import { getStanding } from "@/server/credits/get-standing";
import { getDb } from "@/server/db";
import { courseMessages } from "@/messages/zh-CN";

/**
 * 开始学习: enrolls the learner in a published course for their credit year (the earliest
 * incomplete obligation year). Enrolling twice returns the existing enrollment: a course is
 * studied, and credited, at most once per learner.
 */
export async function enrollInCourse(learnerId: string, courseId: string): Promise<{ enrollmentId: string }> {
  const db = getDb();
  const existing = await db.enrollment.findUnique({
    where: { learnerId_courseId: { learnerId, courseId } },
    select: { id: true },
  });
  if (existing) return { enrollmentId: existing.id };

  const course = await db.course.findFirst({ where: { id: courseId, status: "PUBLISHED" }, select: { id: true } });
  if (!course) throw new AppError("COURSE_NOT_FOUND", courseMessages.unavailable);
  const standing = await getStanding(learnerId);
  if (standing.creditYear === null) {
    throw new AppError("NO_CREDIT_YEAR", courseMessages.enrolFromStartYear(standing.startYear));
  }
  // A concurrent second click lands on the unique (learner, course) pair: return that one.
  const enrollment = await db.enrollment.upsert({
    where: { learnerId_courseId: { learnerId, courseId } },
    create: { learnerId, courseId, creditYear: standing.creditYear },
    update: {},
    select: { id: true },
  });
  return { enrollmentId: enrollment.id };
}
