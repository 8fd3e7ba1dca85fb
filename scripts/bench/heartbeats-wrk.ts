// The closed loop of the heartbeat benchmark driven by wrk (heartbeats-wrk.lua): a client in C
// costs the shared cores far less per beat than the Node.js driver of heartbeats-drive.ts, so
// that the figure is the portal's and PostgreSQL's, not the client's.
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Viewer } from "./heartbeats-drive";

const SCRIPT = fileURLToPath(new URL("./heartbeats-wrk.lua", import.meta.url));
const MARK = "WRK_BEATS ";
const THREADS = 2;

export interface WrkBeats {
  perSecond: number;
  credited: number;
  refused: number;
  errors: number;
  p50: number;
  p99: number;
  command: string;
}

/**
 * Beats from `viewers` as fast as the portal answers, `connections` in flight, for `seconds`.
 * The viewers' sequence numbers are wrk's afterwards: drive them again only after this.
 */
export function wrkClosedLoop(
  port: number,
  viewers: Viewer[],
  seconds: number,
  connections: number,
): Promise<WrkBeats> {
  const list = join(tmpdir(), `bench-heartbeat-viewers-${process.pid}.txt`);
  // Neither the session cookie (a JWE) nor the session id (a UUID) holds a space.
  writeFileSync(list, viewers.map((v) => `${v.cookie} ${v.sessionId} ${v.seq} ${v.startedAt}`).join("\n") + "\n");
  const args = [`-t${THREADS}`, `-c${connections}`, `-d${seconds}s`, "--latency", "--timeout", "10s"];
  const url = `http://127.0.0.1:${port}/api/playback/heartbeat`;
  const command = ["wrk", ...args, "-s", "scripts/bench/heartbeats-wrk.lua", url, "--", "<viewers>", THREADS].join(" ");
  return new Promise((resolve, reject) => {
    const child = spawn("wrk", [...args, "-s", SCRIPT, url, "--", list, String(THREADS)], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
    child.once("error", reject);
    child.once("close", (code) => {
      const line = output.split("\n").find((l) => l.startsWith(MARK));
      if (code !== 0 || !line) return reject(new Error(`wrk heartbeats failed (exit code ${code}):\n${output}`));
      const r = JSON.parse(line.slice(MARK.length)) as Record<string, number>;
      const n = (key: string) => r[key] ?? Number.NaN;
      resolve({
        perSecond: n("credited") / (n("durationUs") / 1e6),
        credited: n("credited"),
        refused: n("refused"),
        errors: n("errors"),
        p50: n("p50Us") / 1000,
        p99: n("p99Us") / 1000,
        command,
      });
    });
  });
}
