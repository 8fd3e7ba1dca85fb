// Benchmark (not a test) of the year-end rush: N learners start an exam, answer and hand in at
// once, against a production build and the machine's PostgreSQL, through the real HTTP endpoints
// as the browser calls them: the exam endpoints (JSON, answered by the portal's own listener), the
// paper's page after the start, the result's page after the hand-in (router.refresh), and the
// login server action (Next-Action header).
//   npx tsx --conditions=react-server scripts/bench/exams.ts
// Env: BENCH_ADMIN_URL (postgresql://postgres@127.0.0.1:5432/postgres), BENCH_LEARNERS (200),
// BENCH_PORT (3310), BENCH_POOL_SIZE (10, the portal's default), NEXT_DIST_DIR (.next-bench-exams),
// BENCH_INSTANCES (1; more serve on the following ports, learners spread over them as a load
// balancer would), BENCH_PROFILE_DIR (runs the production server under --cpu-prof, writing a CPU
// profile of each instance there).
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { applyMigrations, withDatabaseName } from "../db/schema-engine";
import { SERVER_BUNDLE } from "../lib/build-server";
import { ensureProductionBuild, serveNext, type Env } from "../lib/next-server";
import { reportBench, report } from "./exams-report";
import { rush, type Instances, type PaperOf } from "./exams-rush";
import { seed } from "./exams-seed";

const ADMIN_URL = process.env.BENCH_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const DB_NAME = "bench_exams";
const LEARNERS = Number(process.env.BENCH_LEARNERS ?? 200);
const INSTANCES = Number(process.env.BENCH_INSTANCES ?? 1);
const WARM_UP = 5;
const SEQUENTIAL = 20;
const PORTS = Array.from({ length: INSTANCES }, (_, i) => String(Number(process.env.BENCH_PORT ?? 3310) + i));
const BASES = PORTS.map((port) => `http://127.0.0.1:${port}`);
const root = process.cwd();
const profileDir = process.env.BENCH_PROFILE_DIR;
const url = withDatabaseName(ADMIN_URL, DB_NAME);
const env: Env = {
  ...process.env,
  NODE_ENV: "production",
  NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? ".next-bench-exams",
  DATABASE_URL: url,
  DATABASE_POOL_SIZE: process.env.BENCH_POOL_SIZE ?? "10",
  AUTH_SECRET: randomBytes(32).toString("base64"),
  ID_HMAC_KEY: randomBytes(32).toString("base64"),
  ID_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
  CERTIFICATE_SIGNING_KEY: randomBytes(32).toString("base64"),
  AUTH_COOKIE_SECURE: "false", // plain HTTP on 127.0.0.1
  LOG_LEVEL: "warn",
};

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  await client.query(sql).finally(() => client.end());
}

function actionIds(): Map<string, string> {
  const file = join(root, env.NEXT_DIST_DIR ?? ".next", "server/server-reference-manifest.json");
  const manifest = JSON.parse(readFileSync(file, "utf8")) as { node: Record<string, { exportedName?: string }> };
  return new Map(Object.entries(manifest.node).flatMap(([id, a]) => (a.exportedName ? [[a.exportedName, id]] : [])));
}

function serve(port: string): ChildProcess {
  if (!profileDir) return serveNext({ root, dev: false, port, env });
  const server = join(env.NEXT_DIST_DIR ?? ".next", SERVER_BUNDLE);
  const args = ["--cpu-prof", `--cpu-prof-dir=${profileDir}`, server, port];
  return spawn(process.execPath, args, {
    cwd: root,
    stdio: "inherit",
    env: { ...env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
}

let servers: ChildProcess[] = [];

async function main() {
  await admin(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${DB_NAME}`);
  await applyMigrations(url);
  Object.assign(process.env, env, { DATABASE_POOL_SIZE: "5" });
  const { getDb } = await import("../../src/server/db");
  const { seedReferenceData } = await import("../../prisma/seed");
  const db = getDb();
  await seedReferenceData(db);
  const [warmUp, oneByOne, bench] = [
    await seed(WARM_UP, "预热"),
    await seed(SEQUENTIAL, "逐个"),
    await seed(LEARNERS, "年末考试"),
  ];
  console.log(`Seeded ${LEARNERS} learners (+${WARM_UP} warm-up, +${SEQUENTIAL} one at a time), EXAM_PENDING.`);

  await ensureProductionBuild(root, env);
  const ids = actionIds();
  servers = PORTS.map(serve);
  const portal: Instances = { bases: BASES, servers };
  try {
    for (const base of BASES) {
      for (let i = 0; !(await fetch(`${base}/api/health`).catch(() => null))?.ok; i++) {
        if (i > 120) throw new Error(`the portal at ${base} did not start`);
        await new Promise((r) => setTimeout(r, 500));
      }
    }
    const paperOf: PaperOf = (attemptId) =>
      db.examAttemptQuestion.findMany({
        where: { attemptId },
        orderBy: { position: "asc" },
        select: { questionId: true, optionOrder: true },
      });
    await rush(portal, warmUp, ids, paperOf);
    console.log(`\nOne request at a time (${SEQUENTIAL} learners): the service time of each request`);
    report(await rush(portal, oneByOne, ids, paperOf, false));

    const round = await rush(portal, bench, ids, paperOf);
    const [awards, passedAttempts, graded] = await Promise.all([
      db.creditEntry.findMany({
        where: { courseId: bench.courseId, source: "COURSE" },
        select: { learnerId: true, credits: true },
      }),
      db.examAttempt.findMany({ where: { courseId: bench.courseId, passed: true }, select: { learnerId: true } }),
      db.examAttempt.count({ where: { courseId: bench.courseId, status: { not: "IN_PROGRESS" } } }),
    ]);
    reportBench({
      learners: LEARNERS,
      instances: INSTANCES,
      poolSize: env.DATABASE_POOL_SIZE,
      bench,
      round,
      awards,
      passedAttempts,
      graded,
    });
  } finally {
    const stopped = servers.filter((s) => s.exitCode === null).map((s) => new Promise((r) => s.once("exit", r)));
    for (const server of servers) server.kill("SIGTERM");
    await Promise.all(stopped);
    await db.$disconnect();
    await admin(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
  }
}

await main();
