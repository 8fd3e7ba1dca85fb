import "server-only";
import { spawn, type ChildProcess } from "node:child_process";
import type { Readable } from "node:stream";
import { processCommandLine } from "@/server/processes/process-entry";
import type { TExportTask } from "./export-task";

/**
 * V8 limits of the export process. It holds two pages of rows at most, so a small young
 * generation and a capped heap cost little time and keep its resident memory low; if a change
 * ever made it hold a whole file, it fails with an out-of-memory error instead of growing
 * (docs/decisions/0016-export-process.md has the measurements).
 */
export const EXPORT_PROCESS_FLAGS = ["--max-semi-space-size=2", "--max-old-space-size=96"];

/**
 * Export processes running at once per web process, more wait their turn: downloads, and
 * batches on their own, so that downloads never keep the nightly job or the city office's batch
 * waiting. Connections: two per download process, one per batch.
 */
const MAX_RUNNING = { download: 2, batch: 1 } as const;
type Lane = keyof typeof MAX_RUNNING;

/** A download whose client stops reading without going away: its process is ended after this. */
export const EXPORT_STALL_MS = 120_000;
/** How long a process that has written everything, or was told to end, gets to exit. */
const EXIT_GRACE_MS = 10_000;

const holder = globalThis as typeof globalThis & {
  __exportProcesses?: Record<Lane, { running: number; waiting: (() => void)[] }>;
};

function commandLine(task: TExportTask): string[] {
  return processCommandLine("export-process", "src/server/exports/export-process.ts", EXPORT_PROCESS_FLAGS, [
    JSON.stringify(task),
  ]);
}

async function takeTurn(lane: Lane): Promise<() => void> {
  holder.__exportProcesses ??= { download: { running: 0, waiting: [] }, batch: { running: 0, waiting: [] } };
  const slots = holder.__exportProcesses[lane];
  if (slots.running >= MAX_RUNNING[lane]) await new Promise<void>((resolve) => slots.waiting.push(resolve));
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

type Exit = [code: number | null, signal: NodeJS.Signals | null];

/** The exit, or null when it has not come within `ms`. */
function within(exited: Promise<Exit>, ms: number): Promise<Exit | null> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => (timer = setTimeout(resolve, ms, null)));
  return Promise.race([exited, late]).finally(() => clearTimeout(timer));
}

/**
 * Runs a task in an export process and yields what it writes, as fast as the caller takes it
 * (the pipe's backpressure pauses the process meanwhile). Throws if the process fails, after its
 * output: a download then ends in error instead of looking complete. Stopping early (the client
 * went away), or not reading for EXPORT_STALL_MS, ends the process; its turn is given back once
 * it has exited.
 */
export async function* runExportProcess(task: TExportTask): AsyncGenerator<Buffer> {
  const release = await takeTurn(task.kind === "batch" ? "batch" : "download");
  let child: ChildProcess | undefined;
  let exited: Promise<Exit> = Promise.resolve([null, null]);
  let finished = false;
  let stall: NodeJS.Timeout | undefined;
  try {
    child = spawn(process.execPath, commandLine(task), { stdio: ["ignore", "inherit", "inherit", "pipe"] });
    const started = child;
    exited = new Promise<Exit>((resolve) => {
      started.once("exit", (code, signal) => resolve([code, signal]));
      // Failed to start (or to be signalled): reported by the exit check below.
      started.once("error", () => resolve([null, null]));
    });
    for await (const chunk of started.stdio[3] as Readable) {
      // Not read again (the caller may never resume this generator): end it, give the turn back.
      stall = setTimeout(() => {
        started.kill();
        release();
      }, EXPORT_STALL_MS);
      yield chunk as Buffer;
      clearTimeout(stall);
    }
    const exit = await within(exited, EXIT_GRACE_MS);
    finished = exit !== null;
    if (!exit || exit[0] !== 0) {
      const [code, signal] = exit ?? [null, "did not exit"];
      throw new Error(`export process (${task.kind}) failed: exit code ${code}, signal ${signal}`);
    }
  } finally {
    clearTimeout(stall);
    if (child && !finished) {
      child.kill();
      if (!(await within(exited, EXIT_GRACE_MS))) child.kill("SIGKILL");
    }
    release();
  }
}
