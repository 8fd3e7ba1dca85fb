// Heartbeat benchmark (not a test): a production build against the machine's PostgreSQL, many
// simulated viewers beating at a compressed cadence, and pgbench's single-row upsert ceiling of
// the same server for comparison. Run:
//   npx tsx --conditions=react-server scripts/bench/heartbeats.ts [--viewers 3000] [--seconds 20]
// Uses BENCH_DATABASE_SERVER (default postgresql://postgres@127.0.0.1:5432) and creates, then
// drops, the database bench_playback on it.
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { encode } from "next-auth/jwt";
import pg from "pg";
import { applyMigrations } from "../db/schema-engine";
import { SERVER_BUNDLE } from "../lib/build-server";
import { ensureProductionBuild, serveNext, type Env } from "../lib/next-server";
import { heartbeatDriver, percentile, portalCpuMs, type Viewer } from "./heartbeats-drive";
import { pgbenchTps, seed } from "./heartbeats-seed";
import { wrkClosedLoop } from "./heartbeats-wrk";

const { values: args } = parseArgs({
  options: {
    viewers: { type: "string", default: "3000" },
    seconds: { type: "string", default: "20" },
    rate: { type: "string", default: "2000" },
    concurrency: { type: "string", default: "64" },
    port: { type: "string", default: "3301" },
    // Writes a CPU profile of the portal to this folder (node --cpu-prof).
    profile: { type: "string" },
    // Serves the existing .next-bench build even if the sources changed since.
    "reuse-build": { type: "boolean", default: false },
  },
});
const VIEWERS = Number(args.viewers);
const SECONDS = Number(args.seconds);
const TARGET_RATE = Number(args.rate);
const CONCURRENCY = Number(args.concurrency);
const PORT = Number(args.port);
const SERVER = process.env.BENCH_DATABASE_SERVER ?? "postgresql://postgres@127.0.0.1:5432";
const DB_NAME = "bench_playback";
const url = `${SERVER}/${DB_NAME}`;
const SECRET = "bench-auth-secret-bench-auth-secret-0123456789";
const COOKIE = "authjs.session-token";

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: `${SERVER}/postgres` });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const { drive, destroy } = heartbeatDriver({ port: PORT, concurrency: CONCURRENCY });

async function waitForHealth() {
  for (let i = 0; i < 120; i++) {
    const ok = await fetch(`http://127.0.0.1:${PORT}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("the portal did not become healthy");
}

await admin(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
await admin(`CREATE DATABASE ${DB_NAME}`);
const env: Env = {
  ...process.env,
  NODE_ENV: "production",
  NEXT_DIST_DIR: ".next-bench",
  DATABASE_URL: url,
  DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE ?? "20",
  AUTH_SECRET: SECRET,
  AUTH_COOKIE_SECURE: "false",
  ID_HMAC_KEY: Buffer.alloc(32, 1).toString("base64"),
  ID_ENCRYPTION_KEY: Buffer.alloc(32, 2).toString("base64"),
  CERTIFICATE_SIGNING_KEY: Buffer.alloc(32, 11).toString("base64"),
  LOG_LEVEL: "warn",
};
let server: ChildProcess | undefined;
try {
  await applyMigrations(url);
  // Short-lived connections: a long idle one only risks being cut by others sharing the server.
  const connect = async () => {
    const client = new pg.Client({ connectionString: url });
    client.on("error", (error) => console.error(`bench connection: ${error.message}`));
    await client.connect();
    return client;
  };
  const seeding = await connect();
  const { learnerIds, enrollmentIds, lessonId } = await seed(seeding, VIEWERS);
  await seeding.query("CREATE TABLE bench_upsert (id int PRIMARY KEY, n bigint NOT NULL, at timestamptz NOT NULL)");
  await seeding.end();

  console.log(`pgbench: single-row upsert, -c 16 -j 2 -T 15 ...`);
  const tps = pgbenchTps(url, DB_NAME);
  console.log(`pgbench tps: ${tps.toFixed(0)}`);

  if (!args["reuse-build"] || !existsSync(".next-bench/BUILD_ID")) await ensureProductionBuild(process.cwd(), env);
  server = args.profile
    ? spawn(
        process.execPath,
        [`--cpu-prof`, `--cpu-prof-dir=${args.profile}`, join(".next-bench", SERVER_BUNDLE), String(PORT)],
        { stdio: "inherit", env: { ...env, NODE_ENV: "production" } },
      )
    : serveNext({ root: process.cwd(), dev: false, port: String(PORT), env });
  await waitForHealth();

  // Sessions: cookies minted as next-auth's jwt callback would (same claims, same encryption).
  Object.assign(process.env, env);
  const { startPlayback } = await import("../../src/server/playback/start-playback");
  const now = Math.floor(Date.now() / 1000);
  const viewers: Viewer[] = [];
  const admin = await connect();
  for (let i = 0; i < learnerIds.length; i += 50) {
    const batch = learnerIds.slice(i, i + 50);
    viewers.push(
      ...(await Promise.all(
        batch.map(async (learnerId, j) => {
          const sid = randomUUID();
          await admin.query(
            `INSERT INTO "AuthSession" ("id", "kind", "subjectId", "createdAt") VALUES ($1::uuid, 'learner', $2, now() AT TIME ZONE 'UTC')`,
            [sid, learnerId],
          );
          const token = await encode({
            token: { sub: learnerId, kind: "learner", loginAt: now, sid },
            secret: SECRET,
            salt: COOKIE,
            maxAge: 1800,
          });
          const started = await startPlayback({ learnerId, enrollmentId: enrollmentIds[i + j] ?? "", lessonId });
          return {
            cookie: `${COOKIE}=${token}`,
            sessionId: started.sessionId,
            seq: 0,
            startedAt: Date.now(),
            busy: false,
          };
        }),
      )),
    );
  }
  await admin.end();
  console.log(`${viewers.length} viewers signed in and playing.`);

  // The database part alone: the same beats through recordHeartbeat in this process, no HTTP,
  // no Next.js, no cookie.
  const { recordHeartbeat } = await import("../../src/server/playback/record-heartbeat");
  let direct = 0;
  const directCpu = process.cpuUsage();
  const directLatencies: number[] = [];
  const directEnd = performance.now() + SECONDS * 500;
  let cursor = 0;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (performance.now() < directEnd) {
        const index = cursor++ % viewers.length;
        const viewer = viewers[index];
        const learnerId = learnerIds[index];
        if (!viewer || !learnerId || viewer.busy) continue;
        viewer.busy = true;
        viewer.seq += 1;
        const t = performance.now();
        const answer = await recordHeartbeat(learnerId, {
          sessionId: viewer.sessionId,
          seq: viewer.seq,
          positionMs: Date.now() - viewer.startedAt,
          event: "tick",
        });
        directLatencies.push(performance.now() - t);
        viewer.busy = false;
        if (answer.session === "active") direct++;
      }
    }),
  );
  const { user, system } = process.cpuUsage(directCpu);
  directLatencies.sort((a, b) => a - b);
  console.log(
    `CPU per beat of recordHeartbeat (Prisma, rules, beat log): ${((user + system) / 1000 / directLatencies.length).toFixed(2)} ms`,
  );
  console.log(
    `database part alone (recordHeartbeat in this process, 16 at once): ${(direct / (SECONDS / 2)).toFixed(0)} beats/s, p50 ${percentile(directLatencies, 50).toFixed(1)} ms, p99 ${percentile(directLatencies, 99).toFixed(1)} ms`,
  );

  await drive(viewers, 3, null); // warm-up
  const single = await drive(viewers, 5, null, 1);
  console.log(
    `one at a time: ${single.perSecond.toFixed(0)} beats/s, p50 ${single.p50.toFixed(1)} ms, p99 ${single.p99.toFixed(1)} ms`,
  );
  const cpuBefore = portalCpuMs(server.pid);
  const max = await drive(viewers, SECONDS, null);
  const portalCpu = (portalCpuMs(server.pid) - cpuBefore) / (max.accepted + max.refused);
  console.log(
    `closed loop (Node.js driver), ${CONCURRENCY} in flight: ${max.perSecond.toFixed(0)} accepted beats/s, p50 ${max.p50.toFixed(1)} ms, p99 ${max.p99.toFixed(1)} ms (refused ${max.refused}, failed ${max.failed})`,
  );
  console.log(`portal CPU per beat (closed loop): ${portalCpu.toFixed(2)} ms`);
  const target = await drive(viewers, SECONDS, TARGET_RATE);
  console.log(
    `open loop at ${TARGET_RATE}/s: ${target.perSecond.toFixed(0)} accepted beats/s, p50 ${target.p50.toFixed(1)} ms, p99 ${target.p99.toFixed(1)} ms (refused ${target.refused}, failed ${target.failed})`,
  );

  // Last: the viewers' sequence numbers are wrk's afterwards.
  const wrkCpuBefore = portalCpuMs(server.pid);
  const byWrk = await wrkClosedLoop(PORT, viewers, SECONDS, CONCURRENCY);
  const wrkCpu = (portalCpuMs(server.pid) - wrkCpuBefore) / (byWrk.credited + byWrk.refused);
  console.log(`closed loop from wrk: ${byWrk.command}`);
  console.log(
    `closed loop (wrk), ${CONCURRENCY} in flight: ${byWrk.perSecond.toFixed(0)} accepted beats/s, p50 ${byWrk.p50.toFixed(1)} ms, p99 ${byWrk.p99.toFixed(1)} ms (refused ${byWrk.refused}, socket errors ${byWrk.errors}); portal CPU per beat ${wrkCpu.toFixed(2)} ms`,
  );

  const db = await connect();
  const beats = await db.query<{ n: string }>(`SELECT count(*) AS n FROM "PlaybackBeat"`);
  console.log(`raw beat rows flushed: ${beats.rows[0]?.n}`);
  console.log(
    `ratio of accepted beats/s (closed loop) to pgbench upsert tps: ${(byWrk.perSecond / tps).toFixed(2)} from wrk, ${(max.perSecond / tps).toFixed(2)} from the Node.js driver`,
  );
  await db.end();
  const { getDb } = await import("../../src/server/db");
  await getDb().$disconnect();
} finally {
  server?.kill("SIGINT");
  await new Promise((r) => setTimeout(r, 3000));
  await admin(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
  destroy();
}
