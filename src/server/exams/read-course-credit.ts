import "server-only";
import { sqlQuery } from "@/server/sql";

/** The credits a course earned the learner, and the year they went to; null before a pass. */
export async function readCourseCredit(
  learnerId: string,
  courseId: string,
): Promise<{ year: number; credits: number } | null> {
  const [entry] = await sqlQuery<{ year: number; credits: number }>(
    `SELECT "year", "credits" FROM "CreditEntry"
     WHERE "learnerId" = $1 AND "courseId" = $2 AND "source" = 'COURSE'
     LIMIT 1`,
    [learnerId, courseId],
  );
  return entry ?? null;
}
