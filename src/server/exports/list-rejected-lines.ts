import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { CurrentStaff } from "@/server/auth/session";
import { getDb } from "@/server/db";

const LIST_LIMIT = 200;

export interface RejectedLine {
  learnerId: string;
  name: string;
  idNumberMasked: string;
  districtName: string;
  year: number;
  batchId: number;
  reason: string | null;
  answeredAt: Date;
  /** The learner's data was edited after the rejection: due again in the next batch. */
  fixed: boolean;
}

/**
 * 省系统退回: the learner-years whose latest batch (withdrawn ones aside) the province rejected,
 * newest answer first, for the district bureau to fix (its own learners; the city office sees
 * all, nobody else any). A fixed one stays listed as 已修改 until the next batch carries it.
 */
export async function listRejectedLines(staff: Pick<CurrentStaff, "role" | "districtId">): Promise<RejectedLine[]> {
  const scope =
    staff.role === "CITY_ADMIN"
      ? Prisma.sql`TRUE`
      : staff.role === "DISTRICT_ADMIN" && staff.districtId !== null
        ? Prisma.sql`l."districtId" = ${staff.districtId}`
        : null;
  if (!scope) return [];
  return getDb().$queryRaw<RejectedLine[]>`
    SELECT l."id" AS "learnerId", l."name", l."idNumberMasked", d."name" AS "districtName", rejected."year",
           rejected."batchId", rejected."reason", rejected."recordedAt" AS "answeredAt",
           l."updatedAt" > rejected."recordedAt" AS "fixed"
    FROM "ExportRowResult" rejected
    JOIN "Learner" l ON l."id" = rejected."learnerId"
    JOIN "District" d ON d."id" = l."districtId"
    JOIN LATERAL (
      SELECT r."batchId", r."seq" FROM "ExportRow" r
      JOIN "ExportBatch" b ON b."id" = r."batchId" AND b."state" <> 'WITHDRAWN'
      WHERE r."learnerId" = rejected."learnerId" AND r."year" = rejected."year"
      ORDER BY r."batchId" DESC LIMIT 1
    ) latest ON latest."batchId" = rejected."batchId" AND latest."seq" = rejected."seq"
    WHERE rejected."accepted" = false AND ${scope}
    ORDER BY rejected."recordedAt" DESC, l."id"
    LIMIT ${LIST_LIMIT}`;
}
