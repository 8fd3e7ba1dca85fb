// Benchmark (not a test): 学时证明 downloads. The PDF's generation alone (in this process, one at a
// time), then GET /certificates/<code> through HTTP under wrk against the dashboard in the same
// run (production build, the machine's PostgreSQL, the demo data, 李明's 2024 certificate), and
// the server's resident memory over at least 1,000 downloads.
//   npm run bench:certificates
// Env: BENCH_SECONDS (12, per wrk run), BENCH_CONNECTIONS (50), BENCH_RENDERS (300),
// BENCH_ADMIN_URL (postgresql://postgres@127.0.0.1:5432/postgres), NEXT_DIST_DIR (.next-bench).
import { readFileSync } from "node:fs";
import { BENCH_SECRETS, buildPortal, cpuInfo, createBenchDatabase, percentile, sessionCookie, startPortal } from "./lib";
import { hasWrk, runWrk, wrkCommand, type WrkResult } from "./wrk";

const PORT = 3430;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 12);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const RENDERS = Number(process.env.BENCH_RENDERS ?? 300);
const DOWNLOADS_FOR_MEMORY = 1000;
// Targets of issue 18.
const P99_TARGET_MS = 200;
const RSS_GROWTH_TARGET_MB = 100;

/** Resident memory of a process, in MB, from /proc (Linux). */
function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8")
    .split("\n")
    .find((l) => l.startsWith("VmRSS:"));
  return Number(line?.match(/\d+/)?.[0] ?? Number.NaN) / 1024;
}

const ms = (n: number) => `${n.toFixed(1)} ms`;
const line = (label: string, r: WrkResult) =>
  `  ${label.padEnd(22)} ${r.perSecond.toFixed(1).padStart(7)} req/s  p50 ${ms(r.p50Ms).padStart(9)}  p99 ${ms(r.p99Ms).padStart(9)}  non-2xx ${r.non2xx}  errors ${r.socketErrors}`;

async function main() {
  if (!hasWrk()) {
    console.error("wrk is not installed: apt-get install wrk");
    process.exit(1);
  }
  process.env.JOBS_ENABLED = "false";
  const database = await createBenchDatabase("bench_certificates");
  let stop: (() => Promise<void>) | undefined;
  try {
    await buildPortal();
    Object.assign(process.env, BENCH_SECRETS, { DATABASE_URL: database.url });
    const { getDb } = await import("../../src/server/db");
    const { seedDemoData } = await import("../../prisma/seed");
    const { hashIdNumber } = await import("../../src/server/identity/id-number-crypto");
    const { issueMissingCertificates } = await import("../../src/server/certificates/issue-missing-certificates");
    const { certificateDocument } = await import("../../src/server/certificates/certificate-document");
    const { renderCertificatePdf } = await import("../../src/server/certificates/render-certificate-pdf");
    await seedDemoData(getDb(), { staffPassword: "Bench-Password-2026!" });
    await issueMissingCertificates();
    const liMing = await getDb().learner.findUniqueOrThrow({
      where: { idNumberHmac: hashIdNumber("420102198503121238") },
      include: { district: true },
    });
    const certificate = await getDb().certificate.findFirstOrThrow({
      where: { learnerId: liMing.id, year: 2024, state: "VALID" },
    });

    // 1. Generation alone: the document and its PDF, one after another, after a warm-up.
    const doc = () => certificateDocument({ ...certificate, districtId: liMing.districtId }, "http://127.0.0.1");
    for (let i = 0; i < 20; i++) await renderCertificatePdf(doc());
    const renders: number[] = [];
    let bytes = 0;
    for (let i = 0; i < RENDERS; i++) {
      const t = performance.now();
      bytes = (await renderCertificatePdf(doc())).length;
      renders.push(performance.now() - t);
    }
    renders.sort((a, b) => a - b);
    await getDb().$disconnect();

    // 2. Through HTTP, against the dashboard, with a fresh session cookie per run (a minute-old
    // cookie is renewed on each request, which a browser does once a minute).
    const portal = await startPortal({ databaseUrl: database.url, port: PORT });
    stop = portal.stop;
    const pdfUrl = `${portal.base}/certificates/${certificate.code}`;
    const dashboardUrl = `${portal.base}/`;
    const cookie = () => sessionCookie(database.url, "learner", liMing.id);
    const check = await fetch(pdfUrl, { headers: { cookie: await cookie() } });
    const body = Buffer.from(await check.arrayBuffer());
    if (check.status !== 200 || body.subarray(0, 5).toString() !== "%PDF-") {
      throw new Error(`${pdfUrl} answered ${check.status} ${check.headers.get("content-type")}, not the PDF`);
    }
    const page = await (await fetch(dashboardUrl, { headers: { cookie: await cookie() } })).text();
    if (!page.includes("下载学时证明")) throw new Error("The dashboard rendered without 下载学时证明");

    const run = async (url: string, seconds: number, connections = CONNECTIONS) =>
      runWrk({ url, connections, seconds, cookie: await cookie() });
    await run(dashboardUrl, 3);
    const rssBefore = rssMb(portal.pid);
    let rssPeak = rssBefore;
    const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, rssMb(portal.pid))), 100);
    let downloads = 0;
    const warm = await run(pdfUrl, 3);
    downloads += warm.requests;
    const dashboard = await run(dashboardUrl, SECONDS);
    const pdf = await run(pdfUrl, SECONDS);
    downloads += pdf.requests;
    while (downloads < DOWNLOADS_FOR_MEMORY) downloads += (await run(pdfUrl, 5)).requests;
    clearInterval(sampler);
    const rssAfter = rssMb(portal.pid);

    const renderP99 = percentile(renders, 99);
    const growth = rssPeak - rssBefore;
    console.log(`\nnpm run bench:certificates: 学时证明 downloads, ${cpuInfo()} (nproc), ${new Date().toISOString()}`);
    console.log(`PDF generation alone (${RENDERS} in a row, in this process; ${(bytes / 1024).toFixed(1)} KB each):`);
    console.log(
      `  p50 ${ms(percentile(renders, 50))}  p99 ${ms(renderP99)}  max ${ms(renders.at(-1)!)}  (target p99 ≤ ${P99_TARGET_MS} ms: ${renderP99 <= P99_TARGET_MS ? "met" : "NOT met"})`,
    );
    console.log(`Through HTTP, ${CONNECTIONS} connections, ${SECONDS} s each, signed in as 李明:`);
    console.log(`  ${wrkCommand({ url: pdfUrl, connections: CONNECTIONS, seconds: SECONDS, cookie: "…" })}`);
    console.log(line("dashboard (/)", dashboard));
    console.log(line("/certificates/<code>", pdf));
    console.log(`  ratio PDF / dashboard: ${(pdf.perSecond / dashboard.perSecond).toFixed(2)}× the requests per second`);
    console.log(`Server memory over ${downloads} downloads (the dashboard's run included):`);
    console.log(
      `  RSS before ${rssBefore.toFixed(0)} MB, peak ${rssPeak.toFixed(0)} MB, after ${rssAfter.toFixed(0)} MB: growth ${growth.toFixed(0)} MB (target ≤ ${RSS_GROWTH_TARGET_MB} MB: ${growth <= RSS_GROWTH_TARGET_MB ? "met" : "NOT met"})`,
    );
    if (pdf.non2xx || pdf.socketErrors) throw new Error("Some downloads failed");
  } finally {
    await stop?.();
    await database.drop();
  }
}

await main();
