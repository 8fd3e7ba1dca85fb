import "server-only";
import type ExcelJS from "exceljs";
import { findHeaderRow, HEADER_SEARCH_ROWS, MAX_IMPORT_ROWS, type RawImportRow } from "@/domain/import";
import { AppError } from "@/lib/errors";
import { readFirstWorksheet } from "@/server/spreadsheets/read-first-worksheet";
import { importMessages } from "@/messages/zh-CN";

/** The columns read of each row: the template's seven, in any order, among up to 32. */
export const MAX_IMPORT_COLUMNS = 32;

type Cell = { text: string; imprecise: boolean };

/** A cell as the administrator sees it in Excel, as text. */
function cellText(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return { text: "", imprecise: false };
  if (typeof value === "string") return { text: value, imprecise: false };
  if (typeof value === "number") {
    // An 18-digit ID number typed into a General cell is a float whose last digits are gone.
    if (Number.isInteger(value) && !Number.isSafeInteger(value)) return { text: String(value), imprecise: true };
    return { text: String(value), imprecise: false };
  }
  if (typeof value === "boolean") return { text: value ? "TRUE" : "FALSE", imprecise: false };
  if (value instanceof Date) return { text: value.toISOString().slice(0, 10), imprecise: false };
  if ("richText" in value) return { text: value.richText.map((part) => part.text).join(""), imprecise: false };
  if ("hyperlink" in value) return { text: value.text, imprecise: false };
  if ("formula" in value || "sharedFormula" in value) {
    return value.result === undefined ? { text: "", imprecise: false } : cellText(value.result);
  }
  return { text: "", imprecise: false }; // an error value such as #N/A
}

export interface XlsxRows {
  /** The first rows as they are (the header is among them), then the rows that are not blank. */
  rows: RawImportRow[];
  /** Reading stopped: the sheet has more rows than an import takes. */
  tooManyRows: boolean;
}

/** The columns that the header among the first rows maps, or null when none does (yet). */
function headerColumns(rows: readonly RawImportRow[]): ReadonlySet<number> | null {
  const header = findHeaderRow(rows.map((row) => row.cells));
  if (!header.ok) return null;
  return new Set(Object.values(header.indexes).filter((index): index is number => index !== null));
}

/**
 * The rows of the first worksheet of an .xlsx workbook, numbered as Excel numbers them. Blank rows
 * after the header's search window are left out (the import drops them anyway), and reading stops
 * once more rows than an import takes are seen, so a huge sheet is never held. Past the window,
 * a row keeps only the text of the header's columns (the others read as empty; a row with text
 * in none of them is kept whole, so that it is still reported): 20,000 rows of 32 full columns
 * would otherwise keep 640,000 strings that the import never looks at.
 */
export async function readXlsxRows(bytes: Uint8Array): Promise<XlsxRows> {
  const rows: RawImportRow[] = [];
  let rowsAfterWindow = 0;
  let kept: ReadonlySet<number> | null = null;
  const worksheet = readFirstWorksheet(bytes, {
    columns: MAX_IMPORT_COLUMNS,
    refusals: {
      unreadable: () => new AppError("UNREADABLE_FILE", importMessages.xlsxUnreadable),
      noWorksheet: () => new AppError("EMPTY_FILE", importMessages.noWorksheet),
    },
  });
  for await (const row of worksheet) {
    let cells: string[] = [];
    const impreciseColumns: number[] = [];
    for (const [index, found] of row.cells.entries()) {
      const cell = cellText(found?.value);
      cells.push(cell.text);
      if (cell.imprecise) impreciseColumns.push(index);
    }
    if (rows.length < HEADER_SEARCH_ROWS) {
      rows.push({ rowNumber: row.rowNumber, cells, ...(impreciseColumns.length ? { impreciseColumns } : {}) });
      if (rows.length === HEADER_SEARCH_ROWS) kept = headerColumns(rows);
      continue;
    }
    if (!cells.some((cell) => cell.trim() !== "")) continue;
    if (++rowsAfterWindow > MAX_IMPORT_ROWS) return { rows, tooManyRows: true };
    const header = kept;
    if (header && cells.some((cell, index) => header.has(index) && cell.trim() !== ""))
      cells = cells.map((cell, index) => (header.has(index) ? cell : ""));
    rows.push({ rowNumber: row.rowNumber, cells, ...(impreciseColumns.length ? { impreciseColumns } : {}) });
  }
  return { rows, tooManyRows: false };
}
