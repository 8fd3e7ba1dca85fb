import "server-only";
import { spawn } from "node:child_process";
import type { Readable } from "node:stream";
import { buffer } from "node:stream/consumers";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { processCommandLine } from "@/server/processes/process-entry";
import type { SpreadsheetAnswer, WorkbookKind, WorkbookOf } from "./spreadsheet-process";
import { fileTooComplex } from "./xlsx-limits";

/**
 * V8 limits of the spreadsheet process. What reading a workbook within XLSX_LIMITS costs depends
 * on when V8 collects its garbage (measured 10–120 MB for the costliest shapes); in a process of
 * its own that is never the web server's memory, and a heap cap turns whatever a shape might cost
 * beyond it into a refusal instead of growth (docs/decisions/0023-spreadsheet-process.md).
 */
export const SPREADSHEET_PROCESS_FLAGS = ["--max-semi-space-size=4", "--max-old-space-size=192"];
/** The first argument of the spreadsheet process, without which its module does nothing. */
export const SPREADSHEET_PROCESS_MARK = "--read-workbook";
/** A reading still running after this is ended and refused (a file within the limits takes seconds). */
const SPREADSHEET_PROCESS_MS = 60_000;
/** Workbooks read at once per web process; more wait their turn. */
const MAX_RUNNING = 2;

const turns = globalThis as typeof globalThis & { __spreadsheetTurns?: { running: number; waiting: (() => void)[] } };

async function takeTurn(): Promise<() => void> {
  const slots = (turns.__spreadsheetTurns ??= { running: 0, waiting: [] });
  if (slots.running >= MAX_RUNNING) await new Promise<void>((resolve) => slots.waiting.push(resolve));
  else slots.running++;
  return () => {
    const next = slots.waiting.shift();
    if (next) next();
    else slots.running--;
  };
}

type Exit = [code: number | null, signal: NodeJS.Signals | null];

/**
 * Reads an uploaded .xlsx workbook in the spreadsheet process with the reader of `kind`: its rows,
 * or the Chinese refusal the reader gave. A process that runs out of its heap or its time is
 * refused as too complex (FILE_TOO_COMPLEX); one that fails otherwise is an unexpected error.
 * `flags` replaces SPREADSHEET_PROCESS_FLAGS (tests).
 */
export async function readWorkbook<K extends WorkbookKind>(
  kind: K,
  bytes: Uint8Array,
  flags: readonly string[] = SPREADSHEET_PROCESS_FLAGS,
): Promise<WorkbookOf<K>> {
  const release = await takeTurn();
  try {
    const child = spawn(
      process.execPath,
      processCommandLine("spreadsheet-process", "src/server/spreadsheets/spreadsheet-process.ts", flags, [
        SPREADSHEET_PROCESS_MARK,
        kind,
      ]),
      {
        // Its log lines go where the server's go; V8's own report of a heap out of memory does not.
        stdio: ["pipe", "inherit", "pipe", "pipe"],
      },
    );
    const exited = new Promise<Exit>((resolve) => {
      child.once("exit", (code, signal) => resolve([code, signal]));
      child.once("error", () => resolve([null, null]));
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), SPREADSHEET_PROCESS_MS);
    // A process that dies before it has read all of its input closes the pipe: its exit says why.
    child.stdin?.on("error", () => undefined);
    child.stdin?.end(bytes);
    let reported = "";
    child.stderr?.setEncoding("utf8").on("data", (text: string) => {
      if (reported.length < 4096) reported += text;
    });
    const [written, [code, signal]] = await Promise.all([buffer(child.stdio[3] as Readable), exited]).finally(() =>
      clearTimeout(timer),
    );
    if (code === 0) {
      const answer = JSON.parse(written.toString("utf8")) as SpreadsheetAnswer;
      if (answer.ok) return answer.value as WorkbookOf<K>;
      throw new AppError(answer.code, answer.message);
    }
    if (code === 1 || (code === null && signal === null))
      throw new Error(`spreadsheet process (${kind}) failed or did not start: ${reported.slice(0, 500)}`);
    // Out of its heap (V8 aborts), or out of its time (killed).
    const reason = /FATAL ERROR[^\n]*|Fatal [^\n]*/u.exec(reported)?.[0] ?? (signal === "SIGKILL" ? "out of time" : "");
    logger.warn({ kind, code, signal, reason, bytes: bytes.byteLength }, "spreadsheet process ended: file refused");
    throw fileTooComplex();
  } finally {
    release();
  }
}
