import "server-only";
import { IMPORT_COLUMNS, MAX_IMPORT_ROWS } from "@/domain/course-admin";
import { AppError } from "@/lib/errors";
import { readFirstWorksheet } from "@/server/spreadsheets/read-first-worksheet";
import { courseErrors } from "./course-errors";
import { courseMessages } from "@/messages/zh-CN";

/**
 * The first worksheet of an uploaded workbook as rows of cell text (row n of the sheet is
 * rows[n - 1]; rows without values are empty), the template's columns only. Cells are read as
 * displayed: a formula gives its result, rich text its plain text.
 */
export async function readQuestionSheet(data: ArrayBuffer): Promise<string[][]> {
  const rows: string[][] = [];
  const worksheet = readFirstWorksheet(new Uint8Array(data), {
    columns: IMPORT_COLUMNS.length,
    refusals: { unreadable: courseErrors.importUnreadable, noWorksheet: courseErrors.importUnreadable },
  });
  for await (const { rowNumber, cells } of worksheet) {
    // A stray value far below the questions would otherwise make a huge sparse sheet.
    if (rowNumber > MAX_IMPORT_ROWS * 2)
      throw new AppError("IMPORT_TOO_MANY", courseMessages.importTooMany(MAX_IMPORT_ROWS));
    while (rows.length < rowNumber - 1) rows.push([]);
    rows[rowNumber - 1] = IMPORT_COLUMNS.map((_, i) => cells[i]?.text ?? "");
  }
  return rows;
}
