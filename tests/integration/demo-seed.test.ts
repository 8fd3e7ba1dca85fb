import { beforeAll, describe, expect, inject, it } from "vitest";
import { DEMO_LEARNERS, seedDemoData } from "../../prisma/seed";
import { getStanding } from "../../src/server/credits/get-standing";
import { getDb } from "../../src/server/db";
import { hashIdNumber } from "../../src/server/identity/id-number-crypto";
import { truncateData } from "../support/reset-database";
import { TEST_SECRETS } from "../support/test-database";

async function standingOf(name: string) {
  const demo = DEMO_LEARNERS.find((l) => l.name === name)!;
  const learner = await getDb().learner.findUniqueOrThrow({ where: { idNumberHmac: hashIdNumber(demo.idNumber) } });
  return getStanding(learner.id);
}

describe("demo seed", () => {
  beforeAll(async () => {
    await truncateData(inject("databaseUrl"));
    await seedDemoData(getDb(), { staffPassword: TEST_SECRETS.DEMO_STAFF_PASSWORD });
  }, 120_000);

  it("registers the demo learners with masked numbers only, 刘洋 disabled", async () => {
    const learners = await getDb().learner.findMany({ select: { name: true, idNumberMasked: true, status: true } });
    expect(learners).toHaveLength(5);
    expect(learners.find((l) => l.name === "刘洋")?.status).toBe("DISABLED");
    expect(learners.find((l) => l.name === "李明")?.idNumberMasked).toBe("4201**********1238");
    const raw = JSON.stringify(await getDb().learner.findMany({ omit: { idNumberEncrypted: false } }));
    for (const demo of DEMO_LEARNERS) expect(raw).not.toContain(demo.idNumber);
  });

  it("gives 李明 2024 complete and 2025 active with 42 credits, missing 48 of which 30 professional", async () => {
    const standing = await standingOf("李明");
    const [y2024, y2025] = standing.years;
    expect(y2024).toMatchObject({ year: 2024, complete: true, professionalCredits: 60, publicCredits: 36 });
    expect(y2025).toMatchObject({
      year: 2025,
      complete: false,
      totalCredits: 42,
      professionalCredits: 30,
      missingTotal: 48,
      missingProfessional: 30,
    });
    expect(standing.activeYear).toBe(2025);
  });

  it("makes 2024 张伟's active catch-up year, and 王芳 and 陈静 start in 2026 with nothing", async () => {
    const zhang = await standingOf("张伟");
    expect(zhang.activeYear).toBe(2024);
    expect(zhang.years.every((y) => y.totalCredits === 0)).toBe(true);
    for (const name of ["王芳", "陈静"]) {
      const standing = await standingOf(name);
      expect(standing.startYear).toBe(2026);
      expect(standing.years.every((y) => y.totalCredits === 0)).toBe(true);
    }
  });

  it("is idempotent", async () => {
    const before = await getDb().creditEntry.count();
    await seedDemoData(getDb(), { staffPassword: TEST_SECRETS.DEMO_STAFF_PASSWORD });
    expect(await getDb().creditEntry.count()).toBe(before);
    expect(await getDb().learner.count()).toBe(5);
    expect(await getDb().course.count()).toBeGreaterThanOrEqual(16);
  });
});
