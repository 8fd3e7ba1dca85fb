import "server-only";
import ExcelJS from "exceljs";
import { IMPORT_COLUMNS, MAX_IMPORT_ROWS } from "@/domain/import";
import { QUALIFICATION_LABELS, QUALIFICATIONS } from "@/domain/learners";
import { currentYear } from "@/lib/time";
import { commonMessages, importTemplateMessages as text } from "@/messages/zh-CN";

const NOTES: Record<(typeof IMPORT_COLUMNS)[number]["key"], string> = {
  ...text.notes,
  qualification: text.qualificationNote(QUALIFICATIONS.map((q) => QUALIFICATION_LABELS[q])),
};

/**
 * The import template (信息采集表.xlsx): the header row, text-formatted columns so that Excel
 * keeps ID numbers intact, and a sheet of instructions listing the districts the administrator
 * may register learners in.
 */
export async function buildImportTemplate(districtNames: readonly string[]): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = commonMessages.siteName;
  const sheet = workbook.addWorksheet(text.dataSheet, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = IMPORT_COLUMNS.map((column) => ({
    header: column.header,
    key: column.key,
    width: column.key === "employer" ? 36 : column.key === "idNumber" ? 24 : 16,
    // Text, so that Excel neither rounds ID numbers nor drops a mobile's formatting.
    style: { numFmt: "@" },
  }));
  sheet.getRow(1).font = { bold: true };

  const notes = workbook.addWorksheet(commonMessages.instructionsSheet);
  notes.columns = [
    { header: text.columnHeader, key: "column", width: 20 },
    { header: text.noteHeader, key: "note", width: 80 },
  ];
  notes.getRow(1).font = { bold: true };
  for (const column of IMPORT_COLUMNS) {
    notes.addRow({ column: `${column.header}${column.required ? text.required : ""}`, note: NOTES[column.key] });
  }
  notes.addRow({});
  notes.addRow({ column: text.districtsRow, note: text.districtList(districtNames) });
  notes.addRow({ column: text.rowsRow, note: text.rowsNote(MAX_IMPORT_ROWS) });
  notes.addRow({ column: text.yearRow, note: text.yearNote(currentYear()) });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
