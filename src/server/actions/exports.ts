"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createExportBatch } from "@/server/exports/create-export-batch";
import { recordBatchUpload, ZRecordBatchUploadInput } from "@/server/exports/record-batch-upload";
import { withdrawExportBatch, ZWithdrawExportBatchInput } from "@/server/exports/withdraw-export-batch";
import { MAX_IMPORT_BYTES, TOO_LARGE_MESSAGE } from "@/domain/import";
import { importReceipt } from "@/server/exports/import-receipt";
import { ZBatchId } from "@/server/exports/lock-batch";
import { previewReceipt } from "@/server/exports/preview-receipt";
import { action } from "./action";
import { commonMessages, exportMessages, importMessages } from "@/messages/zh-CN";

// Creating a batch is the city office's duty (市会计考办): district bureaus only read theirs.
export const createExportBatchAction = action(
  {
    name: "exports.createBatch",
    auth: "staff",
    permission: "exports.create",
    schema: z.object({ year: z.coerce.number({ error: commonMessages.chooseYear }).int(commonMessages.chooseYear) }),
  },
  (input, { staff }) => createExportBatch({ year: input.year, trigger: "MANUAL", createdById: staff.id }),
);

/** 记录上报: the day the batch went to the provincial system, and its reference there. */
export const recordBatchUploadAction = action(
  { name: "exports.recordUpload", auth: "staff", permission: "exports.report", schema: ZRecordBatchUploadInput },
  async (input, { staff, ip }) => {
    const result = await recordBatchUpload(staff, input, ip);
    revalidatePath("/admin/exports");
    return result;
  },
);

/** 撤回 a batch not yet uploaded: its learners are due again in the next batch. */
export const withdrawExportBatchAction = action(
  { name: "exports.withdraw", auth: "staff", permission: "exports.report", schema: ZWithdrawExportBatchInput },
  async (input, { staff, ip }) => {
    const result = await withdrawExportBatch(staff, input, ip);
    revalidatePath("/admin/exports");
    return result;
  },
);

const receiptFile = z
  .file({ error: importMessages.chooseFile })
  .min(1, importMessages.emptyFile)
  .max(MAX_IMPORT_BYTES, TOO_LARGE_MESSAGE);

// The dry run shows every line that would not be applied, and this many of those that would.
const SHOWN_APPLIED_LINES = 20;

/** 预检 of a receipt (回执): what importing it would record; writes nothing. */
export const previewReceiptAction = action(
  {
    name: "exports.previewReceipt",
    auth: "staff",
    permission: "exports.report",
    schema: z.object({ batchId: ZBatchId, file: receiptFile }),
  },
  async (input, { staff }) => {
    const plan = await previewReceipt(staff, input.batchId, new Uint8Array(await input.file.arrayBuffer()));
    const applied = plan.lines.filter((l) => l.kind === "accepted" || l.kind === "rejected");
    const problems = plan.lines.filter((l) => l.kind !== "accepted" && l.kind !== "rejected");
    const shown = [...problems, ...applied.slice(0, SHOWN_APPLIED_LINES)].sort((a, b) => a.rowNumber - b.rowNumber);
    return {
      batchId: input.batchId,
      fileName: input.file.name,
      checksum: plan.checksum,
      counts: plan.counts,
      lines: shown.map(({ rowNumber, kind, idNumberMasked, name, year, reason }) => ({
        rowNumber,
        kind,
        idNumberMasked,
        name,
        year,
        reason,
      })),
    };
  },
);

/** 导入回执: applies the reviewed receipt in one transaction; the same file again changes nothing. */
export const importReceiptAction = action(
  {
    name: "exports.importReceipt",
    auth: "staff",
    permission: "exports.report",
    schema: z.object({
      batchId: ZBatchId,
      file: receiptFile,
      checksum: z.string().regex(/^[0-9a-f]{64}$/u, exportMessages.receiptPrecheckFirst),
    }),
  },
  async (input, { staff, ip }) => {
    const result = await importReceipt(
      staff,
      {
        batchId: input.batchId,
        bytes: new Uint8Array(await input.file.arrayBuffer()),
        fileName: input.file.name,
        checksum: input.checksum,
      },
      ip,
    );
    revalidatePath("/admin/exports");
    return result;
  },
);
