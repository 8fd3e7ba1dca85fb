import "server-only";
import type { ExportBatchState } from "@/domain/exports";
import type { CurrentStaff } from "@/server/auth/session";
import { getDb } from "@/server/db";

export interface StaffBatchView {
  id: number;
  year: number;
  createdAt: Date;
  state: ExportBatchState;
  /** The whole file (null) or one district's lines (a district bureau's copy). */
  districtId: number | null;
  districtName: string | null;
}

/**
 * An export batch as this staff member may download it, or null (no such batch, or nothing of it
 * is theirs). Exports are the city office's duty: the city administrator gets the whole file; a
 * district administrator gets the lines of their own district (as it was at export time) and
 * nothing when the batch has none; anyone else gets nothing.
 */
export async function findBatchForStaff(
  staff: Pick<CurrentStaff, "role" | "districtId">,
  batchId: number,
): Promise<StaffBatchView | null> {
  const db = getDb();
  const select = { id: true, year: true, createdAt: true, state: true } as const;
  if (staff.role === "CITY_ADMIN") {
    const batch = await db.exportBatch.findUnique({ where: { id: batchId }, select });
    return batch ? { ...batch, districtId: null, districtName: null } : null;
  }
  if (staff.role !== "DISTRICT_ADMIN" || staff.districtId === null) return null;
  const own = await db.exportBatchDistrict.findUnique({
    where: { batchId_districtId: { batchId, districtId: staff.districtId } },
    select: { districtId: true, districtName: true, batch: { select } },
  });
  return own ? { ...own.batch, districtId: own.districtId, districtName: own.districtName } : null;
}
