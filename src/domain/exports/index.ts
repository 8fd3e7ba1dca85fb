export {
  EXPORT_HEADER,
  TRAINING_INSTITUTION,
  csvIdNumber,
  exportFields,
  formatHoursTenths,
  shanghaiDate,
  spreadsheetSafe,
} from "./columns";
export type { ExportLine } from "./columns";
export { csvLine } from "./csv";
