import "server-only";
import { getDb } from "@/server/db";

/**
 * The learner's years on their way to the provincial system: year → the day their latest batch
 * was uploaded (报送中). A year whose latest batch (withdrawn ones aside) is not uploaded yet is
 * not here, and shows 待报送: nothing says 已报送 before an administrator recorded the upload.
 * One indexed query (ExportRow by learner). Authorization is the caller's (the learner's own
 * pages).
 */
export async function readUploadedYears(learnerId: string): Promise<Map<number, Date>> {
  const rows = await getDb().$queryRaw<{ year: number; state: string; uploadedOn: Date | null }[]>`
    SELECT DISTINCT ON (r."year") r."year", b."state"::text AS "state", b."uploadedOn"
    FROM "ExportRow" r
    JOIN "ExportBatch" b ON b."id" = r."batchId" AND b."state" <> 'WITHDRAWN'
    WHERE r."learnerId" = ${learnerId}
    ORDER BY r."year", r."batchId" DESC`;
  const uploaded = new Map<number, Date>();
  for (const row of rows) {
    if ((row.state === "UPLOADED" || row.state === "RECEIPTED") && row.uploadedOn) uploaded.set(row.year, row.uploadedOn);
  }
  return uploaded;
}
