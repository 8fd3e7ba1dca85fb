import "server-only";
import { z } from "zod";
import { mayWithdraw } from "@/domain/exports";
import { AppError } from "@/lib/errors";
import { exportMessages as m } from "@/messages/zh-CN";
import { recordAudit } from "@/server/audit/record-audit";
import type { CurrentStaff } from "@/server/auth/session";
import { getDb } from "@/server/db";
import { requireStaffPermission } from "@/server/policy/staff-permissions";
import { asSql, utc } from "@/server/sql";
import { lockBatch, ZBatchId } from "./lock-batch";

export const ZWithdrawExportBatchInput = z.object({
  batchId: ZBatchId,
  reason: z.string({ error: m.enterWithdrawReason }).trim().min(2, m.enterWithdrawReason).max(200, m.withdrawReasonTooLong),
});
export type TWithdrawExportBatchInput = z.input<typeof ZWithdrawExportBatchInput>;

/**
 * 撤回: the city office withdraws a batch that has not been uploaded (a wrong file, a batch made
 * too early), with a reason. Its learner-years are then due again: the next batch carries them
 * (insertDueExportRows ignores withdrawn batches). The file can no longer be downloaded. Audited
 * in the same transaction.
 */
export async function withdrawExportBatch(
  staff: Pick<CurrentStaff, "id" | "role">,
  input: TWithdrawExportBatchInput,
  ip: string | null,
): Promise<{ batchId: number }> {
  requireStaffPermission(staff, "exports.report");
  const { batchId: id, reason } = ZWithdrawExportBatchInput.parse(input);
  return getDb().$transaction(async (tx) => {
    const batch = await lockBatch(tx, id);
    if (!mayWithdraw(batch.state)) throw new AppError("INVALID_TRANSITION", m.notWithdrawable);
    await asSql(tx).query(
      `UPDATE "ExportBatch" SET "state" = 'WITHDRAWN', "withdrawnAt" = $2::timestamp, "withdrawnById" = $3,
         "withdrawnReason" = $4 WHERE "id" = $1`,
      [id, utc(new Date()), staff.id, reason],
    );
    await recordAudit(
      {
        actorType: "STAFF",
        actorId: staff.id,
        action: "export.batch.withdraw",
        targetType: "ExportBatch",
        targetId: String(id),
        ip,
        outcome: "SUCCESS",
        details: { year: batch.year, reason, previousState: batch.state },
      },
      tx,
    );
    return { batchId: id };
  });
}
