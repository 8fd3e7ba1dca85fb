import "server-only";
import { getDb } from "@/server/db";

export interface LessonTitle {
  courseTitle: string;
  lessonTitle: string;
  position: number;
}

/**
 * Course and lesson titles for rows that keep bare ids (player errors, problem reports have no
 * relations), in two queries however many rows there are.
 */
export async function readTitles(rows: readonly { courseId: string | null; lessonId: string | null }[]) {
  const lessonIds = [...new Set(rows.map((r) => r.lessonId).filter((id): id is string => id !== null))];
  const courseIds = [...new Set(rows.map((r) => r.courseId).filter((id): id is string => id !== null))];
  const db = getDb();
  const [lessons, courses] = await Promise.all([
    lessonIds.length
      ? db.lesson.findMany({
          where: { id: { in: lessonIds } },
          select: { id: true, title: true, position: true, course: { select: { title: true } } },
        })
      : [],
    courseIds.length ? db.course.findMany({ where: { id: { in: courseIds } }, select: { id: true, title: true } }) : [],
  ]);
  const lessonById = new Map<string, LessonTitle>(
    lessons.map((l) => [l.id, { courseTitle: l.course.title, lessonTitle: l.title, position: l.position }]),
  );
  const courseById = new Map(courses.map((c) => [c.id, c.title]));
  return {
    lesson: (id: string | null) => (id ? lessonById.get(id) : undefined),
    course: (id: string | null) => (id ? courseById.get(id) : undefined),
  };
}
