/**
 * Checks every row of an import file on its own and against the others (the same ID number twice
 * in one file), with Chinese reasons an administrator can act on. Pure: what exists in the
 * database is decided afterwards (classify.ts).
 */
import { maskIdNumber, parseIdNumber, validateName, type TGender } from "@/domain/identity";
import {
  parseQualification,
  QUALIFICATION_REASON,
  validateEmployer,
  validateMobile,
  validateStartYear,
  type QualificationLevel,
} from "@/domain/learners";
import { IMPORT_COLUMNS, type ColumnIndexes, type ImportColumnKey } from "./columns";
import { districtMatcher, type ImportDistrict } from "./districts";

export interface RawImportRow {
  /** The row number the spreadsheet shows (1-based, the header row included). */
  rowNumber: number;
  cells: readonly string[];
  /** Columns whose cell was a number too large to be exact (Excel turns ID numbers into those). */
  impreciseColumns?: readonly number[];
}

export interface ImportRowValue {
  /** Normalized ID number: used on the server for the HMAC and encryption, never shown. */
  idNumber: string;
  idNumberMasked: string;
  gender: TGender;
  birthDate: string;
  name: string;
  districtId: number;
  districtName: string;
  employer: string;
  qualification: QualificationLevel;
  startYear: number;
  /** Null when the cell is empty: an existing learner's number is then kept. */
  mobile: string | null;
}

export type ValidatedImportRow =
  | { rowNumber: number; ok: true; value: ImportRowValue }
  | { rowNumber: number; ok: false; reasons: string[]; idNumberMasked: string | null; name: string | null };

export interface ImportValidationContext {
  districts: readonly ImportDistrict[];
  /** Whether the administrator may register learners in this district. */
  manages: (districtId: number) => boolean;
  currentYear: number;
  /** YYYY-MM-DD, for the birth date check of ID numbers; defaults to today in Wuhan. */
  today?: string;
}

function headerOf(key: ImportColumnKey): string {
  return IMPORT_COLUMNS.find((c) => c.key === key)?.header ?? key;
}
const SCIENTIFIC = /^\d(\.\d+)?e\+?\d+$/iu;
export const IMPRECISE_ID_REASON =
  "身份证号被 Excel 存成了数字，后几位已经丢失；请把该列设置为“文本”格式后重新录入身份证号";

function cellOf(row: RawImportRow, indexes: ColumnIndexes, key: ImportColumnKey): string {
  const index = indexes[key];
  return index === null ? "" : (row.cells[index] ?? "").trim();
}

function validateRow(
  row: RawImportRow,
  indexes: ColumnIndexes,
  ctx: ImportValidationContext,
  match: ReturnType<typeof districtMatcher>,
): ValidatedImportRow {
  const reasons: string[] = [];
  const cell = (key: ImportColumnKey) => cellOf(row, indexes, key);
  const required = (key: ImportColumnKey): string | null => {
    const text = cell(key);
    if (text === "") reasons.push(`${headerOf(key)}未填写`);
    return text === "" ? null : text;
  };

  const idText = required("idNumber");
  const idIndex = indexes.idNumber;
  let id: ReturnType<typeof parseIdNumber> | null = null;
  if (idText !== null) {
    if ((idIndex !== null && row.impreciseColumns?.includes(idIndex)) || SCIENTIFIC.test(idText)) {
      reasons.push(IMPRECISE_ID_REASON);
    } else {
      id = parseIdNumber(idText, ctx.today ? { today: ctx.today } : {});
      if (!id.ok) reasons.push(id.reason);
    }
  }

  const nameText = required("name");
  const name = nameText === null ? null : validateName(nameText);
  if (name && !name.ok) reasons.push(name.reason);

  const districtText = required("district");
  const district = districtText === null ? null : match(districtText);
  if (districtText !== null && !district) reasons.push(`所属区“${districtText}”不是武汉市的区或功能区`);
  else if (district?.kind === "CITY") reasons.push("所属区应填写学员所在的区，不能填写市会计考办");
  else if (district && !ctx.manages(district.id)) reasons.push(`您不能为${district.name}登记学员`);

  const employerText = required("employer");
  const employer = employerText === null ? null : validateEmployer(employerText);
  if (employer && !employer.ok) reasons.push(employer.reason);

  const qualificationText = required("qualification");
  const qualification = qualificationText === null ? null : parseQualification(qualificationText);
  if (qualificationText !== null && !qualification) reasons.push(QUALIFICATION_REASON);

  const yearText = required("startYear");
  const startYear = yearText === null ? null : validateStartYear(yearText, ctx.currentYear);
  if (startYear && !startYear.ok) reasons.push(startYear.reason);

  const mobile = validateMobile(cell("mobile"));
  if (!mobile.ok) reasons.push(mobile.reason);

  if (
    reasons.length > 0 ||
    !id?.ok ||
    !name?.ok ||
    !district ||
    !employer?.ok ||
    !qualification ||
    !startYear?.ok ||
    !mobile.ok
  ) {
    const idNumberMasked = id?.ok ? maskIdNumber(id.value) : idText && idText.length > 8 ? maskIdNumber(idText) : null;
    return { rowNumber: row.rowNumber, ok: false, reasons, idNumberMasked, name: nameText };
  }
  return {
    rowNumber: row.rowNumber,
    ok: true,
    value: {
      idNumber: id.value,
      idNumberMasked: maskIdNumber(id.value),
      gender: id.gender,
      birthDate: id.birthDate,
      name: name.value,
      districtId: district.id,
      districtName: district.name,
      employer: employer.value,
      qualification,
      startYear: startYear.value,
      mobile: mobile.value,
    },
  };
}

/** Validates every row; rows sharing an ID number are all invalid (which one is right is unknown). */
export function validateImportRows(
  rows: readonly RawImportRow[],
  indexes: ColumnIndexes,
  ctx: ImportValidationContext,
): ValidatedImportRow[] {
  const match = districtMatcher(ctx.districts);
  const validated = rows.map((row) => validateRow(row, indexes, ctx, match));
  const rowsById = new Map<string, number[]>();
  for (const row of validated) {
    if (!row.ok) continue;
    const same = rowsById.get(row.value.idNumber);
    if (same) same.push(row.rowNumber);
    else rowsById.set(row.value.idNumber, [row.rowNumber]);
  }
  return validated.map((row) => {
    if (!row.ok) return row;
    const same = rowsById.get(row.value.idNumber) ?? [];
    if (same.length < 2) return row;
    return {
      rowNumber: row.rowNumber,
      ok: false,
      reasons: [`文件中身份证号重复（第 ${same.join("、")} 行），请核对后只保留一行`],
      idNumberMasked: row.value.idNumberMasked,
      name: row.value.name,
    };
  });
}
