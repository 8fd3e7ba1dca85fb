/**
 * What a valid import row would do to the learner already registered under its ID number (found
 * by the server through the HMAC): nothing yet → new; in the administrator's scope → changed or
 * unchanged; registered by a district the administrator does not manage → invalid.
 */
import { QUALIFICATION_LABELS, type QualificationLevel } from "@/domain/learners";
import type { ImportRowValue } from "./validate-rows";

export interface ExistingLearner {
  id: string;
  name: string;
  districtId: number;
  districtName: string;
  employer: string;
  qualification: QualificationLevel;
  startYear: number;
  mobile: string | null;
  status: "ACTIVE" | "DISABLED";
}

export type ChangedField = "name" | "districtId" | "employer" | "qualification" | "startYear" | "mobile";

export const CHANGED_FIELD_LABELS: Readonly<Record<ChangedField, string>> = Object.freeze({
  name: "姓名",
  districtId: "所属区",
  employer: "工作单位",
  qualification: "会计专业技术资格",
  startYear: "起始年度",
  mobile: "手机号码",
});

export interface FieldChange {
  field: ChangedField;
  /** Display forms (district names, qualification labels). */
  before: string;
  after: string;
}

/** The fields the row would change; an empty mobile cell keeps the stored number. */
export function learnerChanges(existing: ExistingLearner, row: ImportRowValue): FieldChange[] {
  const changes: FieldChange[] = [];
  const compare = (field: ChangedField, same: boolean, before: string, after: string) => {
    if (!same) changes.push({ field, before, after });
  };
  compare("name", existing.name === row.name, existing.name, row.name);
  compare("districtId", existing.districtId === row.districtId, existing.districtName, row.districtName);
  compare("employer", existing.employer === row.employer, existing.employer, row.employer);
  compare(
    "qualification",
    existing.qualification === row.qualification,
    QUALIFICATION_LABELS[existing.qualification],
    QUALIFICATION_LABELS[row.qualification],
  );
  compare("startYear", existing.startYear === row.startYear, String(existing.startYear), String(row.startYear));
  if (row.mobile !== null) compare("mobile", existing.mobile === row.mobile, existing.mobile ?? "", row.mobile);
  return changes;
}

interface RowBase {
  rowNumber: number;
  idNumberMasked: string | null;
  name: string | null;
}

export type PlannedImportRow =
  | (RowBase & { kind: "new"; value: ImportRowValue })
  | (RowBase & { kind: "changed"; value: ImportRowValue; learnerId: string; changes: FieldChange[]; disabled: boolean })
  | (RowBase & { kind: "unchanged"; value: ImportRowValue; learnerId: string; disabled: boolean })
  | (RowBase & { kind: "invalid"; reasons: string[] });

export type ImportRowKind = PlannedImportRow["kind"];

export function classifyImportRow(
  rowNumber: number,
  row: ImportRowValue,
  existing: ExistingLearner | undefined,
  ctx: {
    manages: (districtId: number) => boolean;
    /** The learner's earliest ledger year, when they have credits. */
    earliestCreditYear?: number;
  },
): PlannedImportRow {
  const base = { rowNumber, idNumberMasked: row.idNumberMasked, name: row.name };
  if (!existing) return { ...base, kind: "new", value: row };
  if (!ctx.manages(existing.districtId)) {
    return { ...base, kind: "invalid", reasons: [`该身份证号已在${existing.districtName}登记，不能重复采集`] };
  }
  const changes = learnerChanges(existing, row);
  const disabled = existing.status === "DISABLED";
  if (changes.length === 0) return { ...base, kind: "unchanged", value: row, learnerId: existing.id, disabled };
  const earliest = ctx.earliestCreditYear;
  if (earliest !== undefined && row.startYear > earliest && row.startYear !== existing.startYear) {
    return {
      ...base,
      kind: "invalid",
      reasons: [`该学员在 ${earliest} 年已有学分记录，起始年度不能晚于 ${earliest} 年`],
    };
  }
  return { ...base, kind: "changed", value: row, learnerId: existing.id, changes, disabled };
}
