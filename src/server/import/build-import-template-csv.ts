import "server-only";
import { IMPORT_HEADERS } from "@/domain/import";

/**
 * The CSV template: the header line with a UTF-8 byte-order mark, which Excel needs to read the
 * Chinese headers instead of showing mojibake.
 */
export function buildImportTemplateCsv(): string {
  return `\uFEFF${IMPORT_HEADERS.join(",")}\r\n`;
}
