/**
 * The provincial export file (报送文件): its columns and how one learner-year becomes one line.
 * Pure, so the CSV, the XLSX and the tests agree on every character.
 */

/** The file format's number (ExportBatch.formatVersion) and name, as README.md's "Provincial export file format" documents it. */
export const EXPORT_FORMAT = 2;
export const EXPORT_FORMAT_VERSION = `wh-kjxx-export/${EXPORT_FORMAT}`;

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
  "报送类型",
] as const;

/**
 * What a column holds, which decides how each file writes it: `id` the 18-character ID number
 * (a quoted field in the CSV, a text cell in the XLSX, never a number that would lose digits),
 * `text` anything else that is not summed, `integer` credits, `hours` 学时 with one decimal.
 */
export type ExportCellKind = "id" | "text" | "integer" | "hours";

export type ExportCell =
  { kind: "id" | "text"; text: string } | { kind: "integer"; value: number } | { kind: "hours"; tenths: number };

/** The kind of each column, in EXPORT_HEADER order. */
export const EXPORT_COLUMN_KINDS: readonly ExportCellKind[] = [
  "id",
  "text",
  "text",
  "integer",
  "integer",
  "integer",
  "hours",
  "text",
  "text",
  "text",
  "text",
];

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
  kind: ExportLineKind;
}

/** 报送类型: a first report, a correction of figures reported before, a rejected line sent again. */
export type ExportLineKind = "NEW" | "CORRECTION" | "RESEND";
export const EXPORT_LINE_KIND_LABELS: Record<ExportLineKind, string> = {
  NEW: "新报",
  CORRECTION: "更正",
  RESEND: "重报",
};

/** A stored kind as a line's; anything else is a fault. */
export function exportLineKind(value: string): ExportLineKind {
  if (value === "NEW" || value === "CORRECTION" || value === "RESEND") return value;
  throw new TypeError(`export row: unknown kind ${value}`);
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

function integer(value: number): ExportCell {
  // Credits are integers in storage (read-export-pages checks it); a fraction here is a fault.
  if (!Number.isSafeInteger(value)) throw new RangeError("export line: credits must be integers");
  return { kind: "integer", value };
}

/** One line of the file, cell by cell, in EXPORT_HEADER order (kinds as EXPORT_COLUMN_KINDS). */
export function exportCells(line: ExportLine): ExportCell[] {
  if (!Number.isSafeInteger(line.hoursTenths)) throw new RangeError("export line: hours must be in tenths");
  return [
    { kind: "id", text: line.idNumber },
    { kind: "text", text: spreadsheetSafe(line.name) },
    { kind: "text", text: String(line.year) },
    integer(line.totalCredits),
    integer(line.professionalCredits),
    integer(line.publicCredits),
    { kind: "hours", tenths: line.hoursTenths },
    { kind: "text", text: line.completedOn },
    { kind: "text", text: spreadsheetSafe(line.districtName) },
    { kind: "text", text: TRAINING_INSTITUTION },
    { kind: "text", text: EXPORT_LINE_KIND_LABELS[line.kind] },
  ];
}

/** A cell's value as the file's characters: credits in decimal, hours with one decimal. */
export function cellText(cell: ExportCell): string {
  switch (cell.kind) {
    case "id":
    case "text":
      return cell.text;
    case "integer":
      return String(cell.value);
    case "hours":
      return formatHoursTenths(cell.tenths);
  }
}
