import "server-only";
import { z } from "zod";

const id = z.number().int().positive();

/**
 * What the export process is asked to do (docs/decisions/0016-export-process.md): write a batch's
 * file (the whole file, or one district's lines) or create a batch. The web process has already
 * authorized it; the task travels as JSON in the process's arguments and holds no personal data.
 */
export const ZExportTask = z.discriminatedUnion("kind", [
  z.object({
    kind: z.enum(["csv", "xlsx"]),
    batchId: id,
    districtId: id.nullable(),
    /** The batch's creation time: the XLSX's timestamps, so that a batch always gives the same bytes. */
    createdAt: z.iso.datetime(),
  }),
  z.object({
    kind: z.literal("batch"),
    year: z.number().int(),
    trigger: z.enum(["MANUAL", "SCHEDULED"]),
    createdById: z.string().min(1).nullable(),
    /** The credit policy row of the year, as the web process read it (cached there). */
    rule: z.object({
      fromYear: z.number().int(),
      requiredTotal: z.number().int(),
      requiredProfessional: z.number().int(),
      creditsPerHour: z.number().int().positive(),
    }),
  }),
]);
export type TExportTask = z.infer<typeof ZExportTask>;

/** What a "batch" task answers: the new batch, or null when nothing was due. */
export const ZCreatedExportBatch = z.object({
  batchId: id.nullable(),
  year: z.number().int(),
  rowCount: z.number().int().nonnegative(),
});
export type CreatedExportBatch = z.infer<typeof ZCreatedExportBatch>;
