import "server-only";
import { learnerCourseStatus } from "@/domain/courses";
import { getDb } from "@/server/db";

/**
 * A course as this learner may see it: published, or retired but already theirs. Drafts and
 * other learners' retired courses do not exist for them (null).
 */
export async function findCourseForLearner(learnerId: string, courseId: string) {
  const course = await getDb().course.findFirst({
    where: {
      id: courseId,
      OR: [{ status: "PUBLISHED" }, { status: "RETIRED", enrollments: { some: { learnerId } } }],
    },
    select: {
      id: true,
      title: true,
      category: true,
      credits: true,
      description: true,
      status: true,
      examQuestionCount: true,
      examPassScore: true,
      examTimeLimitMinutes: true,
      examMaxAttempts: true,
      lessons: { orderBy: { position: "asc" }, select: { id: true, title: true, durationSeconds: true } },
      enrollments: { where: { learnerId }, select: { id: true, status: true, creditYear: true, enrolledAt: true } },
    },
  });
  if (!course) return null;
  const { enrollments, ...rest } = course;
  const enrollment = enrollments[0] ?? null;
  return { ...rest, enrollment, learnerStatus: learnerCourseStatus(enrollment) };
}
