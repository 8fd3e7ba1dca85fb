import "server-only";
import { getDb } from "@/server/db";

/**
 * When each of a learner's years was last reported to the provincial system: year → the date of
 * the latest batch holding it. One indexed query (ExportRow by learner). A year whose figures
 * changed after its last export keeps that export's date until the next batch carries the new
 * figures. Authorization is the caller's (the learner's own dashboard).
 */
export async function readReportedYears(learnerId: string): Promise<Map<number, Date>> {
  const rows = await getDb().$queryRaw<{ year: number; reportedAt: Date }[]>`
    SELECT r."year", MAX(b."createdAt") AS "reportedAt"
    FROM "ExportRow" r
    JOIN "ExportBatch" b ON b."id" = r."batchId"
    WHERE r."learnerId" = ${learnerId}
    GROUP BY r."year"`;
  return new Map(rows.map((row) => [row.year, row.reportedAt]));
}
