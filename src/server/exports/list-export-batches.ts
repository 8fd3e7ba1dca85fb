import "server-only";
import type { ExportBatchState } from "@/domain/exports";
import type { ExportTrigger } from "@/generated/prisma/enums";
import type { CurrentStaff } from "@/server/auth/session";
import { getDb } from "@/server/db";

const LIST_LIMIT = 100;

export interface ExportBatchListItem {
  id: number;
  year: number;
  trigger: ExportTrigger;
  createdAt: Date;
  createdBy: string | null;
  /** The whole batch's rows for the city office; the district's own rows for a bureau. */
  rowCount: number;
  /** The whole file's checksum: shown to the city office only (a district copy is another file). */
  checksum: string | null;
  state: ExportBatchState;
  uploadedOn: Date | null;
  provincialRef: string | null;
  withdrawnReason: string | null;
}

const batchSelect = {
  id: true,
  year: true,
  trigger: true,
  createdAt: true,
  rowCount: true,
  checksum: true,
  state: true,
  uploadedOn: true,
  provincialRef: true,
  withdrawnReason: true,
  createdBy: { select: { displayName: true } },
} as const;

/**
 * The latest batches as this staff member sees them: every batch for the city office; for a
 * district administrator, the batches holding lines of their district, with their count (from
 * ExportBatchDistrict, without scanning the rows). Nobody else sees any.
 */
export async function listExportBatches(
  staff: Pick<CurrentStaff, "role" | "districtId">,
): Promise<ExportBatchListItem[]> {
  const db = getDb();
  if (staff.role === "CITY_ADMIN") {
    const batches = await db.exportBatch.findMany({ orderBy: { id: "desc" }, take: LIST_LIMIT, select: batchSelect });
    return batches.map(({ createdBy, ...b }) => ({ ...b, createdBy: createdBy?.displayName ?? null }));
  }
  if (staff.role !== "DISTRICT_ADMIN" || staff.districtId === null) return [];
  const own = await db.exportBatchDistrict.findMany({
    where: { districtId: staff.districtId },
    orderBy: { batchId: "desc" },
    take: LIST_LIMIT,
    select: { rowCount: true, batch: { select: batchSelect } },
  });
  return own.map(({ rowCount, batch: { createdBy, ...b } }) => ({
    ...b,
    createdBy: createdBy?.displayName ?? null,
    rowCount,
    checksum: null,
  }));
}
