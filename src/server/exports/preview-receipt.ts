import "server-only";
import { isWithProvince } from "@/domain/exports";
import { AppError } from "@/lib/errors";
import { exportMessages as m } from "@/messages/zh-CN";
import type { CurrentStaff } from "@/server/auth/session";
import { getDb } from "@/server/db";
import { requireStaffPermission } from "@/server/policy/staff-permissions";
import { planReceipt, type ReceiptPlan } from "./plan-receipt";

/**
 * 预检 of a receipt (回执): the plan of what importing it would record, for the city office to
 * review. Only for a batch whose upload is recorded. Writes nothing.
 */
export async function previewReceipt(
  staff: Pick<CurrentStaff, "role">,
  batchId: number,
  bytes: Uint8Array,
): Promise<ReceiptPlan> {
  requireStaffPermission(staff, "exports.report");
  const batch = await getDb().exportBatch.findUnique({ where: { id: batchId }, select: { state: true } });
  if (!batch) throw new AppError("NOT_FOUND", m.batchNotFound);
  if (!isWithProvince(batch.state)) throw new AppError("INVALID_TRANSITION", m.receiptNeedsUpload);
  return planReceipt(getDb(), batchId, bytes);
}
