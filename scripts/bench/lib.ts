// Shared pieces of the benchmark scripts (not tests): a fresh database on the local PostgreSQL,
// the portal served from a production build, minted session cookies and a closed-loop load
// generator with latency percentiles.
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { encode } from "next-auth/jwt";
import pg from "pg";
import { applyMigrations } from "../db/schema-engine";
import { ensureProductionBuild, serveNext, type Env } from "../lib/next-server";

export const BENCH_SECRETS = {
  AUTH_SECRET: "bench-auth-secret-bench-auth-secret-0123456789",
  ID_HMAC_KEY: Buffer.alloc(32, 3).toString("base64"),
  ID_ENCRYPTION_KEY: Buffer.alloc(32, 5).toString("base64"),
  CERTIFICATE_SIGNING_KEY: Buffer.alloc(32, 11).toString("base64"),
} as const;

const ADMIN_URL = process.env.BENCH_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

/** Creates (or recreates) a database for the run, migrated; returns its URL and a dropper. */
export async function createBenchDatabase(name: string) {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  await applyMigrations(url.toString());
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: ADMIN_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}

function portalEnv(opts: { databaseUrl: string; poolSize?: number }): Env {
  return {
    ...process.env,
    ...BENCH_SECRETS,
    NODE_ENV: "production",
    DATABASE_URL: opts.databaseUrl,
    DATABASE_POOL_SIZE: String(opts.poolSize ?? 20),
    LOG_LEVEL: "warn",
    NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? ".next-bench",
  };
}

/** Builds the portal for production unless the build is current; returns its folder. */
export async function buildPortal(): Promise<string> {
  const env = portalEnv({ databaseUrl: "postgresql://unused" });
  await ensureProductionBuild(process.cwd(), env);
  return env.NEXT_DIST_DIR ?? ".next-bench";
}

/**
 * Builds (when stale) and serves the portal; resolves when /api/health answers. `nodeOptions` are
 * flags for the server's node (--cpu-prof); stop() resolves once it has exited (and so has
 * written its profile).
 */
export async function startPortal(opts: {
  databaseUrl: string;
  port: number;
  poolSize?: number;
  nodeOptions?: readonly string[];
}) {
  const env = portalEnv(opts);
  await ensureProductionBuild(process.cwd(), env);
  const server = serveNext({
    root: process.cwd(),
    dev: false,
    port: String(opts.port),
    env,
    nodeOptions: opts.nodeOptions,
  });
  const exited = new Promise<void>((resolve) => server.once("exit", () => resolve()));
  const base = `http://127.0.0.1:${opts.port}`;
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return {
    base,
    pid: server.pid!,
    stop: () => {
      if (server.exitCode === null && server.signalCode === null) server.kill("SIGTERM");
      return exited;
    },
  };
}

/**
 * CPU time (user + system, ms) used so far by a process and its descendants, from /proc (Linux):
 * the server's own cost of what it answered between two readings, whatever else the machine ran.
 */
export function processTreeCpuMs(rootPid: number): number {
  const stats = new Map<number, { ppid: number; ticks: number }>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const text = readFileSync(`/proc/${entry}/stat`, "utf8");
      // Fields after the command name (in parentheses, which may hold spaces): state ppid … utime stime.
      const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
      stats.set(Number(entry), { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // the process ended while we read
    }
  }
  let ticks = 0;
  const pending = [rootPid];
  while (pending.length) {
    const pid = pending.pop()!;
    ticks += stats.get(pid)?.ticks ?? 0;
    for (const [child, stat] of stats) if (stat.ppid === pid) pending.push(child);
  }
  return (ticks * 1000) / CLOCK_TICKS_PER_SECOND;
}
// Linux's USER_HZ, the unit of /proc/<pid>/stat times, is 100 on every architecture Node runs on.
const CLOCK_TICKS_PER_SECOND = 100;

/**
 * The session cookie a browser holds after signing in: its AuthSession row opened in the
 * benchmark's database and next-auth's encrypted JWT with the same secret, salt and claims as a
 * real sign-in (see src/server/auth/config.ts and auth-sessions.ts).
 */
export async function sessionCookie(databaseUrl: string, kind: "learner" | "staff", id: string): Promise<string> {
  const name = "__Secure-authjs.session-token";
  const sid = randomUUID();
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO "AuthSession" ("id", "kind", "subjectId", "createdAt") VALUES ($1::uuid, $2, $3, now() AT TIME ZONE 'UTC')`,
      [sid, kind, id],
    );
  } finally {
    await client.end();
  }
  const value = await encode({
    token: { sub: id, kind, loginAt: Math.floor(Date.now() / 1000), sid },
    secret: BENCH_SECRETS.AUTH_SECRET,
    salt: name,
    maxAge: 30 * 60,
  });
  return `${name}=${value}`;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** `connections` concurrent loops, each issuing requests back to back for `seconds`. */
export async function closedLoop(opts: {
  connections: number;
  seconds: number;
  request: (i: number) => Promise<boolean>;
}) {
  const latencies: number[] = [];
  let failures = 0;
  const deadline = performance.now() + opts.seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: opts.connections }, async (_, i) => {
      while (performance.now() < deadline) {
        const t = performance.now();
        const ok = await opts.request(i).catch(() => false);
        if (ok) latencies.push(performance.now() - t);
        else failures++;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    failures,
    perSecond: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
  };
}

export function cpuInfo(): string {
  try {
    return execFileSync("nproc", { encoding: "utf8" }).trim() + " cores";
  } catch {
    return "unknown cores";
  }
}
