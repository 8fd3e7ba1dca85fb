"use server";

import { z } from "zod";
import { createExportBatch } from "@/server/exports/create-export-batch";
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
