// The spreadsheet process: a short-lived Node.js process that reads one uploaded workbook and
// exits (docs/decisions/0023-spreadsheet-process.md). Started by readWorkbook with a mark and the
// reader's name in its arguments and the file on its standard input; writes the rows, or the refusal, as
// JSON to file descriptor 3. Runs as the bundled `spreadsheet-process.mjs` beside the production
// server, or from source (tsx) in development and tests.
import "server-only";
import net from "node:net";
import { buffer } from "node:stream/consumers";
import { logger } from "@/lib/logger";
import { AppError } from "@/lib/errors";
import { readQuestionSheet } from "@/server/courses/admin/read-question-sheet";
import { readXlsxRows } from "@/server/import/read-xlsx-rows";
import { SPREADSHEET_PROCESS_MARK } from "./read-workbook";

/** What the process can read: the learner import's rows, a question bank's rows. */
export const WORKBOOK_READERS = {
  learners: (bytes: Uint8Array) => readXlsxRows(bytes),
  questions: (bytes: Uint8Array) =>
    readQuestionSheet(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer),
};
export type WorkbookKind = keyof typeof WORKBOOK_READERS;
export type WorkbookOf<K extends WorkbookKind> = Awaited<ReturnType<(typeof WORKBOOK_READERS)[K]>>;

/** What the process writes: the reader's result, or the Chinese refusal it threw. */
export type SpreadsheetAnswer = { ok: true; value: unknown } | { ok: false; code: AppError["code"]; message: string };

async function answer(kind: string, bytes: Uint8Array): Promise<SpreadsheetAnswer> {
  if (!(kind in WORKBOOK_READERS)) throw new Error(`unknown workbook kind: ${kind}`);
  try {
    return { ok: true, value: await WORKBOOK_READERS[kind as WorkbookKind](bytes) };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, code: error.code, message: error.message };
    throw error;
  }
}

async function main(): Promise<void> {
  const bytes = new Uint8Array(await buffer(process.stdin));
  const written = JSON.stringify(await answer(process.argv[3] ?? "", bytes));
  const out = new net.Socket({ fd: 3, readable: false, writable: true });
  await new Promise<void>((resolve, reject) => {
    out.once("error", reject);
    out.end(written, resolve);
  });
}

// Runs as a process only: imported by mistake, it must not read the server's input and exit.
if (process.argv[2] === SPREADSHEET_PROCESS_MARK) {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      logger.error({ err: error }, "spreadsheet process failed");
      process.exit(1);
    },
  );
}
