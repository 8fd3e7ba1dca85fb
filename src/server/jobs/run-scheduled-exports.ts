import "server-only";
import { obligationYears, RULES_START_YEAR } from "@/domain/credits";
import { logger } from "@/lib/logger";
import { currentYear } from "@/lib/time";
import { createExportBatch, type CreatedExportBatch } from "@/server/exports/create-export-batch";

/**
 * The scheduled export (the pg-boss worker's handler): a batch for every year from 2018 to the
 * current one that has something due, earliest first. A year with nothing new creates nothing,
 * so the job is idempotent: run twice, or on two instances at once, it exports each
 * learner-year once (the per-year advisory lock in createExportBatch serializes the two).
 */
export async function runScheduledExports(): Promise<CreatedExportBatch[]> {
  const results: CreatedExportBatch[] = [];
  for (const year of obligationYears(RULES_START_YEAR, currentYear())) {
    const result = await createExportBatch({ year, trigger: "SCHEDULED", createdById: null });
    if (result.batchId !== null) logger.info({ ...result }, "scheduled export batch created");
    results.push(result);
  }
  return results;
}
