import "server-only";
import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import { EXPORT_HEADER, exportFields } from "@/domain/exports";
import { logger } from "@/lib/logger";
import type { Queryable } from "./export-pool";
import { readExportPages } from "./read-export-pages";
import { toWebStream } from "./web-stream";

// Column widths in characters, for a file that is readable as opened.
const WIDTHS = [22, 10, 8, 8, 12, 12, 8, 12, 12, 30];
// Every cell is text (Excel's "@" format), the same strings as the CSV: the two files agree.
const TEXT = "@";

async function* bytesOf(output: PassThrough): AsyncGenerator<Uint8Array> {
  for await (const chunk of output) if (chunk instanceof Uint8Array) yield chunk;
}

/** Waits while the compressed output is not being read, so that a slow download holds little. */
async function waitForReader(output: PassThrough): Promise<void> {
  while (output.readableLength > output.readableHighWaterMark && !output.destroyed) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/**
 * The XLSX file of a batch as a web stream, written by exceljs's streaming writer page by page:
 * rows are committed (and leave memory) as soon as they are written, and no shared-strings
 * table is kept (it would hold every ID number until the end).
 */
export function xlsxStream(
  db: Queryable,
  batchId: number,
  opts: { districtId?: number | null; createdAt: Date },
): ReadableStream<Uint8Array> {
  const output = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  // Fixed metadata: the same batch gives the same workbook properties every time.
  workbook.creator = "武汉市会计人员继续教育培训网";
  workbook.created = opts.createdAt;
  workbook.modified = opts.createdAt;
  const sheet = workbook.addWorksheet("报送名单");
  sheet.columns = EXPORT_HEADER.map((header, index) => ({
    header,
    key: `c${index}`,
    width: WIDTHS[index] ?? 12,
    style: { numFmt: TEXT },
  }));

  void (async () => {
    try {
      for await (const page of readExportPages(db, batchId, opts)) {
        for (const line of page) sheet.addRow(exportFields(line, "xlsx")).commit();
        await waitForReader(output);
        if (output.destroyed) return;
      }
      sheet.commit();
      await workbook.commit();
    } catch (error) {
      logger.error({ err: error, batchId }, "xlsx export failed");
      output.destroy(error instanceof Error ? error : new Error("xlsx export failed"));
    }
  })();
  return toWebStream(bytesOf(output));
}
