import "server-only";
import ExcelJS from "exceljs";
import type { RawImportRow } from "@/domain/import";
import { AppError } from "@/lib/errors";

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

/** The rows of the first worksheet of an .xlsx workbook, numbered as Excel numbers them. */
export async function readXlsxRows(bytes: Uint8Array): Promise<RawImportRow[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    // An exactly sized ArrayBuffer: what exceljs's typings ask for, and JSZip reads it as is.
    await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  } catch {
    throw new AppError("UNREADABLE_FILE", "无法读取该 Excel 文件，请确认它是 .xlsx 格式且没有设置密码");
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new AppError("EMPTY_FILE", "Excel 文件中没有工作表");
  const rows: RawImportRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    const impreciseColumns: number[] = [];
    // row.values is 1-based (index 0 is empty); cells are read by column number for that reason.
    for (let column = 1; column <= row.cellCount; column++) {
      const cell = cellText(row.getCell(column).value);
      cells.push(cell.text);
      if (cell.imprecise) impreciseColumns.push(column - 1);
    }
    rows.push({ rowNumber, cells, ...(impreciseColumns.length ? { impreciseColumns } : {}) });
  });
  return rows;
}
