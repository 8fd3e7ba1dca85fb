// The load driver of the heartbeat benchmark (scripts/bench/heartbeats.ts): signed-in viewers
// posting beats to the portal over keep-alive HTTP, closed or open loop, and the portal's CPU time
// from /proc.
import { readdirSync, readFileSync } from "node:fs";
import http from "node:http";

export interface Viewer {
  cookie: string;
  sessionId: string;
  seq: number;
  startedAt: number;
  busy: boolean;
}

/**
 * CPU milliseconds used so far by the portal (the server and its children), from /proc: unlike
 * latencies, CPU time per beat hardly depends on what else the machine is running.
 */
export function portalCpuMs(serverPid: number | undefined): number {
  const stats = readdirSync("/proc")
    .filter((d) => /^\d+$/.test(d))
    .map((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
        const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        return { pid: Number(pid), ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) };
      } catch {
        return null;
      }
    })
    .filter((s) => s !== null);
  const tree = new Set(serverPid ? [serverPid] : []);
  for (let changed = true; changed;) {
    changed = false;
    for (const s of stats)
      if (tree.has(s.ppid) && !tree.has(s.pid)) {
        tree.add(s.pid);
        changed = true;
      }
  }
  return stats.filter((s) => tree.has(s.pid)).reduce((t, s) => t + s.ticks * 10, 0);
}

// Not lib.ts's percentile (its index is computed in another order, which can round differently) nor
// processTreeCpuMs: these are the ones the recorded heartbeat figures (docs/benchmarks) were measured with.
export const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? NaN;

/**
 * A driver of the portal at 127.0.0.1:`port`: `concurrency` keep-alive sockets at most, and the
 * default number of beats in flight of a closed loop. destroy() closes its sockets.
 */
export function heartbeatDriver({ port, concurrency: defaultConcurrency }: { port: number; concurrency: number }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: defaultConcurrency });

  function post(path: string, body: string, cookie: string): Promise<{ status: number; body: string }> {
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          host: "127.0.0.1",
          port,
          path,
          method: "POST",
          agent,
          headers: { "content-type": "application/json", cookie, "content-length": Buffer.byteLength(body) },
        },
        (res) => {
          let data = "";
          res.setEncoding("utf8");
          res.on("data", (chunk: string) => (data += chunk));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, body: data }));
        },
      );
      req.on("error", reject);
      req.end(body);
    });
  }

  /** Beats from `viewers` for `seconds`: open loop at `rate` per second, or as fast as possible. */
  async function drive(viewers: Viewer[], seconds: number, rate: number | null, concurrency = defaultConcurrency) {
    const latencies: number[] = [];
    let accepted = 0;
    let refused = 0;
    let failed = 0;
    let next = 0;
    const one = async () => {
      // The next viewer not already waiting for an answer (a player sends one beat at a time).
      let viewer: Viewer | undefined;
      for (let tries = 0; tries < viewers.length && !viewer; tries++) {
        const candidate = viewers[next++ % viewers.length];
        if (candidate && !candidate.busy) viewer = candidate;
      }
      if (!viewer) return;
      viewer.busy = true;
      viewer.seq += 1;
      // Positions advance at 1× of real time since the viewer's session started.
      const body = JSON.stringify({
        sessionId: viewer.sessionId,
        seq: viewer.seq,
        positionMs: Date.now() - viewer.startedAt,
        event: "tick",
      });
      const t = performance.now();
      try {
        const res = await post("/api/playback/heartbeat", body, viewer.cookie);
        latencies.push(performance.now() - t);
        const answer = res.status === 200 ? (JSON.parse(res.body) as { session: string; crediting: boolean }) : null;
        if (answer?.session === "active" && answer.crediting) accepted++;
        else refused++;
      } catch {
        failed++;
      } finally {
        viewer.busy = false;
      }
    };
    const started = performance.now();
    const end = started + seconds * 1000;
    if (rate === null) {
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (performance.now() < end) await one();
        }),
      );
    } else {
      const inflight = new Set<Promise<void>>();
      let sent = 0;
      while (performance.now() < end) {
        const due = Math.floor(((performance.now() - started) / 1000) * rate);
        while (sent < due) {
          const p = one().finally(() => inflight.delete(p));
          inflight.add(p);
          sent++;
        }
        await new Promise((r) => setTimeout(r, 2));
      }
      await Promise.all(inflight);
    }
    const elapsed = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    return {
      accepted,
      refused,
      failed,
      perSecond: accepted / elapsed,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
    };
  }

  return { drive, destroy: () => agent.destroy() };
}
