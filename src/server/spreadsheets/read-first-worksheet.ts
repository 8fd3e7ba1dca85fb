import "server-only";
import { pipeline, Readable } from "node:stream";
import ExcelJS from "exceljs";
import { AppError } from "@/lib/errors";
import { openXlsxPackage, type XlsxPackage } from "./open-xlsx-package";
import { readSharedStrings, SharedStrings } from "./shared-strings";
import "./uncached-cell-addresses";
import { fileTooComplex, XLSX_LIMITS } from "./xlsx-limits";
import { xmlShapeGuard } from "./xml-shape-guard";

/** exceljs's WorksheetReader: its rows, and the sheet's extent that it widens row by row. */
type WorksheetReader = AsyncIterable<ExcelJS.Row> & { _dimensions: { expandRow(row: ExcelJS.Row): void } };

/**
 * The part readers of exceljs's streaming WorkbookReader (exceljs 4.4.0, pinned). Its own
 * `parse` unzips with unzipper, which inflates without any bound and follows local headers
 * rather than the central directory; so the parts are handed to these one by one instead, each
 * inflated under XLSX_LIMITS by openXlsxPackage.
 */
interface WorkbookPartReaders {
  _parseRels(part: Readable): Promise<void>;
  _parseWorkbook(part: Readable): Promise<void>;
  _parseStyles(part: Readable): Promise<void>;
  _parseWorksheet(part: Readable, sheetNo: string): Iterable<{ eventType: string; value: WorksheetReader }>;
  model?: { sheets?: { rId?: string }[] };
  workbookRels?: { Id?: string; Target?: string }[];
}

export interface WorksheetRefusals {
  /** Not a workbook, or damaged. */
  unreadable: () => AppError;
  /** A workbook without a worksheet. */
  noWorksheet: () => AppError;
}

/**
 * Row.hasValues and the reader's row-by-row extent walk every column up to a row's last cell,
 * 16,384 for a cell in XFD: a sheet of such rows would take hours. These look at the cells there
 * are, and the extent (which nothing here uses) is not kept.
 */
function hasValues(row: ExcelJS.Row): boolean {
  const { _cells: cells } = row as unknown as { _cells: (ExcelJS.Cell | undefined)[] };
  return Object.values(cells).some((cell) => cell !== undefined && cell.type !== ExcelJS.ValueType.Null);
}
const ignoreExtent = { expandRow: () => undefined };

/**
 * exceljs parses a part a chunk at a time and keeps all that one chunk makes (its SAX events, rows,
 * cells and their values) until the chunk is done. A scavenge that finds nearly all of them still
 * alive makes V8 allocate every later one directly in the old generation, for the life of the
 * process ("allocation-site pretenuring"), where only a full collection frees them: one upload
 * then piles up hundreds of megabytes of garbage before one comes. The inflated text arrives in
 * chunks of 16 KB, whose objects fill much of the young generation at its smallest (1 MB, where V8
 * starts and shrinks back to); pieces of 2,048 characters keep them a small part of it, for a
 * little time per piece. (A full collection that runs during parsing can still set the decision.)
 */
const PIECE_CHARACTERS = 2048;
async function* inPieces(text: AsyncIterable<string>): AsyncGenerator<string> {
  for await (const chunk of text) {
    for (let start = 0; start < chunk.length; start += PIECE_CHARACTERS) {
      yield chunk.slice(start, start + PIECE_CHARACTERS);
    }
  }
}

const WORKSHEET_PATH = /^xl\/worksheets\/sheet(\d+)\.xml$/u;

/** The first worksheet as the workbook lists its sheets (what Excel shows as the first tab). */
function firstWorksheetPath(reader: WorkbookPartReaders, xlsx: XlsxPackage): { path: string; sheetNo: string } | null {
  for (const sheet of reader.model?.sheets ?? []) {
    const target = reader.workbookRels?.find((rel) => rel.Id === sheet.rId)?.Target;
    if (!target) continue;
    // As exceljs resolves it: relative to xl/, or absolute as /xl/...
    const path = `xl/${target.replace(/^(\s|\/xl\/)+/u, "")}`;
    const sheetNo = WORKSHEET_PATH.exec(path)?.[1];
    if (sheetNo && xlsx.has(path)) return { path, sheetNo };
  }
  return null;
}

export interface WorksheetRow {
  /** As Excel numbers it. */
  rowNumber: number;
  /** The row's cells from column A up to its last cell, at most `columns` of them (none: empty). */
  cells: (ExcelJS.Cell | undefined)[];
}

/**
 * The XML parser hands text on as slices of the part's decoded text, and in V8 a slice keeps all
 * of the text it was cut from: a 20-character cell that a caller keeps would keep the 32 KB
 * around it, and the rows of an import would keep the whole sheet. Text handed on is copied.
 */
const detached = (text: string) => ` ${text}`.slice(1);

/**
 * A cell as loading the workbook gave it, where exceljs's streaming reader differs: a shared
 * string is looked up (its text: rich text reads the same), a formula copied down (a "shared"
 * formula) would read as JSON text, an error result (#N/A) as NaN.
 */
function asLoaded(cell: ExcelJS.Cell | undefined, strings: SharedStrings): ExcelJS.Cell | undefined {
  if (!cell) return undefined;
  const value: unknown = cell.value;
  if (typeof value === "string") {
    cell.value = detached(value);
    return cell;
  }
  if (typeof value !== "object" || value === null) return cell;
  if ("sharedString" in value) {
    cell.value = strings.get(Number(value.sharedString)) ?? null;
    return cell;
  }
  if (!("formula" in value)) return cell;
  const { formula, result } = value as { formula: unknown; result?: ExcelJS.CellFormulaValue["result"] };
  const shown =
    typeof result === "number" && Number.isNaN(result)
      ? undefined
      : typeof result === "string"
        ? detached(result)
        : result;
  cell.value =
    typeof formula === "string" && formula !== ""
      ? { formula, result: shown }
      : { sharedFormula: cell.address, result: shown };
  return cell;
}

/** The text a cell shows, for XLSX_LIMITS.cellCharacters. */
function textLength(cell: ExcelJS.Cell | undefined): number {
  const value: unknown = cell?.value;
  const text = typeof value === "object" && value !== null && "result" in value ? value.result : value;
  return typeof text === "string" ? text.length : 0;
}

/**
 * The rows of an uploaded workbook's first worksheet, streamed: numbered as Excel numbers them,
 * only rows holding a value, in the order of the sheet, each cut to its first `columns` cells
 * (a value in column XFD would otherwise cost 16,384 cells). The workbook is checked and inflated
 * under XLSX_LIMITS (refused with FILE_TOO_COMPLEX beyond them, the text of the cells read
 * included); shared strings (compactly) and styles (dates need the number formats) are kept, the
 * sheet itself is never held whole. A caller may stop early: the rest of the file is then never
 * inflated.
 */
export async function* readFirstWorksheet(
  bytes: Uint8Array,
  options: { columns: number; refusals: WorksheetRefusals },
): AsyncGenerator<WorksheetRow> {
  const { columns, refusals } = options;
  let xlsx: XlsxPackage | null = null;
  try {
    xlsx = await openXlsxPackage(bytes);
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([]), {
      worksheets: "emit",
      sharedStrings: "ignore", // read by readSharedStrings
      styles: "cache",
      hyperlinks: "ignore",
      entries: "ignore",
    }) as unknown as WorkbookPartReaders;
    const opened = xlsx;
    const part = async (name: string, limit: number) =>
      Readable.from(
        inPieces(
          // Decoded here, not by exceljs, which garbles a character cut by a chunk boundary.
          pipeline(await opened.openPart(name, limit), xmlShapeGuard(), () => undefined).setEncoding("utf8"),
        ),
      );
    if (!xlsx.has("xl/workbook.xml")) throw refusals.unreadable();
    if (xlsx.has("xl/_rels/workbook.xml.rels"))
      await reader._parseRels(await part("xl/_rels/workbook.xml.rels", XLSX_LIMITS.otherPartBytes));
    await reader._parseWorkbook(await part("xl/workbook.xml", XLSX_LIMITS.otherPartBytes));
    if (xlsx.has("xl/styles.xml")) await reader._parseStyles(await part("xl/styles.xml", XLSX_LIMITS.otherPartBytes));
    const strings = xlsx.has("xl/sharedStrings.xml")
      ? await readSharedStrings(await part("xl/sharedStrings.xml", XLSX_LIMITS.sharedStringsBytes))
      : new SharedStrings();
    const first = firstWorksheetPath(reader, xlsx);
    if (!first) throw refusals.noWorksheet();
    const sheet = await part(first.path, XLSX_LIMITS.sheetBytes);
    let characters = 0;
    for (const { value: worksheet } of reader._parseWorksheet(sheet, first.sheetNo)) {
      worksheet._dimensions = ignoreExtent;
      for await (const row of worksheet) {
        if (!hasValues(row)) continue;
        const cells = Array.from({ length: Math.min(row.cellCount, columns) }, (_, i) =>
          asLoaded(row.findCell(i + 1), strings),
        );
        for (const cell of cells) characters += textLength(cell);
        if (characters > XLSX_LIMITS.cellCharacters) throw fileTooComplex();
        yield { rowNumber: row.number, cells };
      }
    }
  } catch (error) {
    throw error instanceof AppError ? error : refusals.unreadable();
  } finally {
    xlsx?.close();
  }
}
