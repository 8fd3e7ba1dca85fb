import "server-only";
import { coursePercent } from "@/domain/playback/progress";
import type { CurrentStaff } from "@/server/auth/session";
import { getDb } from "@/server/db";
import { learnerScope } from "@/server/staff/learner-scope";

/**
 * A learner's enrollments with their verified study progress (LessonProgress against the lessons'
 * durations, by the same rule as the learner's own pages). Empty outside the staff's scope.
 */
export async function listLearnerEnrollments(staff: Pick<CurrentStaff, "role" | "districtId">, learnerId: string) {
  const enrollments = await getDb().enrollment.findMany({
    where: { learnerId, learner: learnerScope(staff) },
    orderBy: { enrolledAt: "desc" },
    select: {
      id: true,
      status: true,
      creditYear: true,
      enrolledAt: true,
      studyCompletedAt: true,
      creditedAt: true,
      examCycle: true,
      course: {
        select: {
          title: true,
          category: true,
          credits: true,
          lessons: { select: { id: true, durationSeconds: true } },
        },
      },
      lessonProgress: { select: { lessonId: true, verifiedMs: true } },
    },
  });
  return enrollments.map(({ lessonProgress, course, ...enrollment }) => {
    const verified = new Map(lessonProgress.map((p) => [p.lessonId, p.verifiedMs]));
    const percent = coursePercent(
      course.lessons.map((lesson) => ({
        verifiedMs: verified.get(lesson.id) ?? 0,
        durationMs: lesson.durationSeconds * 1000,
      })),
    );
    return {
      ...enrollment,
      course: { title: course.title, category: course.category, credits: course.credits },
      lessonCount: course.lessons.length,
      percent: enrollment.status === "STUDYING" ? percent : 100,
    };
  });
}
