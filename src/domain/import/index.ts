/** The bulk import (批量导入) of learners: columns, decoding, row rules and classification. Pure. */
export { HEADER_SEARCH_ROWS, IMPORT_COLUMNS, IMPORT_HEADERS, findHeaderRow, mapHeaderRow } from "./columns";
export type { ColumnIndexes, ImportColumnKey, THeaderMapping } from "./columns";
export { decodeCsvBytes } from "./decode-text";
export type { CsvEncoding } from "./decode-text";
export { districtMatcher } from "./districts";
export type { ImportDistrict } from "./districts";
export { IMPRECISE_ID_REASON, validateImportRows } from "./validate-rows";
export type { ImportRowValue, ImportValidationContext, RawImportRow, ValidatedImportRow } from "./validate-rows";
export { CHANGED_FIELD_LABELS, classifyImportRow, learnerChanges } from "./classify";
export type { ChangedField, ExistingLearner, FieldChange, ImportRowKind, PlannedImportRow } from "./classify";
export { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, TOO_LARGE_MESSAGE, TOO_MANY_ROWS_MESSAGE } from "./limits";
export { REPORT_ROWS_PER_KIND, importReport } from "./report";
export type { ImportReport, ImportReportRow } from "./report";
