import "server-only";
import { isLessonComplete } from "@/domain/playback";
import { getDb } from "@/server/db";

/**
 * The player page's data: the learner's own enrollment with its course's lessons and verified
 * progress. Null for an unknown enrollment and for another learner's alike.
 */
export async function findLearningView(learnerId: string, enrollmentId: string) {
  const enrollment = await getDb().enrollment.findFirst({
    where: { id: enrollmentId, learnerId },
    select: {
      id: true,
      status: true,
      creditYear: true,
      course: {
        select: {
          id: true,
          title: true,
          category: true,
          credits: true,
          lessons: {
            orderBy: { position: "asc" },
            select: { id: true, title: true, videoUrl: true, durationSeconds: true },
          },
        },
      },
      lessonProgress: { select: { lessonId: true, verifiedMs: true } },
    },
  });
  if (!enrollment) return null;
  const verified = new Map(enrollment.lessonProgress.map((p) => [p.lessonId, p.verifiedMs]));
  const lessons = enrollment.course.lessons.map((lesson) => {
    const durationMs = lesson.durationSeconds * 1000;
    const verifiedMs = Math.min(verified.get(lesson.id) ?? 0, durationMs);
    return { ...lesson, durationMs, verifiedMs, complete: isLessonComplete(verifiedMs, durationMs) };
  });
  const { lessons: _lessons, ...course } = enrollment.course;
  return { enrollmentId: enrollment.id, status: enrollment.status, creditYear: enrollment.creditYear, course, lessons };
}
export type LearningView = NonNullable<Awaited<ReturnType<typeof findLearningView>>>;
