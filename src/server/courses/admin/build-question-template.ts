import "server-only";
import ExcelJS from "exceljs";
import { IMPORT_COLUMNS, MAX_IMPORT_ROWS } from "@/domain/course-admin";
import { commonMessages, questionTemplateMessages as text } from "@/messages/zh-CN";

const WIDTHS = [10, 50, 24, 24, 24, 24, 24, 12, 40];

/** The downloadable question-bank template (XLSX): an empty 题目 sheet and a 填写说明 sheet. */
export async function buildQuestionTemplate(): Promise<ArrayBuffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = commonMessages.siteName;
  const sheet = workbook.addWorksheet(text.questionsSheet, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = IMPORT_COLUMNS.map((header, i) => ({ header, width: WIDTHS[i] ?? 20 }));
  sheet.getRow(1).font = { bold: true };
  for (let row = 2; row <= MAX_IMPORT_ROWS + 1; row++) {
    sheet.getCell(row, 1).dataValidation = {
      type: "list",
      allowBlank: true,
      formulae: [text.typeList],
      showErrorMessage: true,
      errorTitle: text.typeTitle,
      error: text.typeError,
    };
  }

  const help = workbook.addWorksheet(commonMessages.instructionsSheet);
  help.getColumn(1).width = 12;
  for (const line of text.instructions(MAX_IMPORT_ROWS)) help.addRow([line]);
  help.getRow(1).font = { bold: true, size: 14 };
  help.addRow([]);
  help.addRow([text.examplesHeading]).font = { bold: true };
  help.addRow([...IMPORT_COLUMNS]).font = { bold: true };
  for (const example of text.examples) help.addRow([...example]);
  return workbook.xlsx.writeBuffer();
}
