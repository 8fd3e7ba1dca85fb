import "server-only";
import { getDb } from "@/server/db";

/** Where a complete year's report to the provincial system stands, as the learner is told. */
export type ReportingStatus =
  | { kind: "uploaded"; on: Date }
  | { kind: "accepted"; on: Date }
  | { kind: "rejected"; reason: string; contact: { officeName: string; phone: string; address: string } };

/**
 * The learner's years on their way to the provincial system, by the latest batch holding each
 * (withdrawn ones aside): uploaded (报送中, the upload day), answered by the province's receipt
 * (省系统已确认, or 省系统退回 with its reason and the district bureau to contact). A year whose
 * latest batch is not uploaded yet is not here, and shows 待报送: nothing says 已报送 before an
 * administrator recorded the upload. One indexed query (ExportRow by learner). Authorization is
 * the caller's (the learner's own pages).
 */
export async function readReportingStatus(learnerId: string): Promise<Map<number, ReportingStatus>> {
  const rows = await getDb().$queryRaw<
    {
      year: number;
      state: string;
      uploadedOn: Date | null;
      accepted: boolean | null;
      reason: string | null;
      answeredAt: Date | null;
      officeName: string;
      phone: string;
      address: string;
    }[]
  >`
    SELECT DISTINCT ON (r."year") r."year", b."state"::text AS "state", b."uploadedOn",
           res."accepted", res."reason", res."recordedAt" AS "answeredAt",
           d."officeName", d."phone", d."address"
    FROM "ExportRow" r
    JOIN "ExportBatch" b ON b."id" = r."batchId" AND b."state" <> 'WITHDRAWN'
    LEFT JOIN "ExportRowResult" res ON res."batchId" = r."batchId" AND res."seq" = r."seq"
    JOIN "Learner" l ON l."id" = r."learnerId"
    JOIN "District" d ON d."id" = l."districtId"
    WHERE r."learnerId" = ${learnerId}
    ORDER BY r."year", r."batchId" DESC`;
  const status = new Map<number, ReportingStatus>();
  for (const row of rows) {
    if (row.accepted === true && row.answeredAt) status.set(row.year, { kind: "accepted", on: row.answeredAt });
    else if (row.accepted === false) {
      const { officeName, phone, address } = row;
      status.set(row.year, { kind: "rejected", reason: row.reason ?? "", contact: { officeName, phone, address } });
    } else if ((row.state === "UPLOADED" || row.state === "RECEIPTED") && row.uploadedOn) {
      status.set(row.year, { kind: "uploaded", on: row.uploadedOn });
    }
  }
  return status;
}
