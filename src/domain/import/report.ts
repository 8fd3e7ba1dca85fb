/**
 * What the dry run shows the administrator: counts, and the rows of each kind with their row
 * numbers and reasons, masked ID numbers only. Long lists are cut: a 20,000-row file must not
 * become a 20,000-row page.
 */
import { CHANGED_FIELD_LABELS, type ImportRowKind, type PlannedImportRow } from "./classify";

export const REPORT_ROWS_PER_KIND = 200;

export interface ImportReportRow {
  rowNumber: number;
  kind: ImportRowKind;
  idNumberMasked: string | null;
  name: string | null;
  districtName: string | null;
  reasons: string[];
  changes: { label: string; before: string; after: string }[];
  disabled: boolean;
}

export interface ImportReport {
  counts: Record<ImportRowKind, number>;
  rows: ImportReportRow[];
  /** Rows of each kind left out of `rows`. */
  hidden: Record<ImportRowKind, number>;
}

export function importReport(rows: readonly PlannedImportRow[], perKind = REPORT_ROWS_PER_KIND): ImportReport {
  const counts: Record<ImportRowKind, number> = { new: 0, changed: 0, unchanged: 0, invalid: 0 };
  const hidden: Record<ImportRowKind, number> = { new: 0, changed: 0, unchanged: 0, invalid: 0 };
  const shown: ImportReportRow[] = [];
  for (const row of rows) {
    counts[row.kind]++;
    if (counts[row.kind] > perKind) {
      hidden[row.kind]++;
      continue;
    }
    shown.push({
      rowNumber: row.rowNumber,
      kind: row.kind,
      idNumberMasked: row.idNumberMasked,
      name: row.name,
      districtName: row.kind === "invalid" ? null : row.value.districtName,
      reasons: row.kind === "invalid" ? row.reasons : [],
      changes:
        row.kind === "changed"
          ? row.changes.map((c) => ({ label: CHANGED_FIELD_LABELS[c.field], before: c.before, after: c.after }))
          : [],
      disabled: (row.kind === "changed" || row.kind === "unchanged") && row.disabled,
    });
  }
  return { counts, rows: shown, hidden };
}
