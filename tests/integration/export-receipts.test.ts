// The province's receipt (回执) of a batch, on real PostgreSQL: the dry run shows unknown,
// duplicate, other-batch and unreadable lines without applying them; importing records each
// line's answer once (the same file twice changes nothing); the learner is told 省系统已确认 or
// 省系统退回 with the reason and the district's contact; a rejected line is due again once the
// district bureau has fixed the learner's data.
import { beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { seedReferenceData } from "../../prisma/seed";
import { getDb } from "../../src/server/db";
import { createExportBatch } from "../../src/server/exports/create-export-batch";
import { importReceipt } from "../../src/server/exports/import-receipt";
import { listRejectedLines } from "../../src/server/exports/list-rejected-lines";
import { markBatchDownloaded } from "../../src/server/exports/mark-batch-downloaded";
import { previewReceipt } from "../../src/server/exports/preview-receipt";
import { readReportingStatus } from "../../src/server/exports/read-reporting-status";
import { recordBatchUpload } from "../../src/server/exports/record-batch-upload";
import { todayInShanghai } from "../../src/lib/time";
import { createLearner, createStaff, recordCredits, uniqueIdNumber } from "../support/factories";
import { truncateData } from "../support/reset-database";

const YEAR = 2024;
const csv = (lines: string[][]) => new TextEncoder().encode(`\uFEFF${lines.map((l) => l.join(",")).join("\r\n")}\r\n`);

async function uploadedBatch(city: { id: string; role: "CITY_ADMIN" }) {
  const { batchId } = await createExportBatch({ year: YEAR, trigger: "MANUAL", createdById: city.id });
  await markBatchDownloaded(batchId!, city.id);
  await recordBatchUpload(city, { batchId: batchId!, uploadedOn: todayInShanghai(), provincialRef: "HB-1" }, null);
  return batchId!;
}

describe("a batch's receipt", () => {
  beforeAll(async () => {
    await seedReferenceData(getDb());
  });
  beforeEach(async () => {
    await truncateData(inject("databaseUrl"));
  });

  it("is checked line by line, applied once, and tells each learner the province's answer", async () => {
    const city = await createStaff({ role: "CITY_ADMIN" });
    const ids = { a: uniqueIdNumber(), b: uniqueIdNumber(), c: uniqueIdNumber() };
    const a = await createLearner({ idNumber: ids.a, name: "张明", startYear: YEAR, districtCode: "jiangan" });
    const b = await createLearner({ idNumber: ids.b, name: "李华", startYear: YEAR, districtCode: "jiangan" });
    // c is in an earlier batch only.
    const c = await createLearner({ idNumber: ids.c, name: "王芳", startYear: YEAR, districtCode: "wuchang" });
    await recordCredits(c.id, YEAR, { professional: 60, public: 30 }, city.id);
    const earlier = await uploadedBatch(city as never);
    for (const l of [a, b]) await recordCredits(l.id, YEAR, { professional: 60, public: 36 }, city.id);
    const batchId = await uploadedBatch(city as never);

    const file = csv([
      ["身份证号", "姓名", "年度", "结果", "原因"],
      [ids.a, "张明", "2024", "成功", ""],
      [ids.b, "李华", "2024", "失败", "身份证号不在省系统人员库中"],
      [ids.a, "张明", "2024", "成功", ""],
      [uniqueIdNumber(), "赵六", "2024", "成功", ""],
      [ids.c, "王芳", "2024", "成功", ""],
      ["12345", "钱七", "2024", "成功", ""],
      [ids.b, "李华", "2024", "失败", ""],
    ]);
    const plan = await previewReceipt(city, batchId, file);
    expect(plan.lines.map((l) => [l.rowNumber, l.kind])).toEqual([
      [2, "accepted"],
      [3, "rejected"],
      [4, "duplicate"],
      [5, "unknown"],
      [6, "otherBatch"],
      [7, "invalid"],
      [8, "invalid"],
    ]);
    expect(JSON.stringify(plan.lines)).not.toContain(ids.a);
    // Nothing written by the dry run.
    expect(await getDb().exportRowResult.count()).toBe(0);

    const district = await createStaff({ role: "DISTRICT_ADMIN", districtCode: "jiangan" });
    const input = { batchId, bytes: file, fileName: "回执.csv", checksum: plan.checksum };
    await expect(importReceipt(district, input, null)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(importReceipt(city, { ...input, checksum: "0".repeat(64) }, null)).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
    expect(await importReceipt(city, input, null)).toEqual({
      batchId,
      accepted: 1,
      rejected: 1,
      alreadyImported: false,
    });
    expect(await importReceipt(city, input, null)).toMatchObject({ alreadyImported: true });
    expect(await getDb().exportRowResult.count()).toBe(2);
    expect(await getDb().exportReceipt.count()).toBe(1);
    expect((await getDb().exportBatch.findUniqueOrThrow({ where: { id: batchId } })).state).toBe("RECEIPTED");
    expect((await getDb().exportBatch.findUniqueOrThrow({ where: { id: earlier } })).state).toBe("UPLOADED");
    const audit = await getDb().auditLog.findMany({ where: { action: "export.batch.receipt" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details).toMatchObject({ checksum: plan.checksum, accepted: 1, rejected: 1, duplicate: 1 });

    // A second receipt naming the same lines keeps their first answers.
    const again = csv([
      ["身份证号", "姓名", "年度", "结果", "原因"],
      [ids.b, "李华", "2024", "成功", ""],
    ]);
    const second = await previewReceipt(city, batchId, again);
    expect(second.lines.map((l) => l.kind)).toEqual(["alreadyRecorded"]);

    expect((await readReportingStatus(a.id)).get(YEAR)).toMatchObject({ kind: "accepted" });
    expect((await readReportingStatus(b.id)).get(YEAR)).toMatchObject({
      kind: "rejected",
      reason: "身份证号不在省系统人员库中",
      contact: { officeName: expect.stringContaining("江岸") },
    });
    expect((await readReportingStatus(c.id)).get(YEAR)).toMatchObject({ kind: "uploaded" });

    // The district bureau sees its rejected line (another district's does not).
    const wuchang = await createStaff({ role: "DISTRICT_ADMIN", districtCode: "wuchang" });
    expect(await listRejectedLines(wuchang)).toEqual([]);
    expect(await listRejectedLines(district)).toMatchObject([
      { learnerId: b.id, year: YEAR, batchId, reason: "身份证号不在省系统人员库中", fixed: false },
    ]);
    expect(JSON.stringify(await listRejectedLines(district))).not.toContain(ids.b);

    // Due again only once the district bureau has fixed the learner; the accepted one never.
    expect((await createExportBatch({ year: YEAR, trigger: "MANUAL", createdById: city.id })).rowCount).toBe(0);
    await getDb().learner.update({ where: { id: b.id }, data: { employer: "武汉更正后有限公司" } });
    await getDb().learner.update({ where: { id: a.id }, data: { employer: "武汉另一家有限公司" } });
    expect(await listRejectedLines(city)).toMatchObject([{ learnerId: b.id, fixed: true }]);
    const next = await createExportBatch({ year: YEAR, trigger: "MANUAL", createdById: city.id });
    expect(next.rowCount).toBe(1);
    // Sent again with the same figures: 重报 in the file.
    expect(await getDb().exportRow.findFirstOrThrow({ where: { batchId: next.batchId! } })).toMatchObject({
      learnerId: b.id,
      kind: "RESEND",
    });
    // The new batch is the year's latest for b: 待报送 until its upload is recorded, and off the list.
    expect((await readReportingStatus(b.id)).has(YEAR)).toBe(false);
    expect(await listRejectedLines(city)).toEqual([]);
  });

  it("is refused for a batch whose upload is not recorded, and for a file without its columns", async () => {
    const city = await createStaff({ role: "CITY_ADMIN" });
    const learner = await createLearner({ startYear: YEAR });
    await recordCredits(learner.id, YEAR, { professional: 60, public: 36 }, city.id);
    const { batchId } = await createExportBatch({ year: YEAR, trigger: "MANUAL", createdById: city.id });
    const file = csv([["身份证号", "姓名", "年度", "结果", "原因"]]);
    await expect(previewReceipt(city, batchId!, file)).rejects.toMatchObject({ code: "INVALID_TRANSITION" });
    await markBatchDownloaded(batchId!, city.id);
    await recordBatchUpload(city, { batchId: batchId!, uploadedOn: todayInShanghai(), provincialRef: "HB-2" }, null);
    await expect(previewReceipt(city, batchId!, csv([["姓名", "结果"]]))).rejects.toMatchObject({ code: "NO_HEADER" });
    await expect(previewReceipt(city, batchId!, file)).rejects.toMatchObject({ code: "NO_ROWS" });
  });
});
