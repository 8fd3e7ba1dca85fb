import "server-only";
import { resolve } from "node:path";

// The portal's short-lived processes (the export process, the spreadsheet process): bundled
// beside the production server, where scripts/serve.ts tells each where its bundle is; without
// that (next dev, tests, scripts) run from source through tsx.
const holder = globalThis as typeof globalThis & { __processEntries?: Record<string, string> };

export type ProcessName = "export-process" | "spreadsheet-process";

/** Where the production server's bundle of a process is (scripts/serve.ts sets it at start). */
export function setProcessEntry(name: ProcessName, path: string): void {
  (holder.__processEntries ??= {})[name] = path;
}

/** Node's arguments that run the process: its V8 flags, its bundle or its source, then `args`. */
export function processCommandLine(
  name: ProcessName,
  source: string,
  flags: readonly string[],
  args: readonly string[] = [],
): string[] {
  const entry = holder.__processEntries?.[name];
  // From the working directory: the project folder under next dev, tests and scripts.
  const fromSource = ["--conditions=react-server", "--import", "tsx", resolve(source)];
  return [...flags, ...(entry ? [entry] : fromSource), ...args];
}
