import "server-only";
import { createHash } from "node:crypto";
import { csvLine, EXPORT_HEADER, exportCsvLine } from "@/domain/exports";
import type { Queryable } from "./export-pool";
import { readExportPages } from "./read-export-pages";

const BOM = "\uFEFF";

/**
 * The CSV file of a batch as a sequence of UTF-8 chunks, one per page of rows: a BOM (so that
 * Excel reads UTF-8, not the local code page), the header, then the lines, in the format
 * EXPORT_FORMAT_VERSION. The download and the checksum both go through this one function, so the
 * checksum is of the very bytes served.
 */
export async function* csvChunks(
  db: Queryable,
  batchId: number,
  opts: { districtId?: number | null } = {},
): AsyncGenerator<Buffer> {
  yield Buffer.from(BOM + csvLine(EXPORT_HEADER), "utf8");
  for await (const page of readExportPages(db, batchId, opts)) {
    let text = "";
    for (const line of page) text += exportCsvLine(line);
    yield Buffer.from(text, "utf8");
  }
}

/** SHA-256 (hex) of the whole CSV file of a batch, streamed. */
export async function csvChecksum(db: Queryable, batchId: number): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of csvChunks(db, batchId)) hash.update(chunk);
  return hash.digest("hex");
}
