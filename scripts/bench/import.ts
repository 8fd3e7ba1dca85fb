// Benchmark (not a test) of the bulk import (批量导入): 10,000 learners from a CSV file, dry run
// then commit, and the same 10,000 again from an .xlsx workbook with 2,000 changed, against the
// machine's PostgreSQL. Target: dry run + commit under 30 s each time. Prints the figures.
//   npx tsx --conditions=react-server scripts/bench/import.ts
// Env: BENCH_ADMIN_URL (postgresql://postgres@127.0.0.1:5432/postgres), BENCH_ROWS (10000).
import ExcelJS from "exceljs";
import { computeCheckCharacter } from "../../src/domain/identity";
import { IMPORT_HEADERS } from "../../src/domain/import";
import { currentYear } from "../../src/lib/time";
import { BENCH_SECRETS, cpuInfo, createBenchDatabase } from "./lib";

const ROWS = Number(process.env.BENCH_ROWS ?? 10_000);
const CHANGED = Math.floor(ROWS / 5);
const DISTRICTS = ["江岸区", "江汉区", "硚口区", "汉阳区", "武昌区", "青山区", "洪山区", "东湖高新区"];
const QUALIFICATIONS = ["无", "初级", "中级", "高级"];

/** The n-th of a run of distinct, valid ID numbers (born 1960–1999, Wuhan area codes). */
function idNumber(n: number): string {
  const birth = new Date(Date.UTC(1960, 0, 1) + (n % 14_000) * 86_400_000)
    .toISOString()
    .slice(0, 10)
    .replaceAll("-", "");
  const first17 = `4201${String(2 + (n % 13)).padStart(2, "0")}${birth}${String(100 + Math.floor(n / 14_000)).padStart(3, "0")}`;
  return first17 + computeCheckCharacter(first17);
}

function rows(employer: (n: number) => string): string[][] {
  return Array.from({ length: ROWS }, (_, n) => [
    idNumber(n),
    `学员${String.fromCharCode(0x4e00 + (n % 500))}${String.fromCharCode(0x4e00 + ((n * 7) % 800))}`,
    DISTRICTS[n % DISTRICTS.length] ?? "江岸区",
    employer(n),
    QUALIFICATIONS[n % QUALIFICATIONS.length] ?? "无",
    String(currentYear() - (n % 3)),
    n % 2 === 0 ? `139${String(10_000_000 + n).slice(-8)}` : "",
  ]);
}

function csvBytes(data: string[][]): Uint8Array {
  return new TextEncoder().encode(`\uFEFF${[IMPORT_HEADERS, ...data].map((r) => r.join(",")).join("\r\n")}\r\n`);
}

async function xlsxBytes(data: string[][]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("信息采集表");
  sheet.addRow([...IMPORT_HEADERS]);
  for (const row of data) sheet.addRow(row);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const database = await createBenchDatabase("bench_import");
Object.assign(process.env, BENCH_SECRETS, { DATABASE_URL: database.url, LOG_LEVEL: "warn" });
const { getDb } = await import("../../src/server/db");
const { seedReferenceData } = await import("../../prisma/seed");
const { planImport } = await import("../../src/server/import/plan-import");
const { commitImport } = await import("../../src/server/import/commit-import");

async function run(label: string, bytes: Uint8Array, staff: Parameters<typeof commitImport>[0]) {
  let started = performance.now();
  const plan = await planImport(staff, bytes);
  const dryRun = (performance.now() - started) / 1000;
  started = performance.now();
  const result = await commitImport(staff, { bytes, fileName: label, digest: plan.digest }, "127.0.0.1");
  const commit = (performance.now() - started) / 1000;
  const { counts } = plan;
  console.log(
    `  ${label.padEnd(24)} ${(bytes.byteLength / 1024).toFixed(0).padStart(5)} KB  ` +
      `new ${counts.new} changed ${counts.changed} unchanged ${counts.unchanged} invalid ${counts.invalid}  ` +
      `dry run ${dryRun.toFixed(2)} s  commit ${commit.toFixed(2)} s  total ${(dryRun + commit).toFixed(2)} s` +
      `  (written: ${result.created} created, ${result.updated} updated)`,
  );
  return dryRun + commit;
}

try {
  const db = getDb();
  await seedReferenceData(db);
  const admin = await db.staffUser.create({
    data: { username: "bench-city", displayName: "压测管理员", passwordHash: "!", role: "CITY_ADMIN" },
  });
  const staff = { ...admin, mustChangePassword: false };
  console.log(`bulk import, ${ROWS} rows, ${cpuInfo()}, PostgreSQL ${database.url.split("@")[1]}`);
  const first = await run("CSV, all new", csvBytes(rows(() => "武汉市压测单位有限公司")), staff);
  const second = await run(
    `XLSX, ${CHANGED} changed`,
    await xlsxBytes(rows((n) => (n % 5 === 0 ? "武汉市压测单位（变更后）" : "武汉市压测单位有限公司"))),
    staff,
  );
  const learners = await db.learner.count();
  const audits = await db.auditLog.count();
  console.log(`  learners ${learners}, audit rows ${audits}`);
  console.log(`  target: under 30 s per import — ${Math.max(first, second) < 30 ? "met" : "MISSED"}`);
  await db.$disconnect();
} finally {
  await database.drop();
}
