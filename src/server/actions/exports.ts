"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createExportBatch } from "@/server/exports/create-export-batch";
import { recordBatchUpload, ZRecordBatchUploadInput } from "@/server/exports/record-batch-upload";
import { withdrawExportBatch, ZWithdrawExportBatchInput } from "@/server/exports/withdraw-export-batch";
import { action } from "./action";
import { commonMessages } from "@/messages/zh-CN";

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
