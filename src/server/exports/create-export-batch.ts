import "server-only";
import { pickPolicyRow, RULES_START_YEAR } from "@/domain/credits";
import { AppError } from "@/lib/errors";
import { currentYear } from "@/lib/time";
import { getCreditPolicy } from "@/server/credits/get-credit-policy";
import { ZCreatedExportBatch, type CreatedExportBatch } from "./export-task";
import { runExportProcess } from "./run-export-process";
import { commonMessages } from "@/messages/zh-CN";

export type { CreatedExportBatch } from "./export-task";

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < RULES_START_YEAR || year > currentYear()) {
    throw new AppError("YEAR_OUT_OF_RANGE", commonMessages.yearOutOfRange(RULES_START_YEAR, currentYear()), {
      year: [commonMessages.chooseValidYear],
    });
  }
}

/**
 * Creates the export batch of a year (see writeExportBatch for what it holds): in the export
 * process, where its streamed checksum of up to 500,000 decrypted lines neither grows the web
 * process's memory nor competes with its requests (docs/decisions/0016-export-process.md).
 * Resolves when the batch is committed; nothing due gives `batchId: null`. Authorization is the
 * caller's.
 */
export async function createExportBatch(input: {
  year: number;
  trigger: "MANUAL" | "SCHEDULED";
  createdById: string | null;
}): Promise<CreatedExportBatch> {
  checkYear(input.year);
  const rule = pickPolicyRow(await getCreditPolicy(), input.year);
  const chunks: Buffer[] = [];
  for await (const chunk of runExportProcess({ kind: "batch", ...input, rule })) chunks.push(chunk);
  return ZCreatedExportBatch.parse(JSON.parse(Buffer.concat(chunks).toString("utf8")));
}
