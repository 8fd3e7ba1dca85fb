import "server-only";
import { isWithProvince } from "@/domain/exports";
import { AppError } from "@/lib/errors";
import { exportMessages as m } from "@/messages/zh-CN";
import { recordAudit } from "@/server/audit/record-audit";
import type { CurrentStaff } from "@/server/auth/session";
import { getDb } from "@/server/db";
import { requireStaffPermission } from "@/server/policy/staff-permissions";
import { asSql } from "@/server/sql";
import { lockBatch } from "./lock-batch";
import { appliedLines, planReceipt } from "./plan-receipt";

export interface ReceiptImportResult {
  batchId: number;
  accepted: number;
  rejected: number;
  /** The same file was imported before: nothing changed. */
  alreadyImported: boolean;
}

/**
 * 导入回执: records the province's answer for each line of the batch the receipt names, in one
 * transaction under the batch's lock: the plan again (the file reviewed, by its checksum), the
 * receipt, one result per line (a line answered before keeps its first result), the batch to
 * RECEIPTED, the audit row. The same file again changes nothing.
 */
export async function importReceipt(
  staff: Pick<CurrentStaff, "id" | "role">,
  input: { batchId: number; bytes: Uint8Array; fileName: string; checksum: string },
  ip: string | null,
): Promise<ReceiptImportResult> {
  requireStaffPermission(staff, "exports.report");
  return getDb().$transaction(
    async (tx) => {
      const batch = await lockBatch(tx, input.batchId);
      if (!isWithProvince(batch.state)) throw new AppError("INVALID_TRANSITION", m.receiptNeedsUpload);
      const sql = asSql(tx);
      const [before] = await sql.query<{ id: number }>(
        `SELECT "id" FROM "ExportReceipt" WHERE "batchId" = $1 AND "checksum" = $2`,
        [batch.id, input.checksum],
      );
      if (before) return { batchId: batch.id, accepted: 0, rejected: 0, alreadyImported: true };
      const plan = await planReceipt(tx, batch.id, input.bytes);
      if (plan.checksum !== input.checksum) throw new AppError("INVALID_INPUT", m.receiptPrecheckFirst);
      const lines = appliedLines(plan);
      const accepted = lines.filter((l) => l.kind === "accepted").length;
      const [receipt] = await sql.query<{ id: number }>(
        `INSERT INTO "ExportReceipt" ("batchId", "fileName", "checksum", "importedById", "acceptedCount", "rejectedCount", "importedAt")
         VALUES ($1, $2, $3, $4, $5, $6, now() AT TIME ZONE 'UTC') RETURNING "id"`,
        [batch.id, input.fileName.slice(0, 200), plan.checksum, staff.id, accepted, lines.length - accepted],
      );
      await sql.query(
        `INSERT INTO "ExportRowResult" ("batchId", "seq", "learnerId", "year", "accepted", "reason", "receiptId", "recordedAt")
         SELECT $1, t.seq, t."learnerId", t.year, t.accepted, t.reason, $2, now() AT TIME ZONE 'UTC'
         FROM unnest($3::int[], $4::text[], $5::int[], $6::boolean[], $7::text[])
           AS t(seq, "learnerId", year, accepted, reason)
         ON CONFLICT ("batchId", "seq") DO NOTHING`,
        [
          batch.id,
          receipt!.id,
          lines.map((l) => l.seq),
          lines.map((l) => l.learnerId),
          lines.map((l) => l.year),
          lines.map((l) => l.kind === "accepted"),
          lines.map((l) => (l.kind === "rejected" ? l.reason : null)),
        ],
      );
      await sql.query(`UPDATE "ExportBatch" SET "state" = 'RECEIPTED' WHERE "id" = $1`, [batch.id]);
      await recordAudit(
        {
          actorType: "STAFF",
          actorId: staff.id,
          action: "export.batch.receipt",
          targetType: "ExportBatch",
          targetId: String(batch.id),
          ip,
          outcome: "SUCCESS",
          details: {
            year: batch.year,
            checksum: plan.checksum,
            fileName: input.fileName.slice(0, 200),
            ...plan.counts,
          },
        },
        tx,
      );
      return { batchId: batch.id, accepted, rejected: lines.length - accepted, alreadyImported: false };
    },
    { timeout: 60_000 },
  );
}
