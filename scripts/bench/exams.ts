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
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { computeCheckCharacter } from "../../src/domain/identity";
import { currentYear } from "../../src/lib/time";
import { applyMigrations, withDatabaseName } from "../db/schema-engine";
import { SERVER_BUNDLE } from "../lib/build-server";
import { ensureProductionBuild, serveNext, type Env } from "../lib/next-server";

const ADMIN_URL = process.env.BENCH_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const DB_NAME = "bench_exams";
const LEARNERS = Number(process.env.BENCH_LEARNERS ?? 200);
const INSTANCES = Number(process.env.BENCH_INSTANCES ?? 1);
const WARM_UP = 5;
/** Credits of the benchmark's courses. */
const COURSE_CREDITS = 6;
/** Target for what a learner waits for: start to paper, hand-in to result (p99, ms). */
const LEARNER_P99_TARGET_MS = 1_500;
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
  AUTH_COOKIE_SECURE: "false", // plain HTTP on 127.0.0.1
  LOG_LEVEL: "warn",
};

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  await client.query(sql).finally(() => client.end());
}

let idCounter = 0;

/** A valid, unique ID number (one birth date per learner). */
function idNumber(): string {
  const n = ++idCounter;
  const birth = new Date(Date.UTC(1970, 0, 1) + n * 86_400_000).toISOString().slice(0, 10).replaceAll("-", "");
  const first17 = `420102${birth}123`;
  return first17 + computeCheckCharacter(first17);
}

/** A course with a 20-question bank, and `count` learners whose study of it is complete. */
async function seed(count: number, title: string) {
  const { getDb } = await import("../../src/server/db");
  const { registerLearner } = await import("../../src/server/learners/register-learner");
  const db = getDb();
  const district = await db.district.findFirstOrThrow({ where: { code: "jiangan" } });
  const course = await db.course.create({
    data: { title, category: "PROFESSIONAL", credits: COURSE_CREDITS, description: "压力测试", status: "PUBLISHED" },
  });
  const key = new Map<string, string[]>();
  for (let i = 0; i < 20; i++) {
    const type = i < 12 ? "SINGLE" : i < 16 ? "MULTIPLE" : "TRUE_FALSE";
    const labels = type === "TRUE_FALSE" ? ["正确", "错误"] : ["甲", "乙", "丙", "丁"];
    const correct = type === "MULTIPLE" ? 2 : 1;
    const q = await db.question.create({
      data: {
        courseId: course.id,
        type,
        stem: `第 ${i + 1} 题`,
        explanation: "解析",
        position: i + 1,
        options: { create: labels.map((label, position) => ({ label, position, correct: position < correct })) },
      },
      select: { id: true, options: { where: { correct: true }, select: { id: true } } },
    });
    key.set(
      q.id,
      q.options.map((o) => o.id),
    );
  }
  const learners: { idNumber: string; name: string; enrollmentId: string; passes: boolean }[] = [];
  for (let i = 0; i < count; i++) {
    const id = idNumber();
    const name = "测试学员";
    const learner = await registerLearner(
      {
        idNumber: id,
        name,
        districtId: district.id,
        employer: "压测单位",
        qualification: "JUNIOR",
        startYear: currentYear(),
      },
      { staffUserId: null },
    );
    const enrollment = await db.enrollment.create({
      data: { learnerId: learner.id, courseId: course.id, creditYear: learner.startYear, status: "EXAM_PENDING" },
    });
    // Four in five answer everything right; the others get 3 of 10 and fail.
    learners.push({ idNumber: id, name, enrollmentId: enrollment.id, passes: i % 5 !== 0 });
  }
  return { courseId: course.id, key, learners };
}
type Seeded = Awaited<ReturnType<typeof seed>>;

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

/** A process and its descendants (serveNext may run the server in a child process). */
function processTree(pid: number): number[] {
  let children: number[] = [];
  try {
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      const listed = readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").trim();
      if (listed) children = children.concat(listed.split(" ").map(Number));
    }
  } catch {
    return [];
  }
  return [pid, ...children.flatMap(processTree)];
}

/** CPU time (user + system) the portal's processes have used so far, from /proc (Linux). */
function serverCpuMs(): number {
  let total = 0;
  for (const pid of servers.flatMap((s) => (s.pid ? processTree(s.pid) : []))) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
      total += ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, 100 ticks/s
    } catch {
      // exited meanwhile
    }
  }
  return total;
}

interface Call {
  ok: boolean;
  ms: number;
  body: string;
  cookies: string[];
}

async function timed(request: () => Promise<Response>, ok: (res: Response, body: string) => boolean): Promise<Call> {
  const t0 = performance.now();
  try {
    const res = await request();
    const body = await res.text();
    return { ok: ok(res, body), ms: performance.now() - t0, body, cookies: res.headers.getSetCookie() };
  } catch {
    return { ok: false, ms: performance.now() - t0, body: "", cookies: [] };
  }
}

/** Invokes a server action over HTTP as React does: POST to the page, Next-Action header, JSON args. */
const callAction = (base: string, path: string, actionId: string, input: object, cookie = "") =>
  timed(
    () =>
      fetch(base + path, {
        method: "POST",
        redirect: "manual",
        headers: { "Next-Action": actionId, "Content-Type": "text/plain;charset=UTF-8", Origin: base, Cookie: cookie },
        body: JSON.stringify([null, input]),
      }),
    // A redirect (the login), or the result row of the action's flight response.
    (res, body) => res.status < 400 && (res.headers.has("x-action-redirect") || /"ok":true/.test(body)),
  );

/** An exam endpoint as the page calls it: a same-origin JSON POST. */
const callExam = (base: string, path: string, input: object, cookie = "") =>
  timed(
    () =>
      fetch(base + path, {
        method: "POST",
        headers: { "Content-Type": "application/json", Origin: base, "Sec-Fetch-Site": "same-origin", Cookie: cookie },
        body: JSON.stringify(input),
      }),
    (res, body) => res.status === 200 && body.startsWith('{"ok":true'),
  );

/** A page as the client router fetches it after router.push or router.refresh: its RSC payload. */
const openPage = (base: string, path: string, cookie: string) =>
  timed(
    () => fetch(base + path, { headers: { RSC: "1", Cookie: cookie } }),
    (res) => res.status === 200,
  );

/** Runs `work` for every item, all at once or one after another; results in item order. */
async function each<T, R>(items: readonly T[], together: boolean, work: (item: T, i: number) => Promise<R>) {
  if (together) return Promise.all(items.map(work));
  const results: R[] = [];
  for (const [i, item] of items.entries()) results.push(await work(item, i));
  return results;
}

/**
 * One round: everyone logs in, then starts (at once), opens the paper, answers, and hands in (at
 * once). With `together` false the same requests run one at a time: the service time of each.
 */
async function rush({ key, learners }: Seeded, ids: Map<string, string>, paperOf: PaperOf, together = true) {
  const action = (name: string) => ids.get(name) ?? "";
  const base = (i: number) => BASES[i % BASES.length] ?? "";
  const cpu: Record<string, number> = {};
  const measure = async <R>(name: string, work: () => Promise<R>): Promise<R> => {
    const before = serverCpuMs();
    const result = await work();
    cpu[name] = serverCpuMs() - before;
    return result;
  };
  const sessions = await each(learners, together, async (l, i) => {
    const login = await callAction(base(i), "/login", action("loginLearner"), { idNumber: l.idNumber, name: l.name });
    return login.cookies.map((c) => c.split(";")[0]).join("; ");
  });
  const start = await measure("start", () =>
    each(learners, together, (l, i) =>
      callExam(base(i), "/api/exams/start", { enrollmentId: l.enrollmentId }, sessions[i]),
    ),
  );
  const attemptIds = start.map((s) => /"attemptId":"([^"]+)"/.exec(s.body)?.[1] ?? "");
  const paths = learners.map((l, i) => `/exams/${l.enrollmentId}/attempts/${attemptIds[i]}`);
  const open = await measure("open", () =>
    each(paths, together, (path, i) => openPage(base(i), path, sessions[i] ?? "")),
  );
  const answers = await measure("save", () =>
    each(learners, together, async (l, i) => {
      const calls: Call[] = [];
      for (const [index, q] of (await paperOf(attemptIds[i] ?? "")).entries()) {
        const correct = key.get(q.questionId) ?? [];
        const right = l.passes || index < 3;
        const optionIds = right ? correct : q.optionOrder.filter((id) => !correct.includes(id)).slice(0, 1);
        const input = { attemptId: attemptIds[i], questionId: q.questionId, optionIds };
        calls.push(await callExam(base(i), "/api/exams/answer", input, sessions[i]));
      }
      return calls;
    }),
  );
  const submit = await measure("submit", () =>
    each(learners, together, (_, i) =>
      callExam(base(i), "/api/exams/submit", { attemptId: attemptIds[i] }, sessions[i]),
    ),
  );
  // After the hand-in the page refreshes itself into the result (router.refresh).
  const result = await measure("result", () =>
    each(paths, together, (path, i) => openPage(base(i), path, sessions[i] ?? "")),
  );
  const allSaved = answers.map((calls) => calls.length > 0 && calls.every((c) => c.ok));
  return { calls: { start, open, save: answers.flat(), submit, result }, cpu, allSaved };
}
type PaperOf = (attemptId: string) => Promise<{ questionId: string; optionOrder: string[] }[]>;

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
};

function report(round: Awaited<ReturnType<typeof rush>>) {
  for (const [name, calls] of Object.entries(round.calls)) {
    const ms = calls.map((c) => c.ms);
    const at = (p: number) => percentile(ms, p).toFixed(0);
    const ok = calls.filter((c) => c.ok).length;
    const cpu = ((round.cpu[name] ?? Number.NaN) / Math.max(1, calls.length)).toFixed(1);
    console.log(
      `${name.padEnd(7)} ok ${ok}/${calls.length}  p50 ${at(50)} ms  p99 ${at(99)} ms  max ${Math.max(...ms).toFixed(0)} ms  portal CPU ${cpu} ms/request`,
    );
  }
}

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
    await rush(warmUp, ids, paperOf);
    console.log(`\nOne request at a time (${SEQUENTIAL} learners): the service time of each request`);
    report(await rush(oneByOne, ids, paperOf, false));

    const round = await rush(bench, ids, paperOf);
    const { start, open, submit, result } = round.calls;
    const [awards, passedAttempts, graded] = await Promise.all([
      db.creditEntry.findMany({
        where: { courseId: bench.courseId, source: "COURSE" },
        select: { learnerId: true, credits: true },
      }),
      db.examAttempt.findMany({ where: { courseId: bench.courseId, passed: true }, select: { learnerId: true } }),
      db.examAttempt.count({ where: { courseId: bench.courseId, status: { not: "IN_PROGRESS" } } }),
    ]);
    const passes = passedAttempts.length;
    const credited = new Set(awards.map((a) => a.learnerId));
    const awardedCredits = awards.reduce((sum, a) => sum + a.credits, 0);
    const expected = bench.learners.filter((l) => l.passes).length;
    // Credits awarded = passes exactly: one course award per passed attempt, to that attempt's
    // learner, of the course's full credits, and only to them.
    const creditsMatch =
      awards.length === passes &&
      credited.size === passes &&
      passedAttempts.every((a) => credited.has(a.learnerId)) &&
      awardedCredits === passes * COURSE_CREDITS;
    console.log(
      `\n${LEARNERS} learners at once, ${INSTANCES} instance(s), pool ${env.DATABASE_POOL_SIZE} connections each:`,
    );
    report(round);

    // What the learner waits for, per learner: from 开始考试 to the paper on screen (the start,
    // then the paper's page), and from 确认交卷 to the result (the hand-in, then the result's
    // page). Each is the sum of its two requests' times: the benchmark lets every start finish
    // before the pages are fetched, which a learner's browser does not wait for.
    const startToPaper = start.map((c, i) => c.ms + (open[i]?.ms ?? Number.NaN));
    const handInToResult = submit.map((c, i) => c.ms + (result[i]?.ms ?? Number.NaN));
    const started = bench.learners.filter((_, i) => start[i]?.ok && open[i]?.ok).length;
    const handedIn = bench.learners.filter((_, i) => submit[i]?.ok && result[i]?.ok).length;
    const succeeded = bench.learners.filter(
      (_, i) => start[i]?.ok && open[i]?.ok && round.allSaved[i] && submit[i]?.ok && result[i]?.ok,
    ).length;
    const verdict = (met: boolean) => (met ? "met" : "NOT met");
    const waited = (name: string, ms: number[]) => {
      const p99 = percentile(ms, 99);
      const line = `p50 ${percentile(ms, 50).toFixed(0)} ms  p99 ${p99.toFixed(0)} ms  max ${Math.max(...ms).toFixed(0)} ms`;
      console.log(
        `${name}: ${line}  target p99 <= ${LEARNER_P99_TARGET_MS} ms: ${verdict(p99 <= LEARNER_P99_TARGET_MS)}`,
      );
      return p99 <= LEARNER_P99_TARGET_MS;
    };
    console.log(`\nWhat the learner waits for (${LEARNERS} learners):`);
    console.log(`started (start + paper page): ${started}/${LEARNERS}`);
    console.log(`handed in (hand-in + result page): ${handedIn}/${LEARNERS}`);
    const allSucceeded = succeeded === LEARNERS;
    console.log(
      `succeeded (start + paper page + 10 saves + hand-in + result page): ${succeeded}/${LEARNERS}  target ${LEARNERS}/${LEARNERS}: ${verdict(allSucceeded)}`,
    );
    console.log(
      `credits: ${awards.length} course awards (${awardedCredits} credits) to ${credited.size} learners, ` +
        `${passes} passed attempts (expected ${expected}) of ${graded} graded  target awards = passes: ${verdict(creditsMatch)}`,
    );
    // Every attempt graded, and the four in five meant to pass passed: otherwise "credits = passes"
    // proves nothing.
    const gradedRight = graded === LEARNERS && passes === expected;
    const startMet = waited("start + paper page, per learner", startToPaper);
    const handInMet = waited("hand-in + result page, per learner", handInToResult);
    console.log(
      `target (all learners succeed, credits = passes, both p99 <= ${LEARNER_P99_TARGET_MS} ms): ${verdict(allSucceeded && gradedRight && creditsMatch && startMet && handInMet)}`,
    );
    if (!creditsMatch || !gradedRight) process.exitCode = 1;
  } finally {
    const stopped = servers.filter((s) => s.exitCode === null).map((s) => new Promise((r) => s.once("exit", r)));
    for (const server of servers) server.kill("SIGTERM");
    await Promise.all(stopped);
    await db.$disconnect();
    await admin(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
  }
}

await main();
