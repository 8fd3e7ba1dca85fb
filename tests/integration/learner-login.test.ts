import { beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { seedReferenceData } from "../../prisma/seed";
import { LOGIN_FAILED_MESSAGE, verifyLearnerLogin } from "../../src/server/auth/verify-learner-login";
import { getDb } from "../../src/server/db";
import { createLearner, uniqueIdNumber } from "../support/factories";
import { truncateData } from "../support/reset-database";

const IP = "203.0.113.7";

describe("learner login", () => {
  beforeAll(async () => {
    await seedReferenceData(getDb());
  });
  beforeEach(async () => {
    await truncateData(inject("databaseUrl"));
  });

  it("accepts the registered ID number and name, normalizing both", async () => {
    const learner = await createLearner({ idNumber: "11010519491231002X", name: "买买提·艾力" });
    for (const [idNumber, name] of [
      ["11010519491231002X", "买买提·艾力"],
      ["11010519491231002x", " 买买提 • 艾力 "],
      ["１１０１０５ １９４９１２３１００２ｘ", "买买提・艾力"],
    ] as const) {
      expect(await verifyLearnerLogin({ idNumber, name }, IP)).toEqual({ ok: true, learnerId: learner.id });
    }
  });

  it("answers unknown number, wrong name and disabled account identically", async () => {
    const active = uniqueIdNumber();
    const disabled = uniqueIdNumber();
    await createLearner({ idNumber: active, name: "王芳" });
    await createLearner({ idNumber: disabled, name: "刘洋", status: "DISABLED" });
    const answers = await Promise.all([
      verifyLearnerLogin({ idNumber: uniqueIdNumber(), name: "王芳" }, "198.51.100.1"),
      verifyLearnerLogin({ idNumber: active, name: "王芬" }, "198.51.100.2"),
      verifyLearnerLogin({ idNumber: disabled, name: "刘洋" }, "198.51.100.3"),
    ]);
    for (const answer of answers)
      expect(answer).toEqual({ ok: false, code: "LOGIN_FAILED", message: LOGIN_FAILED_MESSAGE });
  });

  it("gives a malformed ID number its specific reason, without a lookup", async () => {
    const result = await verifyLearnerLogin({ idNumber: "420102198503121239", name: "李明" }, IP);
    expect(result).toEqual({
      ok: false,
      code: "INVALID_INPUT",
      message: "身份证号校验位不正确，请核对最后一位",
      field: "idNumber",
    });
    const audit = await getDb().auditLog.findFirstOrThrow({ where: { action: "learner.login" } });
    expect(audit.targetId).toBeNull();
  });

  it("takes as long for an unknown number as for a known one", async () => {
    const known = uniqueIdNumber();
    await createLearner({ idNumber: known, name: "张伟" });
    const time = async (idNumber: string) => {
      const started = performance.now();
      await verifyLearnerLogin({ idNumber, name: "张伟" }, null);
      return performance.now() - started;
    };
    const [unknownMs, knownMs] = [await time(uniqueIdNumber()), await time(known)];
    expect(unknownMs).toBeGreaterThanOrEqual(395);
    expect(knownMs).toBeGreaterThanOrEqual(395);
  });

  it("refuses the sixth attempt within 15 minutes even with the right name, and says until when", async () => {
    const idNumber = uniqueIdNumber();
    await createLearner({ idNumber, name: "陈静" });
    for (let i = 0; i < 5; i++) {
      expect((await verifyLearnerLogin({ idNumber, name: "陈晶" }, `198.51.100.${i}`)).ok).toBe(false);
    }
    const sixth = await verifyLearnerLogin({ idNumber, name: "陈静" }, "198.51.100.99");
    expect(sixth).toMatchObject({ ok: false, code: "THROTTLED" });
    expect(!sixth.ok && sixth.message).toMatch(/^登录失败次数过多，请于 \d{2}:\d{2} 后再试。$/);
    // Another learner is not affected.
    const other = uniqueIdNumber();
    await createLearner({ idNumber: other, name: "周杰" });
    expect((await verifyLearnerLogin({ idNumber: other, name: "周杰" }, "198.51.100.99")).ok).toBe(true);
  });

  it("limits failures per address across ID numbers", async () => {
    for (let i = 0; i < 30; i++) await verifyLearnerLogin({ idNumber: uniqueIdNumber(), name: "某人" }, IP);
    const idNumber = uniqueIdNumber();
    await createLearner({ idNumber, name: "孙丽" });
    expect(await verifyLearnerLogin({ idNumber, name: "孙丽" }, IP)).toMatchObject({ ok: false, code: "THROTTLED" });
    expect((await verifyLearnerLogin({ idNumber, name: "孙丽" }, "192.0.2.55")).ok).toBe(true);
  }, 60_000);

  it("audit-logs every attempt without the full ID number", async () => {
    const idNumber = uniqueIdNumber();
    await createLearner({ idNumber, name: "吴军" });
    await verifyLearnerLogin({ idNumber, name: "吴军" }, IP);
    await verifyLearnerLogin({ idNumber, name: "吴俊" }, IP);
    const rows = await getDb().auditLog.findMany({ where: { action: "learner.login" }, orderBy: { id: "asc" } });
    expect(rows.map((r) => r.outcome)).toEqual(["SUCCESS", "FAILURE"]);
    const stored = JSON.stringify(rows, (_k, v: unknown) => (typeof v === "bigint" ? String(v) : v));
    expect(stored).not.toContain(idNumber);
    expect(stored).toContain(`${idNumber.slice(0, 4)}**********${idNumber.slice(14)}`);
    expect(rows.every((r) => r.ip === IP)).toBe(true);
  });
});
