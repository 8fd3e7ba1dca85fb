// wrk (https://github.com/wg/wrk), a load generator in C, run in a process of its own against one
// URL: it costs far less CPU per request than a Node.js client, which matters on a small machine
// where the load generator and the server share the cores.
import { spawn, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const REPORT_SCRIPT = fileURLToPath(new URL("./wrk-report.lua", import.meta.url));
const MARK = "WRK_RESULT ";

export interface WrkResult {
  requests: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Responses outside 2xx (redirects included). */
  non2xx: number;
  /** Connect, read and write errors and timeouts. */
  socketErrors: number;
}

export interface WrkRun {
  url: string;
  connections: number;
  seconds: number;
  /** A Cookie header value, for a signed-in page. */
  cookie?: string;
}

/** True when wrk is on PATH. */
export function hasWrk(): boolean {
  return spawnSync("wrk", ["--version"], { stdio: "ignore" }).error === undefined;
}

export function wrkArgs(run: WrkRun): string[] {
  return [
    "-t2",
    `-c${run.connections}`,
    `-d${run.seconds}s`,
    "--latency",
    // wrk's default of 2 s would drop the slowest responses from the percentiles as timeouts.
    "--timeout",
    "10s",
    "-s",
    REPORT_SCRIPT,
    ...(run.cookie ? ["-H", `cookie: ${run.cookie}`] : []),
    run.url,
  ];
}

/** The command line of a run as one would type it, the cookie's value left out. */
export function wrkCommand(run: WrkRun): string {
  const args = wrkArgs({ ...run, cookie: run.cookie ? "…" : undefined }).map((arg) =>
    arg === REPORT_SCRIPT ? "scripts/bench/wrk-report.lua" : arg.includes(" ") ? `"${arg}"` : arg,
  );
  return ["wrk", ...args].join(" ");
}

export function runWrk(run: WrkRun): Promise<WrkResult> {
  return new Promise((resolve, reject) => {
    const child = spawn("wrk", wrkArgs(run), { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
    child.once("error", reject);
    child.once("close", (code) => {
      const line = output.split("\n").find((l) => l.startsWith(MARK));
      if (code !== 0 || !line) {
        reject(new Error(`wrk ${run.url} failed (exit code ${code}):\n${output}`));
        return;
      }
      const r = JSON.parse(line.slice(MARK.length)) as Record<string, number>;
      const n = (key: string) => r[key] ?? Number.NaN;
      resolve({
        requests: n("requests"),
        perSecond: n("requests") / (n("durationUs") / 1e6),
        p50Ms: n("p50Us") / 1000,
        p99Ms: n("p99Us") / 1000,
        maxMs: n("maxUs") / 1000,
        non2xx: n("non2xx"),
        socketErrors: n("connect") + n("read") + n("write") + n("timeout"),
      });
    });
  });
}
