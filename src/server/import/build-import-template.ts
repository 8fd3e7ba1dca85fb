import "server-only";
import ExcelJS from "exceljs";
import { IMPORT_COLUMNS, MAX_IMPORT_ROWS } from "@/domain/import";
import { QUALIFICATION_LABELS, QUALIFICATIONS } from "@/domain/learners";
import { currentYear } from "@/lib/time";

const NOTES: Record<(typeof IMPORT_COLUMNS)[number]["key"], string> = {
  idNumber: "18位居民身份证号，末位X请大写。本列已设为文本格式，请勿改为数字，否则后几位会丢失。",
  name: "与身份证一致；少数民族姓名中的间隔号可写作“·”。",
  district: "学员登记所在的区或功能区，见下方可填写的区。",
  employer: "学员的工作单位全称。",
  qualification: `填写 ${QUALIFICATIONS.map((q) => QUALIFICATION_LABELS[q]).join("、")} 之一。`,
  startYear: "开始参加继续教育的年度，四位数字，如 2026。",
  mobile: "选填，11位手机号码。已登记学员此列留空表示不修改。",
};

/**
 * The import template (信息采集表.xlsx): the header row, text-formatted columns so that Excel
 * keeps ID numbers intact, and a sheet of instructions listing the districts the administrator
 * may register learners in.
 */
export async function buildImportTemplate(districtNames: readonly string[]): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "武汉市会计人员继续教育培训网";
  const sheet = workbook.addWorksheet("信息采集表", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = IMPORT_COLUMNS.map((column) => ({
    header: column.header,
    key: column.key,
    width: column.key === "employer" ? 36 : column.key === "idNumber" ? 24 : 16,
    // Text, so that Excel neither rounds ID numbers nor drops a mobile's formatting.
    style: { numFmt: "@" },
  }));
  sheet.getRow(1).font = { bold: true };

  const notes = workbook.addWorksheet("填写说明");
  notes.columns = [
    { header: "列", key: "column", width: 20 },
    { header: "说明", key: "note", width: 80 },
  ];
  notes.getRow(1).font = { bold: true };
  for (const column of IMPORT_COLUMNS) {
    notes.addRow({ column: `${column.header}${column.required ? "（必填）" : ""}`, note: NOTES[column.key] });
  }
  notes.addRow({});
  notes.addRow({ column: "可填写的区", note: districtNames.join("、") });
  notes.addRow({ column: "行数", note: `每个文件最多 ${MAX_IMPORT_ROWS} 行；上传后先预检，确认无误再导入。` });
  notes.addRow({ column: "年度", note: `当前年度为 ${currentYear()} 年。` });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
