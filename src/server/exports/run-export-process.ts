import "server-only";
import { spawn } from "node:child_process";
import { join } from "node:path";
import type { Readable } from "node:stream";
import type { TExportTask } from "./export-task";

/**
 * V8 limits of the export process. It holds two pages of rows at most, so a small young
 * generation and a capped heap cost little time and keep its resident memory low; if a change
 * ever made it hold a whole file, it fails with an out-of-memory error instead of growing
 * (docs/decisions/0016-export-process.md has the measurements).
 */
export const EXPORT_PROCESS_FLAGS = ["--max-semi-space-size=2", "--max-old-space-size=96"];

/** Export processes running at once per web process; more wait their turn. */
const MAX_RUNNING = 2;

const holder = globalThis as typeof globalThis & {
  __exportProcessEntry?: string;
  __exportProcesses?: { running: number; waiting: (() => void)[] };
};

/**
 * Where the production server's bundled export process is (scripts/serve.ts sets it at start).
 * Without it (next dev, tests, scripts) the process runs from source through tsx.
 */
export function setExportProcessEntry(path: string): void {
  holder.__exportProcessEntry = path;
}

function commandLine(task: TExportTask): string[] {
  const entry = holder.__exportProcessEntry;
  const source = [
    "--conditions=react-server",
    "--import",
    "tsx",
    join(process.cwd(), "src/server/exports/export-process.ts"),
  ];
  return [...EXPORT_PROCESS_FLAGS, ...(entry ? [entry] : source), JSON.stringify(task)];
}

async function takeTurn(): Promise<() => void> {
  const slots = (holder.__exportProcesses ??= { running: 0, waiting: [] });
  if (slots.running >= MAX_RUNNING) await new Promise<void>((resolve) => slots.waiting.push(resolve));
  else slots.running++;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const next = slots.waiting.shift();
    if (next) next();
    else slots.running--;
  };
}

/**
 * Runs a task in an export process and yields what it writes, as fast as the caller takes it
 * (the pipe's backpressure pauses the process meanwhile). Throws if the process fails, after its
 * output: a download then ends in error instead of looking complete. Stopping early (the client
 * went away) ends the process.
 */
export async function* runExportProcess(task: TExportTask): AsyncGenerator<Buffer> {
  const release = await takeTurn();
  const child = spawn(process.execPath, commandLine(task), { stdio: ["ignore", "inherit", "inherit", "pipe"] });
  const exited = new Promise<[number | null, NodeJS.Signals | null]>((resolve) => {
    child.once("exit", (code, signal) => resolve([code, signal]));
    // Failed to start (or to be signalled): reported by the exit check below.
    child.once("error", () => resolve([null, null]));
  });
  let finished = false;
  try {
    for await (const chunk of child.stdio[3] as Readable) yield chunk as Buffer;
    const [code, signal] = await exited;
    finished = true;
    if (code !== 0) throw new Error(`export process (${task.kind}) failed: exit code ${code}, signal ${signal}`);
  } finally {
    if (!finished) child.kill();
    release();
  }
}
