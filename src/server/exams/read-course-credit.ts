import "server-only";
import { getDb } from "@/server/db";

/** The credits a course earned the learner, and the year they went to; null before a pass. */
export async function readCourseCredit(
  learnerId: string,
  courseId: string,
): Promise<{ year: number; credits: number } | null> {
  const [entry] = await getDb().$queryRaw<{ year: number; credits: number }[]>`
    SELECT "year", "credits" FROM "CreditEntry"
    WHERE "learnerId" = ${learnerId} AND "courseId" = ${courseId} AND "source" = 'COURSE'
    LIMIT 1`;
  return entry ?? null;
}
