import "server-only";
import type { CourseStatus } from "@/generated/prisma/enums";
import type { Db } from "@/server/db";
import { courseErrors } from "./course-errors";

/** An interactive transaction of the course administration functions. */
export type CourseTx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export interface LockedCourse {
  id: string;
  title: string;
  status: CourseStatus;
  publishedAt: Date | null;
  enrollmentCount: number;
}

/**
 * Locks the course row for the rest of the transaction and counts its enrollments. A learner's
 * enrollment insert takes a key-share lock on the same row (its foreign key), so the count stays
 * true until commit: "no learners yet" cannot become false between the check and the change.
 */
export async function lockCourse(tx: CourseTx, courseId: string): Promise<LockedCourse> {
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Course" WHERE id = ${courseId} FOR UPDATE`;
  if (locked.length === 0) throw courseErrors.courseNotFound();
  const [course, enrollmentCount] = await Promise.all([
    tx.course.findUniqueOrThrow({
      where: { id: courseId },
      select: { id: true, title: true, status: true, publishedAt: true },
    }),
    tx.enrollment.count({ where: { courseId } }),
  ]);
  return { ...course, enrollmentCount };
}
