import "server-only";
import { cache } from "react";
import { courseTermsLocked, lessonStructureLocked, publishBlockers } from "@/domain/course-admin";
import type { StaffRole } from "@/generated/prisma/enums";
import { getDb } from "@/server/db";
import { requireCourseRole } from "./course-actor";

/**
 * One course as administrators see it: settings, lessons in order, bank and enrollment counts,
 * and what the current state allows (what publishing still lacks, what enrollments lock).
 * Null when there is no such course. Cached per request: the course's layout and page both ask.
 */
export const findAdminCourse = cache(async (staff: { role: StaffRole }, courseId: string) => {
  requireCourseRole(staff, "read");
  const course = await getDb().course.findUnique({
    where: { id: courseId },
    select: {
      id: true,
      title: true,
      category: true,
      credits: true,
      description: true,
      coverUrl: true,
      status: true,
      publishedAt: true,
      examQuestionCount: true,
      examPassScore: true,
      examTimeLimitMinutes: true,
      examMaxAttempts: true,
      updatedAt: true,
      lessons: {
        orderBy: { position: "asc" },
        select: { id: true, position: true, title: true, videoUrl: true, durationSeconds: true },
      },
      _count: { select: { enrollments: true, questions: { where: { active: true } } } },
    },
  });
  if (!course) return null;
  const { _count, ...rest } = course;
  const enrollmentCount = _count.enrollments;
  const activeQuestionCount = _count.questions;
  return {
    ...rest,
    enrollmentCount,
    activeQuestionCount,
    publishBlockers: publishBlockers({ lessonCount: course.lessons.length, activeQuestionCount }),
    termsLocked: courseTermsLocked(enrollmentCount),
    lessonsLocked: lessonStructureLocked(enrollmentCount),
  };
});
export type AdminCourse = NonNullable<Awaited<ReturnType<typeof findAdminCourse>>>;
