import "server-only";
import ExcelJS from "exceljs";
import { IMPORT_COLUMNS, MAX_IMPORT_ROWS } from "@/domain/course-admin";
import { AppError } from "@/lib/errors";
import { courseErrors } from "./course-errors";

/**
 * The first worksheet of an uploaded workbook as rows of cell text (row n of the sheet is
 * rows[n - 1]; rows without values are empty), the template's columns only. Cells are read as
 * displayed: a formula gives its result, rich text its plain text.
 */
export async function readQuestionSheet(data: ArrayBuffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data);
  } catch {
    throw courseErrors.importUnreadable();
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw courseErrors.importUnreadable();
  const rows: string[][] = [];
  let tooMany = false;
  sheet.eachRow((row, rowNumber) => {
    // A stray value far below the questions would otherwise make a huge sparse sheet.
    if (rowNumber > MAX_IMPORT_ROWS * 2) {
      tooMany = true;
      return;
    }
    while (rows.length < rowNumber - 1) rows.push([]);
    rows.push(IMPORT_COLUMNS.map((_, i) => row.getCell(i + 1).text ?? ""));
  });
  if (tooMany) throw new AppError("IMPORT_TOO_MANY", `一次最多导入 ${MAX_IMPORT_ROWS} 道题，请分批导入`);
  return rows;
}
