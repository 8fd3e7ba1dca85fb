// Benchmark (not a test): the learner portal's pages under load, each against a bare Next.js page
// (scripts/bench/bare-app/: dynamic, reads cookies(), renders 30 items) measured in the same run
// on the same machine, so that the ratios say what the portal adds to Next.js's own cost of a
// dynamic page whatever else the machine is doing. Production builds of both, the portal on the
// machine's PostgreSQL with the demo data, wrk with 50 connections, one page at a time.
//   npm run bench:pages
// Env: BENCH_SECONDS (12, per page), BENCH_WARMUP_SECONDS (3, of load on each page before it is
// measured), BENCH_CONNECTIONS (50), BENCH_PAGES (a comma list of the page names in pages-list.ts,
// all by default; the bare page always runs), BENCH_PROFILE_DIR (runs the portal's server under
// --cpu-prof, its CPU profile written there), BENCH_ADMIN_URL
// (postgresql://postgres@127.0.0.1:5432/postgres), NEXT_DIST_DIR (.next-bench).
import pg from "pg";
import { ensureBareBuild, installedVersion, startBareApp } from "./bare-app";
import { buildPortal, cpuInfo, createBenchDatabase, processTreeCpuMs, sessionCookie, startPortal } from "./lib";
import { seedPagesData } from "./pages-data";
import { BARE_EXPECT, P99_LIMIT, selectedPages, type Page } from "./pages-list";
import { hasWrk, runWrk, wrkCommand, type WrkResult } from "./wrk";

const PORTAL_PORT = 3420;
const BARE_PORT = 3421;
const DB_NAME = "bench_pages";
const ADMIN_URL = process.env.BENCH_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const SECONDS = Number(process.env.BENCH_SECONDS ?? 12);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const PROFILE_DIR = process.env.BENCH_PROFILE_DIR;
const KNOBS = [
  "BENCH_SECONDS",
  "BENCH_WARMUP_SECONDS",
  "BENCH_CONNECTIONS",
  "BENCH_PAGES",
  "BENCH_PROFILE_DIR",
  "BENCH_ADMIN_URL",
  "NEXT_DIST_DIR",
];

interface Measured extends WrkResult {
  /** Database transactions per request (approximate), null for the bare page. */
  xactsPerRequest: number | null;
  /** The server's CPU time per request (its process tree, user + system). */
  cpuMsPerRequest: number;
}

/** Fetches the page once as the load will; throws unless it is the real page. */
async function assertRendered(label: string, url: string, cookie: string | undefined, expect: string[]) {
  const response = await fetch(url, { headers: cookie ? { cookie } : {}, redirect: "manual" });
  const html = await response.text();
  if (response.status !== 200) {
    const location = response.headers.get("location");
    throw new Error(`${label}: ${url} answered ${response.status}${location ? ` (to ${location})` : ""}, not the page`);
  }
  const missing = expect.filter((text) => !html.includes(text));
  if (missing.length) throw new Error(`${label}: ${url} rendered without "${missing.join('", "')}": not the real page`);
}

// Transactions of the benchmark's database, committed or not, from PostgreSQL's statistics. Each
// statement outside a transaction is one, so the delta per request approximates the statements a
// page costs. Approximate: backends report their figures about once a second, so the last second
// of one run lands in the next; between runs of the same rate these cancel out.
let stats: pg.Client | undefined;
async function transactions(): Promise<number> {
  if (!stats) throw new Error("not connected");
  const { rows } = await stats.query<{ n: string }>(
    "SELECT (xact_commit + xact_rollback)::text AS n FROM pg_stat_database WHERE datname = $1",
    [DB_NAME],
  );
  return Number(rows[0]?.n ?? Number.NaN);
}

async function measure(
  name: string,
  description: string,
  url: string,
  cookie: string | undefined,
  expect: string[],
  server: { pid: number; onDb: boolean },
) {
  await assertRendered(name, url, cookie, expect);
  const run = { url, cookie, connections: CONNECTIONS };
  await runWrk({ ...run, seconds: WARMUP_SECONDS });
  const before = server.onDb ? await transactions() : 0;
  const cpuBefore = processTreeCpuMs(server.pid);
  const result = await runWrk({ ...run, seconds: SECONDS });
  const cpuMsPerRequest = (processTreeCpuMs(server.pid) - cpuBefore) / Math.max(1, result.requests);
  const xactsPerRequest = server.onDb ? ((await transactions()) - before) / Math.max(1, result.requests) : null;
  const measured: Measured = { ...result, xactsPerRequest, cpuMsPerRequest };
  console.log(
    `  ${name.padEnd(13)} ${result.perSecond.toFixed(1)} req/s, p50 ${result.p50Ms.toFixed(1)} ms, p99 ${result.p99Ms.toFixed(1)} ms, non-2xx ${result.non2xx}, ${cpuMsPerRequest.toFixed(1)} CPU ms/req  ${description}`,
  );
  return measured;
}

const fixed = (n: number, digits: number, width: number) => n.toFixed(digits).padStart(width);
const verdict = (met: boolean) => (met ? "met" : "NOT met");

function commandLine(): string {
  const knobs = KNOBS.filter((k) => process.env[k] !== undefined).map((k) => `${k}=${process.env[k]}`);
  const command =
    process.env.npm_lifecycle_event === "bench:pages"
      ? "npm run bench:pages"
      : "npx tsx --conditions=react-server scripts/bench/pages.ts";
  return [...knobs, command].join(" ");
}

async function main() {
  if (!hasWrk()) {
    console.error("wrk is not installed: apt-get install wrk");
    process.exit(1);
  }
  const pages = selectedPages();
  if (SECONDS + WARMUP_SECONDS > 55) {
    // The proxy renews a session cookie a minute old on every request it sees (wrk never takes
    // the new one), which a browser does once a minute: the signed-in figures would include that.
    console.warn(
      "BENCH_SECONDS + BENCH_WARMUP_SECONDS over 55: the signed-in pages renew their cookie on each request",
    );
  }
  const database = await createBenchDatabase(DB_NAME);
  const servers: { stop: () => Promise<void> }[] = [];
  const failures: string[] = [];
  try {
    // An instance that only serves pages: pg-boss's polling would add its transactions to the counts.
    process.env.JOBS_ENABLED = "false";
    ensureBareBuild();
    await buildPortal();
    // After the build: the open attempt's 30 minutes start now.
    const data = await seedPagesData(database.url);
    const nodeOptions = PROFILE_DIR ? ["--cpu-prof", `--cpu-prof-dir=${PROFILE_DIR}`] : undefined;
    const portal = await startPortal({ databaseUrl: database.url, port: PORTAL_PORT, nodeOptions });
    servers.push(portal);
    const bare = await startBareApp(BARE_PORT);
    servers.push(bare);
    stats = new pg.Client({ connectionString: ADMIN_URL });
    await stats.connect();
    const postgres =
      (await stats.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]?.v ?? "?";
    console.log(`\nnpm run bench:pages: portal pages against a bare Next.js page, in one run`);
    console.log(
      `machine: ${cpuInfo()} (nproc) · Next.js ${installedVersion("next")} · React ${installedVersion("react")}`,
    );
    console.log(`         Node.js ${process.version} · PostgreSQL ${postgres}`);
    console.log(`command: ${commandLine()}`);
    console.log(
      `load:    ${wrkCommand({ url: "URL", connections: CONNECTIONS, seconds: SECONDS })} (-H "cookie: …" signed in), after ${WARMUP_SECONDS} s of the same load`,
    );
    console.log(`portal:  ${portal.base} (production build, demo data, learner 李明, jobs off)`);
    console.log(`bare:    ${bare.base} (next start scripts/bench/bare-app)`);
    if (PROFILE_DIR) console.log(`profile: the portal runs under --cpu-prof (slower), profile in ${PROFILE_DIR}`);
    console.log("");

    // The bare page gets a session cookie too: the same request as a signed-in page's.
    const bareRun = async (label: string) =>
      measure(
        label,
        "bare page",
        `${bare.base}/`,
        await sessionCookie(database.url, "learner", data.learnerId),
        BARE_EXPECT,
        {
          pid: bare.pid,
          onDb: false,
        },
      );
    const bareBefore = await bareRun("bare before");
    const results: { page: Page; measured: Measured }[] = [];
    for (const page of pages) {
      // A fresh cookie for each page, so that none is old enough to be renewed during its run.
      const cookie = page.signedIn ? await sessionCookie(database.url, "learner", data.learnerId) : undefined;
      const measured = await measure(page.name, page.label, portal.base + page.path(data), cookie, page.expect, {
        pid: portal.pid,
        onDb: true,
      });
      results.push({ page, measured });
    }
    const bareAfter = await bareRun("bare after");
    const bareRate = (bareBefore.perSecond + bareAfter.perSecond) / 2;
    const bareP99 = (bareBefore.p99Ms + bareAfter.p99Ms) / 2;

    const header = `${"page".padEnd(13)} ${"req/s".padStart(8)} ${"p50 ms".padStart(8)} ${"p99 ms".padStart(8)} ${"non-2xx".padStart(8)} ${"xact/req".padStart(9)} ${"CPU ms/req".padStart(11)}   ${"req/s ratio (target)".padEnd(24)} p99 ratio (target)`;
    console.log(`\n${header}\n${"-".repeat(header.length)}`);
    const row = (label: string, m: Measured, targets = "") =>
      console.log(
        `${label.padEnd(13)} ${fixed(m.perSecond, 1, 8)} ${fixed(m.p50Ms, 1, 8)} ${fixed(m.p99Ms, 1, 8)} ${String(m.non2xx).padStart(8)} ${(m.xactsPerRequest === null ? "-" : m.xactsPerRequest.toFixed(1)).padStart(9)} ${fixed(m.cpuMsPerRequest, 1, 11)}   ${targets}`,
      );
    row("bare before", bareBefore);
    let met = 0;
    let targets = 0;
    for (const { page, measured } of results) {
      const rate = measured.perSecond / bareRate;
      const p99 = measured.p99Ms / bareP99;
      const rateMet = page.minRate === undefined || rate >= page.minRate;
      const p99Met = p99 <= P99_LIMIT;
      targets += (page.minRate === undefined ? 0 : 1) + 1;
      met += (page.minRate !== undefined && rateMet ? 1 : 0) + (p99Met ? 1 : 0);
      const rateText =
        page.minRate === undefined
          ? `${rate.toFixed(2)} (none)`
          : `${rate.toFixed(2)} (≥ ${page.minRate} ${verdict(rateMet)})`;
      row(page.name, measured, `${rateText.padEnd(24)} ${p99.toFixed(2)} (≤ ${P99_LIMIT} ${verdict(p99Met)})`);
      if (measured.non2xx > 0) failures.push(`${page.name}: ${measured.non2xx} responses outside 2xx under load`);
      if (measured.socketErrors > 0) failures.push(`${page.name}: ${measured.socketErrors} socket errors or timeouts`);
    }
    row("bare after", bareAfter);
    for (const [label, m] of [
      ["bare before", bareBefore],
      ["bare after", bareAfter],
    ] as const) {
      if (m.non2xx > 0 || m.socketErrors > 0)
        failures.push(`${label}: ${m.non2xx} non-2xx, ${m.socketErrors} socket errors`);
    }
    const drift = Math.abs(bareBefore.perSecond - bareAfter.perSecond) / bareRate;
    console.log(
      `\nbare page, mean of before and after: ${bareRate.toFixed(1)} req/s, p99 ${bareP99.toFixed(1)} ms (before and after ${(drift * 100).toFixed(0)}% apart: the noise of this run)`,
    );
    console.log(`targets met: ${met} of ${targets}`);
    for (const failure of failures) console.log(`FAILED: ${failure}`);
    if (failures.length) process.exitCode = 1;
  } finally {
    await stats?.end();
    await Promise.all(servers.map((server) => server.stop()));
    await database.drop();
    if (PROFILE_DIR) console.log(`CPU profile of the portal written to ${PROFILE_DIR}`);
  }
}

await main();
