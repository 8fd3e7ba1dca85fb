import "server-only";
import { z } from "zod";
import type { ExportBatchState } from "@/domain/exports";
import { parseInt4Id } from "@/lib/database-int";
import { AppError } from "@/lib/errors";
import { exportMessages } from "@/messages/zh-CN";
import type { DbOrTx } from "@/server/db";
import { asSql } from "@/server/sql";

/** A batch id as a form sends it; one beyond the column is no batch. */
export const ZBatchId = z.union([z.string(), z.number()]).transform((v, ctx) => {
  const id = parseInt4Id(String(v));
  if (id === null) ctx.addIssue({ code: "custom", message: exportMessages.batchNotFound });
  return id ?? 0;
});

/** A batch's row locked for a state change (FOR UPDATE); NOT_FOUND when there is none. */
export async function lockBatch(tx: DbOrTx, batchId: number) {
  const [batch] = await asSql(tx).query<{ id: number; year: number; state: ExportBatchState; createdAt: Date }>(
    `SELECT "id", "year", "state"::text AS "state", "createdAt" FROM "ExportBatch" WHERE "id" = $1 FOR UPDATE`,
    [batchId],
  );
  if (!batch) throw new AppError("NOT_FOUND", exportMessages.batchNotFound);
  return batch;
}
