// Benchmark (not a test): how the staff, support and learner pages grow with the data. The portal
// is built once (production build), then for each size a database seeded with that many learners
// and their history (scale-seed.ts) is served and each page measured: the median of sequential
// requests with the right session, and for the main pages throughput and p99 under wrk.
//   npm run bench:scale
// Env: BENCH_SCALE_SIZES (10000,500000: learners per database), BENCH_SCALE_REUSE=1 (keep a
// database whose seed of that size is complete instead of seeding again; the databases are kept
// after every run), BENCH_SCALE_PAGES (a comma list of page names), BENCH_SCALE_REQUESTS (15),
// BENCH_SCALE_WRK_SECONDS (10), BENCH_ADMIN_URL, NEXT_DIST_DIR (.next-scale).
import { spawnSync } from "node:child_process";
import { buildPortal, cpuInfo, processTreeCpuMs } from "./lib";
import {
  cookieFor,
  measureLoad,
  measureSequential,
  SEQUENTIAL,
  startScalePortal,
  WRK_CONNECTIONS,
  WRK_SECONDS,
  type PageTimes,
} from "./scale-measure";
import { readTargets } from "./scale-pages";
import { COUNTED_TABLES, readSeedMarker, type SeedInfo } from "./scale-seed";
import { hasWrk, type WrkResult } from "./wrk";

const FIRST_PORT = 3430; // 3430–3439: one port per size
const ADMIN_URL = process.env.BENCH_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const SIZES = (process.env.BENCH_SCALE_SIZES ?? "10000,500000").split(",").map((s) => Number(s.trim()));
const REUSE = process.env.BENCH_SCALE_REUSE === "1";
const ONLY = process.env.BENCH_SCALE_PAGES?.split(",").map((s) => s.trim());

const label = (n: number) => (n % 1_000_000 === 0 ? `${n / 1_000_000}M` : n % 1000 === 0 ? `${n / 1000}k` : `${n}`);
const databaseName = (n: number) => `bench_scale_${label(n).toLowerCase()}`;
const databaseUrl = (name: string) => {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
};

interface SizeRun {
  learners: number;
  seed: SeedInfo;
  times: Map<string, PageTimes>;
  load: Map<string, WrkResult & { cpuMsPerRequest: number }>;
}

/** Seeds in a process of its own: the portal's modules bind to one database per process. */
function seed(learners: number, name: string, reuse: boolean): void {
  const args = ["tsx", "--conditions=react-server", "scripts/bench/scale-seed.ts", String(learners), name];
  // A kept seed gets the migrations added since (prepareScaleDatabase).
  if (reuse) args.push("--reuse");
  const run = spawnSync("npx", args, { stdio: "inherit", env: process.env });
  if (run.status !== 0) throw new Error(`the seed of ${name} failed (exit code ${run.status})`);
}

async function runSize(learners: number, port: number, distDir: string): Promise<SizeRun> {
  const name = databaseName(learners);
  let marker = REUSE ? await readSeedMarker(name, learners) : null;
  const reused = marker !== null;
  console.log(`\n${label(learners)} learners: database ${name}${reused ? " (reused, seeded before)" : ", seeding"}`);
  seed(learners, name, reused);
  marker = await readSeedMarker(name, learners);
  if (!marker) throw new Error(`the seed of ${name} left no marker`);
  const url = databaseUrl(name);
  const targets = await readTargets(url);
  const pages = targets.pages.filter((p) => !ONLY?.length || ONLY.includes(p.name));
  const portal = await startScalePortal(url, port, distDir);
  const times = new Map<string, PageTimes>();
  const load = new Map<string, WrkResult & { cpuMsPerRequest: number }>();
  try {
    for (const page of pages) {
      // A fresh session per page: none is old enough to be renewed on each request.
      const t = await measureSequential(portal.base, await cookieFor(url, targets, page), page);
      times.set(page.name, t);
      console.log(
        `  ${page.name.padEnd(24)} median ${t.medianMs.toFixed(1).padStart(8)} ms  p90 ${t.p90Ms.toFixed(1).padStart(8)} ms  cold ${t.coldMs.toFixed(0).padStart(6)} ms  ${page.path}`,
      );
    }
    for (const page of pages.filter((p) => p.load)) {
      const cpuBefore = processTreeCpuMs(portal.pid);
      const r = await measureLoad(portal.base, await cookieFor(url, targets, page), page);
      const cpuMsPerRequest = (processTreeCpuMs(portal.pid) - cpuBefore) / Math.max(1, r.requests);
      load.set(page.name, { ...r, cpuMsPerRequest });
      console.log(
        `  wrk ${page.name.padEnd(20)} ${r.perSecond.toFixed(1)} req/s, p50 ${r.p50Ms.toFixed(0)} ms, p99 ${r.p99Ms.toFixed(0)} ms, non-2xx ${r.non2xx}, errors ${r.socketErrors}`,
      );
    }
  } finally {
    await portal.stop();
  }
  return { learners, seed: { ...marker, reused }, times, load };
}

const num = (n: number | undefined, digits = 1, width = 10) =>
  (n === undefined || Number.isNaN(n) ? "-" : n.toFixed(digits)).padStart(width);

function report(runs: SizeRun[]): void {
  const first = runs[0]!;
  const last = runs[runs.length - 1]!;
  const [a, b] = [label(first.learners), label(last.learners)];
  console.log(`\nseed (rows; seconds of the seed when it ran)`);
  console.log(`${"table".padEnd(18)}${runs.map((r) => label(r.learners).padStart(12)).join("")}`);
  for (const table of COUNTED_TABLES)
    console.log(`${table.padEnd(18)}${runs.map((r) => String(r.seed.counts[table] ?? "-").padStart(12)).join("")}`);
  console.log(`${"seed seconds".padEnd(18)}${runs.map((r) => num(r.seed.seconds, 1, 12)).join("")}`);

  const header = `${"page".padEnd(24)}${runs.map((r) => `${label(r.learners)} median ms`.padStart(17)).join("")}${`${a}→${b}`.padStart(10)}${runs.map((r) => `${label(r.learners)} cold ms`.padStart(15)).join("")}`;
  console.log(`\nsingle requests: median of ${SEQUENTIAL} sequential requests after 3 warm-ups\n${header}`);
  console.log("-".repeat(header.length));
  let worst = { ratio: 0, page: "" };
  for (const name of first.times.keys()) {
    const medians = runs.map((r) => r.times.get(name)?.medianMs);
    const ratio = (last.times.get(name)?.medianMs ?? NaN) / (first.times.get(name)?.medianMs ?? NaN);
    if (ratio > worst.ratio) worst = { ratio, page: name };
    console.log(
      `${name.padEnd(24)}${medians.map((m) => num(m, 1, 17)).join("")}${num(ratio, 1, 9)}×${runs.map((r) => num(r.times.get(name)?.coldMs, 0, 15)).join("")}`,
    );
  }
  console.log(`\nthroughput: wrk -t2 -c${WRK_CONNECTIONS} -d${WRK_SECONDS}s after 2 s of the same load`);
  const wrkHeader = `${"page".padEnd(16)}${"size".padStart(6)}${"req/s".padStart(9)}${"p50 ms".padStart(9)}${"p99 ms".padStart(9)}${"CPU ms/req".padStart(11)}${"non-2xx".padStart(9)}`;
  console.log(`${wrkHeader}\n${"-".repeat(wrkHeader.length)}`);
  for (const name of first.load.keys()) {
    for (const r of runs) {
      const w = r.load.get(name);
      console.log(
        `${name.padEnd(16)}${label(r.learners).padStart(6)}${num(w?.perSecond, 1, 9)}${num(w?.p50Ms, 0, 9)}${num(w?.p99Ms, 0, 9)}${num(w?.cpuMsPerRequest, 1, 11)}${String(w?.non2xx ?? "-").padStart(9)}`,
      );
    }
  }
  console.log(`\nworst growth ${a}→${b}: ${worst.ratio.toFixed(1)}× (${worst.page})`);
}

async function main() {
  if (!hasWrk()) {
    console.error("wrk is not installed: apt-get install wrk");
    process.exit(1);
  }
  if (SIZES.length < 2 || SIZES.some((n) => !Number.isInteger(n) || n < 100) || SIZES.length > 10) {
    console.error("BENCH_SCALE_SIZES: two to ten learner counts of at least 100, e.g. 10000,500000");
    process.exit(2);
  }
  process.env.NEXT_DIST_DIR ??= ".next-scale";
  process.env.JOBS_ENABLED = "false";
  const distDir = await buildPortal();
  console.log(`\nnpm run bench:scale: pages at ${SIZES.map(label).join(", ")} learners`);
  console.log(`machine: ${cpuInfo()} (nproc) · Node.js ${process.version} · ${new Date().toISOString()}`);
  const runs: SizeRun[] = [];
  for (const [i, learners] of SIZES.entries()) runs.push(await runSize(learners, FIRST_PORT + i, distDir));
  report(runs);
}

await main();
