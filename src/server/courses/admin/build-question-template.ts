import "server-only";
import ExcelJS from "exceljs";
import { IMPORT_COLUMNS, MAX_IMPORT_ROWS } from "@/domain/course-admin";

const WIDTHS = [10, 50, 24, 24, 24, 24, 24, 12, 40];

const INSTRUCTIONS = [
  "题库导入模板填写说明",
  "1. 在“题目”工作表中从第 2 行开始，每行填写一道题；请勿修改第 1 行表头。",
  "2. 题型填写：单选、多选 或 判断。",
  "3. 单选题填写 2–5 个选项，正确答案填 1 个字母，如 B。",
  "4. 多选题填写 3–5 个选项，正确答案填 2 个或以上字母，如 ACD，且至少保留 1 个错误选项。",
  "5. 判断题选项可留空（系统自动使用“正确”“错误”），正确答案填写 正确 或 错误。",
  "6. 解析可留空；题库中已有相同题干的题目不会重复导入。",
  `7. 每次最多导入 ${MAX_IMPORT_ROWS} 道题。上传后系统先检查并列出有问题的行，确认后再导入。`,
];

const EXAMPLES = [
  [
    "单选",
    "会计人员每年参加继续教育取得的学分不得少于多少学分？",
    "60",
    "72",
    "90",
    "120",
    "",
    "C",
    "每年不少于90学分。",
  ],
  [
    "多选",
    "继续教育的学习课程分为哪两类？",
    "公需科目",
    "专业科目",
    "选修科目",
    "",
    "",
    "AB",
    "课程分为公需科目和专业科目。",
  ],
  ["判断", "继续教育学分当年有效，不得结转以后年度。", "", "", "", "", "", "正确", ""],
];

/** The downloadable question-bank template (XLSX): an empty 题目 sheet and a 填写说明 sheet. */
export async function buildQuestionTemplate(): Promise<ArrayBuffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "武汉市会计人员继续教育培训网";
  const sheet = workbook.addWorksheet("题目", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = IMPORT_COLUMNS.map((header, i) => ({ header, width: WIDTHS[i] ?? 20 }));
  sheet.getRow(1).font = { bold: true };
  for (let row = 2; row <= MAX_IMPORT_ROWS + 1; row++) {
    sheet.getCell(row, 1).dataValidation = {
      type: "list",
      allowBlank: true,
      formulae: ['"单选,多选,判断"'],
      showErrorMessage: true,
      errorTitle: "题型",
      error: "请选择：单选、多选 或 判断",
    };
  }

  const help = workbook.addWorksheet("填写说明");
  help.getColumn(1).width = 12;
  for (const line of INSTRUCTIONS) help.addRow([line]);
  help.getRow(1).font = { bold: true, size: 14 };
  help.addRow([]);
  help.addRow(["填写示例（请填写在“题目”工作表中）"]).font = { bold: true };
  help.addRow([...IMPORT_COLUMNS]).font = { bold: true };
  for (const example of EXAMPLES) help.addRow(example);
  return workbook.xlsx.writeBuffer();
}
