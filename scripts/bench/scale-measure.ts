// The measuring half of npm run bench:scale: serving the built portal on one database (without
// rebuilding: sources edited during a run must not trigger a second build), the sequential
// single-request times of a page, and its throughput under wrk.
import { serveNext } from "../lib/next-server";
import { BENCH_SECRETS, percentile, sessionCookie } from "./lib";
import type { ScalePage, ScaleTargets } from "./scale-pages";
import { runWrk, type WrkResult } from "./wrk";

export const SEQUENTIAL = Number(process.env.BENCH_SCALE_REQUESTS ?? 15);
export const WRK_SECONDS = Number(process.env.BENCH_SCALE_WRK_SECONDS ?? 10);
export const WRK_CONNECTIONS = 20;
const WARMUP_REQUESTS = 3;

export async function startScalePortal(databaseUrl: string, port: number, distDir: string) {
  const server = serveNext({
    root: process.cwd(),
    dev: false,
    port: String(port),
    env: {
      ...process.env,
      ...BENCH_SECRETS,
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      DATABASE_POOL_SIZE: "20",
      LOG_LEVEL: "warn",
      NEXT_DIST_DIR: distDir,
      // An instance that only serves pages: no nightly export during a measurement.
      JOBS_ENABLED: "false",
    },
  });
  const exited = new Promise<void>((resolve) => server.once("exit", () => resolve()));
  const base = `http://127.0.0.1:${port}`;
  let up = false;
  for (let i = 0; i < 120 && !up; i++) {
    up = await fetch(`${base}/api/health`)
      .then((r) => r.ok)
      .catch(() => false);
    if (!up) await new Promise((r) => setTimeout(r, 500));
  }
  if (!up) throw new Error(`the portal on ${base} did not answer /api/health`);
  return {
    base,
    pid: server.pid!,
    stop: () => {
      if (server.exitCode === null && server.signalCode === null) server.kill("SIGTERM");
      return exited;
    },
  };
}

export interface PageTimes {
  /** The first request after the server started serving this page (caches cold). */
  coldMs: number;
  medianMs: number;
  p90Ms: number;
  bytes: number;
}

async function timedFetch(url: string, cookie: string, page: ScalePage) {
  const started = performance.now();
  const response = await fetch(url, { headers: { cookie }, redirect: "manual" });
  const html = await response.text();
  const ms = performance.now() - started;
  if (response.status !== 200) {
    const location = response.headers.get("location");
    throw new Error(`${page.name}: ${url} answered ${response.status}${location ? ` (to ${location})` : ""}`);
  }
  if (page.reject && html.includes(page.reject)) throw new Error(`${page.name}: rendered "${page.reject}"`);
  return { ms, bytes: html.length };
}

export async function cookieFor(databaseUrl: string, targets: ScaleTargets, page: ScalePage) {
  const subject = targets.subjects[page.principal];
  return sessionCookie(databaseUrl, subject.kind, subject.id);
}

/** A cold request, a few warm-ups, then SEQUENTIAL requests one after the other. */
export async function measureSequential(base: string, cookie: string, page: ScalePage): Promise<PageTimes> {
  const url = base + page.path;
  const cold = await timedFetch(url, cookie, page);
  for (let i = 1; i < WARMUP_REQUESTS; i++) await timedFetch(url, cookie, page);
  const times: number[] = [];
  for (let i = 0; i < SEQUENTIAL; i++) times.push((await timedFetch(url, cookie, page)).ms);
  times.sort((a, b) => a - b);
  return {
    coldMs: cold.ms,
    medianMs: percentile(times, 50),
    p90Ms: percentile(times, 90),
    bytes: cold.bytes,
  };
}

/** wrk in its own process: 2 s of the same load first, then WRK_SECONDS measured. */
export async function measureLoad(base: string, cookie: string, page: ScalePage): Promise<WrkResult> {
  const run = { url: base + page.path, cookie, connections: WRK_CONNECTIONS };
  await runWrk({ ...run, seconds: 2 });
  return runWrk({ ...run, seconds: WRK_SECONDS });
}
