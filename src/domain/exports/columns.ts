/**
 * The provincial export file (报送文件): its columns and how one learner-year becomes one line.
 * Pure, so the CSV, the XLSX and the tests agree on every character.
 */

/** 培训机构: the portal, as the provincial system knows it. */
export const TRAINING_INSTITUTION = "武汉市会计人员继续教育培训网";

export const EXPORT_HEADER = [
  "身份证号",
  "姓名",
  "年度",
  "总学分",
  "专业科目学分",
  "公需科目学分",
  "学时",
  "完成日期",
  "所属区",
  "培训机构",
] as const;

/** A learner-year as stored in the batch snapshot, the ID number already decrypted. */
export interface ExportLine {
  idNumber: string;
  name: string;
  year: number;
  totalCredits: number;
  professionalCredits: number;
  publicCredits: number;
  /** 学时 × 10, rounded (integers in storage). */
  hoursTenths: number;
  /** 完成日期 in Asia/Shanghai, YYYY-MM-DD. */
  completedOn: string;
  districtName: string;
}

/** 学时 with one decimal from tenths: 320 → "32.0". Integer arithmetic, no float rounding. */
export function formatHoursTenths(tenths: number): string {
  const sign = tenths < 0 ? "-" : "";
  const abs = Math.abs(tenths);
  return `${sign}${Math.floor(abs / 10)}.${abs % 10}`;
}

// Asia/Shanghai has kept UTC+8 without daylight saving since 1991, so a fixed offset gives its
// calendar date; Intl would cost microseconds per row, which 500,000 rows turn into seconds.
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** The calendar date in Asia/Shanghai, YYYY-MM-DD. */
export function shanghaiDate(value: Date): string {
  return new Date(value.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * Text that a spreadsheet would run as a formula (=, +, -, @ first) gets a leading apostrophe
 * (the OWASP advice against CSV injection). Names and district names are validated and never
 * start so; this only makes sure that a future change cannot turn the file into a weapon.
 */
export function spreadsheetSafe(text: string): string {
  // Past leading spaces and invisible characters (zero-width, bidi marks): spreadsheets skip
  // some of them before deciding that a cell is a formula.
  return /^[\s\p{Cf}]*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/u.test(text) ? `'${text}` : text;
}

/**
 * The ID number as a CSV field: a leading tab. Excel (and WPS) open an 18-digit field as a
 * number and keep 15 significant digits (4.20102E+17); a field that starts with a tab is not a
 * number to them, so it stays text, digits intact. Importers that trim whitespace read the plain
 * number. See docs/decisions/0010-provincial-export.md for the alternatives weighed.
 */
export function csvIdNumber(idNumber: string): string {
  return `\t${idNumber}`;
}

/** One line of the file, field by field, in EXPORT_HEADER order. */
export function exportFields(line: ExportLine, format: "csv" | "xlsx"): string[] {
  return [
    format === "csv" ? csvIdNumber(line.idNumber) : line.idNumber,
    spreadsheetSafe(line.name),
    String(line.year),
    String(line.totalCredits),
    String(line.professionalCredits),
    String(line.publicCredits),
    formatHoursTenths(line.hoursTenths),
    line.completedOn,
    spreadsheetSafe(line.districtName),
    TRAINING_INSTITUTION,
  ];
}
