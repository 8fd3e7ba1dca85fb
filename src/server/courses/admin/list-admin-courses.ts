import "server-only";
import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import type { StaffRole } from "@/generated/prisma/enums";
import { getDb } from "@/server/db";
import { requireCourseRole } from "./course-actor";

export const ADMIN_COURSES_PAGE_SIZE = 20;
/**
 * Enrolments counted per course in the list, at most: a course of the year has tens of thousands
 * at city scale, and counting them all for every course of a page cost ~5 ms a course (issue 17).
 * The course's own page counts exactly.
 */
export const ENROLLMENTS_COUNTED = 1000;

export const ZAdminCourseQuery = z.object({
  status: z.enum(["DRAFT", "PUBLISHED", "RETIRED"]).optional().catch(undefined),
  category: z.enum(["PUBLIC", "PROFESSIONAL"]).optional().catch(undefined),
  q: z.string().trim().max(50).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(1000).default(1).catch(1),
});
export type TAdminCourseQuery = z.infer<typeof ZAdminCourseQuery>;

/**
 * 课程管理: every course in any status, filtered and paginated in the database, with its lesson
 * and active question counts (counted in the same query) and its enrolments up to
 * ENROLLMENTS_COUNTED (`enrollmentsCapped` when there are more).
 */
export async function listAdminCourses(staff: { role: StaffRole }, query: TAdminCourseQuery) {
  requireCourseRole(staff, "read");
  const where: Prisma.CourseWhereInput = {
    ...(query.status ? { status: query.status } : {}),
    ...(query.category ? { category: query.category } : {}),
    ...(query.q ? { title: { contains: query.q, mode: "insensitive" } } : {}),
  };
  const db = getDb();
  const [total, courses] = await Promise.all([
    db.course.count({ where }),
    db.course.findMany({
      where,
      orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
      skip: (query.page - 1) * ADMIN_COURSES_PAGE_SIZE,
      take: ADMIN_COURSES_PAGE_SIZE,
      select: {
        id: true,
        title: true,
        category: true,
        credits: true,
        status: true,
        _count: { select: { lessons: true, questions: { where: { active: true } } } },
      },
    }),
  ]);
  const enrolled = new Map(
    courses.length
      ? (
          await db.$queryRaw<{ id: string; n: number }[]>`
            SELECT c.id, (SELECT count(*) FROM (
              SELECT 1 FROM "Enrollment" e WHERE e."courseId" = c.id LIMIT ${ENROLLMENTS_COUNTED + 1}
            ) capped)::int AS n
            FROM unnest(${courses.map((c) => c.id)}::text[]) AS c(id)`
        ).map((row) => [row.id, row.n])
      : [],
  );
  return {
    total,
    pageCount: Math.max(1, Math.ceil(total / ADMIN_COURSES_PAGE_SIZE)),
    courses: courses.map(({ _count, ...course }) => ({
      ...course,
      lessonCount: _count.lessons,
      questionCount: _count.questions,
      enrollmentCount: Math.min(enrolled.get(course.id) ?? 0, ENROLLMENTS_COUNTED),
      enrollmentsCapped: (enrolled.get(course.id) ?? 0) > ENROLLMENTS_COUNTED,
    })),
  };
}
