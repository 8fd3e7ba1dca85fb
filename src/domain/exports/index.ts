export {
  EXPORT_COLUMN_KINDS,
  EXPORT_FORMAT,
  EXPORT_FORMAT_VERSION,
  EXPORT_HEADER,
  EXPORT_LINE_KIND_LABELS,
  exportLineKind,
  TRAINING_INSTITUTION,
  cellText,
  exportCells,
  formatHoursTenths,
  shanghaiDate,
  spreadsheetSafe,
} from "./columns";
export type { ExportCell, ExportCellKind, ExportLine, ExportLineKind } from "./columns";
export { csvLine, exportCsvLine } from "./csv";
export { BATCH_STATE_LABELS, isWithProvince, mayRecordUpload, mayWithdraw } from "./batch-states";
export type { ExportBatchState } from "./batch-states";
export {
  APPLIED_KINDS,
  RECEIPT_COLUMNS,
  RECEIPT_HEADERS,
  RECEIPT_KIND_LABELS,
  findReceiptHeader,
  parseReceiptLine,
} from "./receipt";
export type { ReceiptColumnIndexes, ReceiptLine, ReceiptLineKind } from "./receipt";
