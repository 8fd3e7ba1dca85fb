// A provincial export batch's way to the province, on real PostgreSQL: generated → downloaded (the
// city office's first download of the whole file) → uploaded (recorded), each refused from a
// wrong state; withdrawn before upload, its learner-years due again and its file gone; what the
// learner is told at each step; the audit rows.
import { beforeAll, beforeEach, describe, expect, inject, it, vi } from "vitest";
import { seedReferenceData } from "../../prisma/seed";
import { GET as downloadCsv } from "../../src/app/admin/exports/[batchId]/export.csv/route";
import { todayInShanghai } from "../../src/lib/time";
import { getDb } from "../../src/server/db";
import { createExportBatch } from "../../src/server/exports/create-export-batch";
import { readReportingStatus } from "../../src/server/exports/read-reporting-status";
import { recordBatchUpload } from "../../src/server/exports/record-batch-upload";
import { withdrawExportBatch } from "../../src/server/exports/withdraw-export-batch";
import { createLearner, createStaff, recordCredits } from "../support/factories";
import { truncateData } from "../support/reset-database";
import { signInAs, signOutAll } from "../support/session-mock";

vi.mock("@/server/auth/config", async (importOriginal) =>
  (await import("../support/session-mock")).mockAuthConfig(await importOriginal()),
);
vi.mock("next/headers", async () => (await import("../support/session-mock")).mockNextHeaders());

const YEAR = 2024;

async function download(batchId: number): Promise<Response> {
  const response = await downloadCsv(new Request(`http://localhost/admin/exports/${batchId}/export.csv`), {
    params: Promise.resolve({ batchId: String(batchId) }),
  });
  await response.arrayBuffer();
  return response;
}

const stateOf = async (id: number) => (await getDb().exportBatch.findUniqueOrThrow({ where: { id } })).state;
const auditOf = async (id: number) =>
  (
    await getDb().auditLog.findMany({
      where: { targetType: "ExportBatch", targetId: String(id) },
      orderBy: { id: "asc" },
    })
  ).map((r) => r.action);

async function setUp() {
  const city = await createStaff({ role: "CITY_ADMIN" });
  const learner = await createLearner({ startYear: YEAR, districtCode: "jiangan" });
  await recordCredits(learner.id, YEAR, { professional: 60, public: 36 }, city.id);
  const { batchId } = await createExportBatch({ year: YEAR, trigger: "MANUAL", createdById: city.id });
  return { city, learner, batchId: batchId! };
}

describe("an export batch's lifecycle", () => {
  beforeAll(async () => {
    await seedReferenceData(getDb());
  });
  beforeEach(async () => {
    await truncateData(inject("databaseUrl"));
    signOutAll();
  });

  it("goes generated → downloaded → uploaded, and the learner sees 报送中 only after the upload", async () => {
    const { city, learner, batchId } = await setUp();
    const today = todayInShanghai();
    const upload = { batchId, uploadedOn: today, provincialRef: "HB-2024-0001" };
    expect(await stateOf(batchId)).toBe("GENERATED");
    expect((await readReportingStatus(learner.id)).has(YEAR)).toBe(false);
    // Not downloaded yet: no upload to record.
    await expect(recordBatchUpload(city, upload, null)).rejects.toMatchObject({ code: "INVALID_TRANSITION" });

    // A district bureau's copy does not count as the city office's download.
    const district = await createStaff({ role: "DISTRICT_ADMIN", districtCode: "jiangan" });
    signInAs("staff", district.id);
    expect((await download(batchId)).status).toBe(200);
    expect(await stateOf(batchId)).toBe("GENERATED");

    signInAs("staff", city.id);
    expect((await download(batchId)).status).toBe(200);
    expect((await download(batchId)).status).toBe(200);
    const downloaded = await getDb().exportBatch.findUniqueOrThrow({ where: { id: batchId } });
    expect(downloaded).toMatchObject({ state: "DOWNLOADED", firstDownloadedById: city.id });
    expect((await readReportingStatus(learner.id)).has(YEAR)).toBe(false);

    // The district bureau may not record it; a date outside the batch's life is refused.
    await expect(recordBatchUpload(district, upload, null)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(recordBatchUpload(city, { ...upload, uploadedOn: "2020-01-01" }, null)).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
    await expect(recordBatchUpload(city, { ...upload, provincialRef: " " }, null)).rejects.toThrow();

    await recordBatchUpload(city, { ...upload, note: "省平台批量导入" }, "198.51.100.7");
    expect(await getDb().exportBatch.findUniqueOrThrow({ where: { id: batchId } })).toMatchObject({
      state: "UPLOADED",
      uploadedById: city.id,
      provincialRef: "HB-2024-0001",
      uploadNote: "省平台批量导入",
    });
    const reported = (await readReportingStatus(learner.id)).get(YEAR);
    expect(reported).toMatchObject({ kind: "uploaded" });
    expect(reported?.kind === "uploaded" && reported.on.toISOString().slice(0, 10)).toBe(today);
    // Once only, and an uploaded batch cannot be withdrawn.
    await expect(recordBatchUpload(city, upload, null)).rejects.toMatchObject({ code: "INVALID_TRANSITION" });
    await expect(withdrawExportBatch(city, { batchId, reason: "误操作" }, null)).rejects.toMatchObject({
      code: "INVALID_TRANSITION",
    });
    expect(await auditOf(batchId)).toEqual([
      "export.batch.create",
      "export.batch.download",
      "export.batch.download",
      "export.batch.download",
      "export.batch.upload",
    ]);
  });

  it("withdraws a batch before upload: its file is gone and its learner-years are due again", async () => {
    const { city, learner, batchId } = await setUp();
    await expect(withdrawExportBatch(city, { batchId, reason: "" }, null)).rejects.toThrow();
    await withdrawExportBatch(city, { batchId, reason: "生成过早，数据待核对" }, null);
    expect(await getDb().exportBatch.findUniqueOrThrow({ where: { id: batchId } })).toMatchObject({
      state: "WITHDRAWN",
      withdrawnReason: "生成过早，数据待核对",
      withdrawnById: city.id,
    });
    await expect(withdrawExportBatch(city, { batchId, reason: "再次" }, null)).rejects.toMatchObject({
      code: "INVALID_TRANSITION",
    });
    signInAs("staff", city.id);
    expect((await download(batchId)).status).toBe(410);

    // Due again: the next batch carries the same learner-year.
    const next = await createExportBatch({ year: YEAR, trigger: "MANUAL", createdById: city.id });
    expect(next.rowCount).toBe(1);
    expect(await getDb().exportRow.findFirstOrThrow({ where: { batchId: next.batchId! } })).toMatchObject({
      learnerId: learner.id,
    });
    expect(await auditOf(batchId)).toEqual(["export.batch.create", "export.batch.withdraw"]);
  });
});
