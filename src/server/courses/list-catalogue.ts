import "server-only";
import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { learnerCourseStatus } from "@/domain/courses";
import { getCreditsPerHour } from "@/server/credits/get-credits-per-hour";
import { getDb } from "@/server/db";

export const CATALOGUE_PAGE_SIZE = 12;

export const ZCatalogueQuery = z.object({
  category: z.enum(["PUBLIC", "PROFESSIONAL"]).optional().catch(undefined),
  q: z.string().trim().max(50).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(1000).default(1).catch(1),
});
export type TCatalogueQuery = z.infer<typeof ZCatalogueQuery>;

/**
 * The published catalogue, filtered and paginated in the database, each course with this
 * learner's status: two queries whatever the page size.
 */
export async function listCatalogue(learnerId: string, query: TCatalogueQuery) {
  const where: Prisma.CourseWhereInput = {
    status: "PUBLISHED",
    ...(query.category ? { category: query.category } : {}),
    ...(query.q ? { title: { contains: query.q, mode: "insensitive" } } : {}),
  };
  const db = getDb();
  const [total, courses, creditsPerHour] = await Promise.all([
    db.course.count({ where }),
    db.course.findMany({
      where,
      orderBy: [{ publishedAt: "desc" }, { id: "asc" }],
      skip: (query.page - 1) * CATALOGUE_PAGE_SIZE,
      take: CATALOGUE_PAGE_SIZE,
      select: {
        id: true,
        title: true,
        category: true,
        credits: true,
        description: true,
        _count: { select: { lessons: true } },
        enrollments: { where: { learnerId }, select: { id: true, status: true } },
      },
    }),
    getCreditsPerHour(),
  ]);
  return {
    total,
    pageCount: Math.max(1, Math.ceil(total / CATALOGUE_PAGE_SIZE)),
    courses: courses.map(({ enrollments, _count, ...course }) => ({
      ...course,
      lessonCount: _count.lessons,
      hours: course.credits / creditsPerHour,
      status: learnerCourseStatus(enrollments[0]),
    })),
  };
}
