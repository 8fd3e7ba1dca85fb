import "server-only";
import { Readable } from "node:stream";
import { ZipFile } from "yazl";
import { EXPORT_COLUMN_KINDS, EXPORT_HEADER, exportCells, TRAINING_INSTITUTION } from "@/domain/exports";
import { SHEET_END_XML, sheetRowXml, sheetStartXml, workbookParts } from "@/domain/exports/xlsx-parts";
import { logger } from "@/lib/logger";
import type { Queryable } from "./export-pool";
import { readExportPages } from "./read-export-pages";
import { exportMessages } from "@/messages/zh-CN";

// Column widths in characters, for a file that is readable as opened.
const WIDTHS = [22, 10, 8, 8, 12, 12, 8, 12, 12, 30];
const COLUMNS = EXPORT_COLUMN_KINDS.map((kind, i) => ({ kind, width: WIDTHS[i] ?? 10 }));

/** The sheet's XML, a page of rows per chunk. */
async function* sheetXml(db: Queryable, batchId: number, districtId: number | null): AsyncGenerator<Buffer> {
  yield Buffer.from(sheetStartXml(COLUMNS) + sheetRowXml(1, EXPORT_HEADER), "utf8");
  let rowNumber = 1;
  for await (const page of readExportPages(db, batchId, { districtId })) {
    let xml = "";
    for (const line of page) xml += sheetRowXml(++rowNumber, exportCells(line));
    yield Buffer.from(xml, "utf8");
  }
  yield Buffer.from(SHEET_END_XML, "utf8");
}

/**
 * The XLSX file of a batch, as its bytes come out of the zip: the small parts, then the sheet
 * deflated into the zip as it is written, a page of rows at a time. The zip (yazl) pulls the
 * sheet only as fast as the download takes the compressed bytes, so memory stays at a page or two whatever the batch's
 * size. (exceljs's "streaming" writer was used before: it keeps every part in JSZip until the
 * end — 300 MB for 500,000 rows, measured.) The same batch gives the same bytes every time: the
 * timestamps are the batch's.
 */
export async function* xlsxChunks(
  db: Queryable,
  batchId: number,
  opts: { districtId?: number | null; createdAt: Date },
): AsyncGenerator<Buffer> {
  const zip = new ZipFile();
  const entry = { mtime: opts.createdAt, mode: 0o100644 };
  for (const [path, xml] of workbookParts({
    sheetName: exportMessages.sheetName,
    creator: TRAINING_INSTITUTION,
    created: opts.createdAt,
  })) {
    zip.addBuffer(Buffer.from(xml, "utf8"), path, entry);
  }
  const sheet = Readable.from(sheetXml(db, batchId, opts.districtId ?? null), { objectMode: false });
  sheet.on("error", (error) => {
    logger.error({ err: error, batchId }, "xlsx export failed");
    (zip.outputStream as Readable).destroy(error);
  });
  zip.addReadStream(sheet, "xl/worksheets/sheet1.xml", entry);
  zip.end();
  try {
    for await (const chunk of zip.outputStream) yield chunk as Buffer;
  } finally {
    // The download ended early (or failed): stop reading pages.
    sheet.destroy();
  }
}
