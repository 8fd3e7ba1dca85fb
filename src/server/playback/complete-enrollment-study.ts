import "server-only";
import { getDb } from "@/server/db";

/**
 * 学完: moves a studying enrollment to EXAM_PENDING once every lesson of its course is complete,
 * in one statement (so two last beats at once move it once). Returns whether the course's study
 * is complete, whether by this call or before.
 */
export async function completeEnrollmentStudy(enrollmentId: string): Promise<boolean> {
  const rows = await getDb().$queryRaw<{ status: string }[]>`
    WITH moved AS (
      UPDATE "Enrollment" e SET status = 'EXAM_PENDING', "studyCompletedAt" = (now() AT TIME ZONE 'UTC')
      WHERE e.id = ${enrollmentId} AND e.status = 'STUDYING'
        AND NOT EXISTS (
          SELECT 1 FROM "Lesson" l
          LEFT JOIN "LessonProgress" p ON p."lessonId" = l.id AND p."enrollmentId" = e.id
          WHERE l."courseId" = e."courseId" AND p."completedAt" IS NULL)
      RETURNING e.status::text AS status)
    SELECT status FROM moved
    UNION ALL
    SELECT status::text FROM "Enrollment" WHERE id = ${enrollmentId} AND NOT EXISTS (SELECT 1 FROM moved)`;
  const status = rows[0]?.status;
  return status === "EXAM_PENDING" || status === "CREDITED";
}
