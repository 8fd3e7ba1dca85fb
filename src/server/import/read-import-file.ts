import "server-only";
import {
  findHeaderRow,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_ROWS,
  TOO_LARGE_MESSAGE,
  TOO_MANY_ROWS_MESSAGE,
  type ColumnIndexes,
  type RawImportRow,
} from "@/domain/import";
import { AppError } from "@/lib/errors";
import { readCsvRows } from "./read-csv-rows";
import { readWorkbook } from "@/server/spreadsheets/read-workbook";
import { importMessages } from "@/messages/zh-CN";

export interface ImportFile {
  format: "xlsx" | "csv";
  indexes: ColumnIndexes;
  /** The data rows after the header, empty rows left out. */
  rows: RawImportRow[];
}

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((byte, i) => bytes[i] === byte);
}

/**
 * Reads an uploaded import file. The format is told by its content, not its name: an .xlsx is a
 * ZIP archive; the old .xls format (an OLE container) is refused with advice; anything else is
 * read as CSV text.
 */
export async function readImportFile(bytes: Uint8Array): Promise<ImportFile> {
  if (bytes.byteLength === 0) throw new AppError("EMPTY_FILE");
  if (bytes.byteLength > MAX_IMPORT_BYTES) throw new AppError("FILE_TOO_LARGE", TOO_LARGE_MESSAGE);
  let format: ImportFile["format"];
  let all: RawImportRow[];
  let tooManyRows = false;
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    format = "xlsx";
    ({ rows: all, tooManyRows } = await readWorkbook("learners", bytes));
  } else if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    throw new AppError("UNSUPPORTED_FILE", importMessages.unsupportedXls);
  } else {
    format = "csv";
    all = readCsvRows(bytes);
  }
  const header = findHeaderRow(all.map((row) => row.cells));
  if (!header.ok) throw new AppError("NO_HEADER", header.reason);
  const rows = all.slice(header.index + 1).filter((row) => row.cells.some((cell) => cell.trim() !== ""));
  if (rows.length === 0) throw new AppError("NO_ROWS");
  if (tooManyRows || rows.length > MAX_IMPORT_ROWS) throw new AppError("TOO_MANY_ROWS", TOO_MANY_ROWS_MESSAGE);
  return { format, indexes: header.indexes, rows };
}
