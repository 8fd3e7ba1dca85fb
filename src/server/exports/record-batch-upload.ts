import "server-only";
import { z } from "zod";
import { mayRecordUpload } from "@/domain/exports";
import { AppError } from "@/lib/errors";
import { todayInShanghai } from "@/lib/time";
import { exportMessages as m } from "@/messages/zh-CN";
import { recordAudit } from "@/server/audit/record-audit";
import type { CurrentStaff } from "@/server/auth/session";
import { getDb } from "@/server/db";
import { requireStaffPermission } from "@/server/policy/staff-permissions";
import { asSql, utc } from "@/server/sql";
import { lockBatch, ZBatchId } from "./lock-batch";

export const ZRecordBatchUploadInput = z.object({
  batchId: ZBatchId,
  uploadedOn: z.iso.date({ error: m.enterUploadDate }),
  provincialRef: z
    .string({ error: m.enterProvincialRef })
    .trim()
    .min(1, m.enterProvincialRef)
    .max(100, m.provincialRefTooLong),
  note: z
    .string()
    .trim()
    .max(500, m.uploadNoteTooLong)
    .nullish()
    .transform((v) => v || null),
});
export type TRecordBatchUploadInput = z.input<typeof ZRecordBatchUploadInput>;

/**
 * 记录上报: the city office records that a downloaded batch was uploaded to the provincial
 * system (the day, the province's batch reference, a note). Only from DOWNLOADED; the day lies
 * between the batch's creation and today (Wuhan). From now on its learners see 报送中. Audited in
 * the same transaction.
 */
export async function recordBatchUpload(
  staff: Pick<CurrentStaff, "id" | "role">,
  input: TRecordBatchUploadInput,
  ip: string | null,
): Promise<{ batchId: number }> {
  requireStaffPermission(staff, "exports.report");
  const { batchId: id, uploadedOn, provincialRef, note } = ZRecordBatchUploadInput.parse(input);
  return getDb().$transaction(async (tx) => {
    const batch = await lockBatch(tx, id);
    if (batch.state === "GENERATED") throw new AppError("INVALID_TRANSITION", m.uploadNeedsDownload);
    if (!mayRecordUpload(batch.state)) throw new AppError("INVALID_TRANSITION", m.notUploadable);
    if (uploadedOn < todayInShanghai(batch.createdAt) || uploadedOn > todayInShanghai()) {
      throw new AppError("INVALID_INPUT", m.uploadDateRange);
    }
    await asSql(tx).query(
      `UPDATE "ExportBatch" SET "state" = 'UPLOADED', "uploadedOn" = $2::date, "uploadedAt" = $3::timestamp,
         "uploadedById" = $4, "provincialRef" = $5, "uploadNote" = $6 WHERE "id" = $1`,
      [id, uploadedOn, utc(new Date()), staff.id, provincialRef, note],
    );
    await recordAudit(
      {
        actorType: "STAFF",
        actorId: staff.id,
        action: "export.batch.upload",
        targetType: "ExportBatch",
        targetId: String(id),
        ip,
        outcome: "SUCCESS",
        details: { year: batch.year, uploadedOn, provincialRef, note },
      },
      tx,
    );
    return { batchId: id };
  });
}
