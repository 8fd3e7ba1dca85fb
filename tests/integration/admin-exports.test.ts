// The provincial export: which learner-years a batch holds, the files (BOM, header, ID numbers
// as text, credits and hours as numbers, checksum, identical re-download), checksums of batches
// written in an earlier format, who may create and download, and the scheduled job's idempotence
// under concurrency.
import { createHash } from "node:crypto";
import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { beforeAll, beforeEach, describe, expect, inject, it, vi } from "vitest";
import { seedReferenceData } from "../../prisma/seed";
import { GET as downloadCsv } from "../../src/app/admin/exports/[batchId]/export.csv/route";
import { GET as downloadXlsx } from "../../src/app/admin/exports/[batchId]/export.xlsx/route";
import { EXPORT_FORMAT_VERSION, EXPORT_HEADER, shanghaiDate, TRAINING_INSTITUTION } from "../../src/domain/exports";
import { createExportBatchAction } from "../../src/server/actions/exports";
import { recordCreditAdjustment } from "../../src/server/credits/record-adjustment";
import { getDb } from "../../src/server/db";
import { encryptIdNumber } from "../../src/server/identity/id-number-crypto";
import { createExportBatch } from "../../src/server/exports/create-export-batch";
import { readReportingStatus } from "../../src/server/exports/read-reporting-status";
import { listExportBatches } from "../../src/server/exports/list-export-batches";
import { runScheduledExports } from "../../src/server/jobs/run-scheduled-exports";
import { EXPORT_QUEUE, startJobs } from "../../src/server/jobs/start-jobs";
import { isPglite } from "../../scripts/db/schema-engine";
import { createLearner, createStaff, recordCredits, uniqueIdNumber } from "../support/factories";
import { truncateData } from "../support/reset-database";
import { signInAs, signOutAll } from "../support/session-mock";

vi.mock("@/server/auth/config", async (importOriginal) =>
  (await import("../support/session-mock")).mockAuthConfig(await importOriginal()),
);
vi.mock("next/headers", async () => (await import("../support/session-mock")).mockNextHeaders());

const YEAR = 2024;

async function download(format: "csv" | "xlsx", batchId: number | string): Promise<Response> {
  const request = new Request(`http://localhost/admin/exports/${batchId}/export.${format}`);
  const handler = format === "csv" ? downloadCsv : downloadXlsx;
  return handler(request, { params: Promise.resolve({ batchId: String(batchId) }) });
}

async function bytesOf(response: Response): Promise<Buffer> {
  return Buffer.from(await response.arrayBuffer());
}

function csvRecords(bytes: Buffer): string[][] {
  return parse(bytes.toString("utf8"), { bom: true, relax_column_count: false });
}

async function setUp() {
  const city = await createStaff({ role: "CITY_ADMIN" });
  const complete = { idNumber: uniqueIdNumber(), name: "张明" };
  const a = await createLearner({ ...complete, startYear: YEAR, districtCode: "jiangan" });
  const b = await createLearner({ startYear: YEAR, districtCode: "wuchang" });
  const partial = await createLearner({ startYear: YEAR, districtCode: "jiangan" });
  const later = await createLearner({ startYear: YEAR + 1, districtCode: "jiangan" });
  await recordCredits(a.id, YEAR, { professional: 60, public: 36 }, city.id);
  await recordCredits(b.id, YEAR, { professional: 90 }, city.id);
  await recordCredits(partial.id, YEAR, { professional: 30, public: 60 }, city.id); // 90, but 30 professional
  await recordCredits(later.id, YEAR + 1, { professional: 90 }, city.id);
  return { city, a, b, partial, later, complete };
}

describe("provincial export batches", () => {
  beforeAll(async () => {
    await seedReferenceData(getDb());
  });
  beforeEach(async () => {
    await truncateData(inject("databaseUrl"));
    signOutAll();
  });

  it("holds exactly the complete learner-years not yet exported, then nothing, then the changed ones", async () => {
    const { city, a, b } = await setUp();
    const first = await createExportBatch({ year: YEAR, trigger: "MANUAL", createdById: city.id });
    expect(first.rowCount).toBe(2);
    const rows = await getDb().exportRow.findMany({ where: { batchId: first.batchId ?? -1 }, orderBy: { seq: "asc" } });
    expect(rows.map((r) => r.learnerId).sort()).toEqual([a.id, b.id].sort());
    expect(rows.find((r) => r.learnerId === a.id)).toMatchObject({
      year: YEAR,
      totalCredits: 96,
      professionalCredits: 60,
      publicCredits: 36,
      hoursTenths: 320,
      districtName: "江岸区",
      kind: "NEW",
    });

    expect(await createExportBatch({ year: YEAR, trigger: "MANUAL", createdById: city.id })).toEqual({
      batchId: null,
      year: YEAR,
      rowCount: 0,
    });
    expect(await getDb().exportBatch.count()).toBe(1);

    await recordCreditAdjustment({
      learnerId: a.id,
      year: YEAR,
      category: "PUBLIC",
      credits: 4,
      reason: "补登会议学分",
      recordedById: city.id,
    });
    const third = await createExportBatch({ year: YEAR, trigger: "MANUAL", createdById: city.id });
    expect(third.rowCount).toBe(1);
    expect(await getDb().exportRow.findFirst({ where: { batchId: third.batchId ?? -1 } })).toMatchObject({
      learnerId: a.id,
      totalCredits: 100,
      publicCredits: 40,
      kind: "CORRECTION",
    });
    // Generated is not reported: nothing is uploaded yet (export-lifecycle.test.ts goes on).
    expect((await readReportingStatus(a.id)).has(YEAR)).toBe(false);
    expect((await readReportingStatus(b.id)).has(YEAR + 1)).toBe(false);
  });

  it("dates completion at the entry that last made the year complete", async () => {
    const city = await createStaff();
    const learner = await createLearner({ startYear: YEAR });
    const adjust = (credits: number) =>
      recordCreditAdjustment({
        learnerId: learner.id,
        year: YEAR,
        category: "PUBLIC",
        credits,
        reason: "更正",
        recordedById: city.id,
      });
    // Each entry a minute after the one before on the process's clock (which dates the ledger's
    // entries), so that the date tells which entry it is.
    const start = Date.now();
    const minute = (n: number) => new Date(start + n * 60_000);
    vi.useFakeTimers({ toFake: ["Date"] });
    let crossing: Awaited<ReturnType<typeof adjust>>;
    try {
      vi.setSystemTime(minute(0));
      await recordCredits(learner.id, YEAR, { professional: 60, public: 30 }, city.id);
      vi.setSystemTime(minute(1));
      await adjust(-30);
      vi.setSystemTime(minute(2));
      crossing = await adjust(40);
      vi.setSystemTime(minute(3));
      await adjust(5); // after completion: does not move the date
    } finally {
      vi.useRealTimers();
    }
    const { batchId } = await createExportBatch({ year: YEAR, trigger: "MANUAL", createdById: null });
    const row = await getDb().exportRow.findFirstOrThrow({ where: { batchId: batchId ?? -1 } });
    const entry = await getDb().creditEntry.findUniqueOrThrow({ where: { id: BigInt(crossing.entryId) } });
    expect(entry.recordedAt).toEqual(minute(2));
    expect(row.completedAt).toEqual(entry.recordedAt);
    expect(row.totalCredits).toBe(105);
  });

  it("serves a CSV with BOM, header and plain quoted ID numbers, matching the checksum, identical every time", async () => {
    const { city, complete } = await setUp();
    const { batchId } = await createExportBatch({ year: YEAR, trigger: "MANUAL", createdById: city.id });
    signInAs("staff", city.id);
    const response = await download("csv", batchId ?? -1);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const bytes = await bytesOf(response);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString("utf8");
    expect(text.split("\r\n")).toHaveLength(3 + 1);
    // The ID number quoted, with nothing around its 18 characters (no tab, no space).
    expect(text).toContain(`\r\n"${complete.idNumber}",${complete.name},`);
    expect(text).not.toContain("\t");
    const records = csvRecords(bytes);
    expect(records[0]).toEqual([...EXPORT_HEADER]);
    expect(records).toHaveLength(3);
    for (const record of records.slice(1)) expect(record[0]).toMatch(/^[0-9X]{18}$/);
    const line = records.find((r) => r[1] === complete.name);
    expect(line).toEqual([
      complete.idNumber,
      complete.name,
      "2024",
      "96",
      "60",
      "36",
      "32.0",
      expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      "江岸区",
      TRAINING_INSTITUTION,
      "新报",
    ]);

    const stored = await getDb().exportRow.findFirstOrThrow({ where: { batchId: batchId ?? -1, name: complete.name } });
    expect(line?.[7]).toBe(shanghaiDate(stored.completedAt));
    const batch = await getDb().exportBatch.findUniqueOrThrow({ where: { id: batchId ?? -1 } });
    expect(createHash("sha256").update(bytes).digest("hex")).toBe(batch.checksum);
    const created = await getDb().auditLog.findFirstOrThrow({
      where: { action: "export.batch.create", targetId: String(batchId) },
    });
    expect(created.details).toMatchObject({ checksum: batch.checksum, format: EXPORT_FORMAT_VERSION });
    // Later changes to the learner do not change the file already handed over.
    await getDb().learner.updateMany({ where: { name: complete.name }, data: { name: "张明明" } });
    expect((await bytesOf(await download("csv", batchId ?? -1))).equals(bytes)).toBe(true);
  });

  it("serves an XLSX with the ID number as text, credits and hours as numbers, the same lines as the CSV", async () => {
    const { city, complete } = await setUp();
    const { batchId } = await createExportBatch({ year: YEAR, trigger: "MANUAL", createdById: city.id });
    signInAs("staff", city.id);
    const response = await download("xlsx", batchId ?? -1);
    expect(response.status).toBe(200);
    const bytes = Buffer.from(await response.arrayBuffer());
    // The same batch, the same file (the timestamps inside are the batch's).
    expect(Buffer.from(await (await download("xlsx", batchId ?? -1)).arrayBuffer()).equals(bytes)).toBe(true);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet?.getRow(1).values).toEqual([undefined, ...EXPORT_HEADER]);
    const rows = [2, 3].map((n) => sheet?.getRow(n));
    const mine = rows.find((row) => row?.getCell(2).value === complete.name);
    expect(mine?.getCell(1).value).toBe(complete.idNumber);
    expect(mine?.getCell(1).type).toBe(ExcelJS.ValueType.String);
    // 总学分, 专业科目学分, 公需科目学分, 学时: numbers, the hours shown with one decimal.
    expect([4, 5, 6, 7].map((c) => mine?.getCell(c).value)).toEqual([96, 60, 36, 32]);
    for (const c of [4, 5, 6, 7]) expect(mine?.getCell(c).type).toBe(ExcelJS.ValueType.Number);
    expect(mine?.getCell(7).numFmt).toBe("0.0");
    expect(mine?.getCell(3).value).toBe("2024");
    const csv = csvRecords(await bytesOf(await download("csv", batchId ?? -1)));
    const csvLine = csv.find((r) => r[1] === complete.name);
    // The CSV's figures are the same numbers; the other fields the same strings.
    const numeric = new Set([3, 4, 5, 6]);
    expect(csvLine?.map((field, i) => (numeric.has(i) ? Number(field) : field))).toEqual(
      Array.from({ length: EXPORT_HEADER.length }, (_, i) => mine?.getCell(i + 1).value),
    );
  });

  it("gives a batch checksummed in an earlier format the checksum of the file it downloads as now", async () => {
    const city = await createStaff({ role: "CITY_ADMIN" });
    const idNumber = uniqueIdNumber();
    // As a batch of format 1 was left: rows, and the checksum of other bytes.
    const old = await getDb().exportBatch.create({
      data: { year: YEAR, trigger: "MANUAL", rowCount: 1, checksum: "0".repeat(64), formatVersion: 1 },
    });
    await getDb().$executeRawUnsafe(
      `INSERT INTO "ExportRow" ("batchId", "seq", "learnerId", "year", "idNumberEncrypted", "name", "districtId",
         "districtName", "totalCredits", "professionalCredits", "publicCredits", "hoursTenths", "completedAt")
       SELECT $1, 1, 'learner', $2, $3, '张明', "id", "name", 96, 60, 36, 320, TIMESTAMP '2024-06-01 08:00:00'
       FROM "District" WHERE "code" = 'jiangan'`,
      old.id,
      YEAR,
      encryptIdNumber(idNumber),
    );
    // Nothing is due in the year: no new batch, but the old one's checksum is brought up to date.
    expect(await createExportBatch({ year: YEAR, trigger: "MANUAL", createdById: city.id })).toMatchObject({
      batchId: null,
    });
    signInAs("staff", city.id);
    const bytes = await bytesOf(await download("csv", old.id));
    expect(csvRecords(bytes)[1]?.[0]).toBe(idNumber);
    const checksum = createHash("sha256").update(bytes).digest("hex");
    expect(await getDb().exportBatch.findUniqueOrThrow({ where: { id: old.id } })).toMatchObject({
      checksum,
      formatVersion: 2,
    });
    const refreshed = await getDb().auditLog.findMany({
      where: { action: "export.batch.checksum", targetId: String(old.id) },
    });
    expect(refreshed.map((r) => r.details)).toEqual([
      { format: EXPORT_FORMAT_VERSION, previousFormat: 1, previousChecksum: "0".repeat(64), checksum },
    ]);
    // Once only: the next run finds it in the current format.
    await createExportBatch({ year: YEAR, trigger: "MANUAL", createdById: city.id });
    expect(await getDb().auditLog.count({ where: { action: "export.batch.checksum" } })).toBe(1);
  });

  it("lets only the city office create batches", async () => {
    await setUp();
    expect(await createExportBatchAction(null, { year: YEAR })).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    for (const role of ["DISTRICT_ADMIN", "SUPPORT"] as const) {
      signInAs("staff", (await createStaff({ role })).id);
      expect(await createExportBatchAction(null, { year: YEAR })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    }
    signInAs("learner", (await createLearner()).id);
    expect(await createExportBatchAction(null, { year: YEAR })).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    expect(await getDb().exportBatch.count()).toBe(0);
    signInAs("staff", (await createStaff({ role: "CITY_ADMIN" })).id);
    expect(await createExportBatchAction(null, { year: YEAR })).toMatchObject({ ok: true, data: { rowCount: 2 } });
    expect(await createExportBatchAction(null, { year: 2017 })).toMatchObject({ ok: false, code: "YEAR_OUT_OF_RANGE" });
  });

  it("gives a district administrator their district's lines only, and nobody else anything", async () => {
    const { city, b } = await setUp();
    const { batchId } = await createExportBatch({ year: YEAR, trigger: "MANUAL", createdById: city.id });
    const id = batchId ?? -1;

    const wuchang = await createStaff({ role: "DISTRICT_ADMIN", districtCode: "wuchang" });
    expect(await listExportBatches(wuchang)).toEqual([
      expect.objectContaining({ id, year: YEAR, rowCount: 1, checksum: null, createdBy: "测试管理员" }),
    ]);
    expect(await listExportBatches(city)).toEqual([
      expect.objectContaining({ id, rowCount: 2, checksum: expect.stringMatching(/^[0-9a-f]{64}$/) }),
    ]);
    expect(await listExportBatches(await createStaff({ role: "SUPPORT" }))).toEqual([]);
    signInAs("staff", wuchang.id);
    const records = csvRecords(await bytesOf(await download("csv", id)));
    expect(records).toHaveLength(2);
    expect(records[1]?.[8]).toBe("武昌区");

    const hongshan = await createStaff({ role: "DISTRICT_ADMIN", districtCode: "hongshan" });
    expect(await listExportBatches(hongshan)).toEqual([]);
    signInAs("staff", hongshan.id);
    expect((await download("csv", id)).status).toBe(404);
    expect((await download("xlsx", id)).status).toBe(404);
    signInAs("staff", (await createStaff({ role: "SUPPORT" })).id);
    expect((await download("csv", id)).status).toBe(403);
    signInAs("learner", b.id);
    expect((await download("csv", id)).status).toBe(401);
    signOutAll();
    expect((await download("xlsx", id)).status).toBe(401);
    signInAs("staff", city.id);
    expect((await download("csv", "1; DROP TABLE")).status).toBe(404);
    expect((await download("csv", id + 1)).status).toBe(404);
    // Beyond the id column's range: not found, not a database error.
    for (const beyond of ["2147483648", "9999999999"]) expect((await download("xlsx", beyond)).status).toBe(404);
    expect((await download("csv", "2147483647")).status).toBe(404);
  });

  // 24 export processes, one after another per run (each a Node start): ~20 s on an idle 2-core
  // machine, more when it is busy. The limit only ends a hung run.
  it("runs the scheduled job idempotently, even twice at once", { timeout: 120_000 }, async () => {
    const { a, b, later } = await setUp();
    const [one, two] = await Promise.all([runScheduledExports(), runScheduledExports()]);
    const created = [...one, ...two].filter((r) => r.batchId !== null);
    expect(created.map((r) => [r.year, r.rowCount]).sort()).toEqual([
      [YEAR, 2],
      [YEAR + 1, 1],
    ]);
    expect((await runScheduledExports()).every((r) => r.batchId === null)).toBe(true);
    const rows = await getDb().exportRow.findMany({ select: { learnerId: true, year: true } });
    expect(rows.map((r) => `${r.learnerId}:${r.year}`).sort()).toEqual(
      [`${a.id}:${YEAR}`, `${b.id}:${YEAR}`, `${later.id}:${YEAR + 1}`].sort(),
    );
    expect(await getDb().exportBatch.findMany({ select: { trigger: true, createdById: true } })).toEqual([
      { trigger: "SCHEDULED", createdById: null },
      { trigger: "SCHEDULED", createdById: null },
    ]);
  });

  it("leaves the job runner off on PGlite", async ({ skip }) => {
    skip(!(await isPglite(inject("databaseUrl"))), "PostgreSQL: the next test schedules the export");
    expect(await startJobs({ exportCron: "0 2 * * *" })).toBeNull();
  });

  it("schedules the export on pg-boss (real PostgreSQL), whose worker creates the batches", async ({ skip }) => {
    skip(await isPglite(inject("databaseUrl")), "PGlite: the job runner is not started (the test before)");
    const { a } = await setUp();
    const boss = await startJobs({ exportCron: "0 2 * * *" });
    if (!boss) throw new Error("the job runner did not start on PostgreSQL");
    try {
      expect(await boss.getSchedules()).toEqual([
        expect.objectContaining({
          name: EXPORT_QUEUE,
          cron: "0 2 * * *",
          options: expect.objectContaining({ tz: "Asia/Shanghai" }),
        }),
      ]);
      const jobId = await boss.send(EXPORT_QUEUE, {});
      if (!jobId) throw new Error("the export job was not queued");
      // Done when pg-boss records the job's end (its worker polls every 2 s): every batch it
      // makes is committed by then.
      const job = await vi.waitFor(
        async () => {
          const found = await boss.getJobById(EXPORT_QUEUE, jobId);
          if (found?.state !== "completed" && found?.state !== "failed") {
            throw new Error(`the export job is ${found?.state ?? "missing"}`);
          }
          return found;
        },
        { timeout: 45_000, interval: 250 },
      );
      expect(job.state).toBe("completed");
      expect(await getDb().exportRow.count({ where: { learnerId: a.id, year: YEAR } })).toBe(1);
      expect(await getDb().exportBatch.count()).toBe(2);
    } finally {
      await boss.stop({ graceful: false, wait: true, timeout: 5_000 });
    }
  }, 60_000);
});
