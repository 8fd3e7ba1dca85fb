import "server-only";
import { parse } from "csv-parse/sync";
import { decodeCsvBytes, type RawImportRow } from "@/domain/import";
import { AppError } from "@/lib/errors";
import { importMessages } from "@/messages/zh-CN";

/**
 * The rows of a CSV file (UTF-8 with or without BOM, or Excel's GBK), numbered by the line they
 * start on as a text editor or Excel shows them. Tab-separated text (Excel's "文本文件") is
 * recognised by its first line.
 */
export function readCsvRows(bytes: Uint8Array): RawImportRow[] {
  const decoded = decodeCsvBytes(bytes);
  if ("error" in decoded) throw new AppError("UNSUPPORTED_FILE", decoded.error);
  const firstLine = decoded.text.slice(0, decoded.text.search(/\r?\n|$/u));
  const delimiter = firstLine.includes("\t") && !firstLine.includes(",") ? "\t" : ",";
  const lineNumbers: number[] = [];
  let records: string[][];
  try {
    records = parse(decoded.text, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      on_record: (record: string[], context) => {
        lineNumbers.push(context.lines);
        return record;
      },
    });
  } catch (error) {
    const line = typeof error === "object" && error && "lines" in error ? Number(error.lines) : null;
    throw new AppError("UNREADABLE_FILE", importMessages.csvUnreadable(line));
  }
  return records.map((cells, index) => ({ rowNumber: lineNumbers[index] ?? index + 1, cells }));
}
