// The completion review: counts per district for a year (complete / in progress / not started),
// catch-up learners, the district administrator's scope, and who may see it at all.
import { beforeAll, beforeEach, describe, expect, inject, it, vi } from "vitest";
import { seedReferenceData } from "../../prisma/seed";
import CompletionPage from "../../src/app/admin/page";
import { currentYear } from "../../src/lib/time";
import { recordCreditAdjustment } from "../../src/server/credits/record-adjustment";
import { getCompletionDashboard } from "../../src/server/completion/get-completion-dashboard";
import { getDb } from "../../src/server/db";
import { createLearner, createStaff, recordCredits } from "../support/factories";
import { truncateData } from "../support/reset-database";
import { redirectTarget, signInAs, signOutAll } from "../support/session-mock";

vi.mock("@/server/auth/config", async (importOriginal) =>
  (await import("../support/session-mock")).mockAuthConfig(await importOriginal()),
);
vi.mock("next/headers", async () => (await import("../support/session-mock")).mockNextHeaders());

const NOW = currentYear();
const LAST = NOW - 1;

/**
 * 江岸区: complete, in progress, not started (all starting this year), and one whose credits
 * were reversed to zero (not started). 武昌区: one behind on last year (catch-up, not started
 * this year), one complete last year and in progress this year, one disabled (not counted).
 */
async function setUp() {
  const city = await createStaff({ role: "CITY_ADMIN" });
  const add = (id: string, year: number, credits: { professional?: number; public?: number }) =>
    recordCredits(id, year, credits, city.id);
  const complete = await createLearner({ startYear: NOW, districtCode: "jiangan" });
  await add(complete.id, NOW, { professional: 60, public: 30 });
  const partial = await createLearner({ startYear: NOW, districtCode: "jiangan" });
  await add(partial.id, NOW, { public: 90 });
  await createLearner({ startYear: NOW, districtCode: "jiangan" });
  const reversed = await createLearner({ startYear: NOW, districtCode: "jiangan" });
  await add(reversed.id, NOW, { public: 30 });
  await recordCreditAdjustment({
    learnerId: reversed.id,
    year: NOW,
    category: "PUBLIC",
    credits: -30,
    reason: "误登",
    recordedById: city.id,
  });
  const behind = await createLearner({ startYear: LAST, districtCode: "wuchang" });
  await add(behind.id, LAST, { professional: 30 });
  const caughtUp = await createLearner({ startYear: LAST, districtCode: "wuchang" });
  await add(caughtUp.id, LAST, { professional: 90 });
  await add(caughtUp.id, NOW, { professional: 10 });
  const disabled = await createLearner({ startYear: LAST, districtCode: "wuchang", status: "DISABLED" });
  await add(disabled.id, NOW, { professional: 90 });
  return { city };
}

function district<T extends { name: string }>(rows: T[], name: string): T | undefined {
  return rows.find((r) => r.name === name);
}

describe("completion review", () => {
  beforeAll(async () => {
    await seedReferenceData(getDb());
  });
  beforeEach(async () => {
    await truncateData(inject("databaseUrl"));
    signOutAll();
  });

  it("counts complete, in progress, not started and catch-up learners per district", async () => {
    const { city } = await setUp();
    const now = await getCompletionDashboard(city, NOW, { fresh: true });
    expect(now.totals).toEqual({
      registered: 6,
      complete: 1,
      inProgress: 2,
      notStarted: 3,
      catchUp: 1,
      ratePercent: 16.7,
    });
    expect(district(now.districts, "江岸区")).toMatchObject({
      registered: 4,
      complete: 1,
      inProgress: 1,
      notStarted: 2,
      catchUp: 0,
    });
    expect(district(now.districts, "武昌区")).toMatchObject({
      registered: 2,
      complete: 0,
      inProgress: 1,
      notStarted: 1,
      catchUp: 1,
    });
    expect(district(now.districts, "洪山区")).toMatchObject({ registered: 0, ratePercent: 0 });
    expect(now.districts.some((d) => d.name.includes("市"))).toBe(false);

    const last = await getCompletionDashboard(city, LAST, { fresh: true });
    expect(last.totals).toMatchObject({ registered: 2, complete: 1, inProgress: 1, notStarted: 0, ratePercent: 50 });
  });

  it("keeps each learner-year's totals equal to the ledger's sums, bulk inserts included, and nothing else writes them", async () => {
    await setUp();
    const db = getDb();
    const ledgerSums = () =>
      db.$queryRaw<{ learnerId: string; year: number; total: number; professional: number }[]>`
        SELECT "learnerId", "year", SUM("credits")::int AS total,
               COALESCE(SUM("credits") FILTER (WHERE "category" = 'PROFESSIONAL'), 0)::int AS professional
        FROM "CreditEntry" GROUP BY 1, 2 ORDER BY 1, 2`;
    const totals = async () =>
      (await db.creditYearTotal.findMany({ orderBy: [{ learnerId: "asc" }, { year: "asc" }] })).map((t) => ({
        learnerId: t.learnerId,
        year: t.year,
        total: t.totalCredits,
        professional: t.professionalCredits,
      }));
    expect((await ledgerSums()).length).toBeGreaterThan(3);
    expect(await totals()).toEqual(await ledgerSums());
    // One statement inserting several entries of several learner-years.
    await db.$executeRaw`
      INSERT INTO "CreditEntry" ("learnerId", "year", "category", "credits", "source", "sourceKey")
      SELECT "learnerId", "year", "category", 1, 'ADJUSTMENT', 'bulk:' || "id" FROM "CreditEntry"`;
    expect(await totals()).toEqual(await ledgerSums());
    // Nobody writes the totals but the ledger's trigger, and the ledger cannot be emptied.
    const [first] = await db.creditYearTotal.findMany({ take: 1 });
    await expect(
      db.$executeRaw`UPDATE "CreditYearTotal" SET "totalCredits" = 90 WHERE "learnerId" = ${first!.learnerId}`,
    ).rejects.toThrow(/derived from the ledger/);
    await expect(
      db.$executeRaw`INSERT INTO "CreditYearTotal" ("learnerId", "year", "totalCredits", "professionalCredits") VALUES (${first!.learnerId}, 2000, 90, 60)`,
    ).rejects.toThrow(/derived from the ledger/);
    await expect(db.$executeRaw`DELETE FROM "CreditYearTotal"`).rejects.toThrow(/derived from the ledger/);
    await expect(db.$executeRaw`TRUNCATE "CreditYearTotal"`).rejects.toThrow(/append-only/);
    await expect(db.$executeRaw`TRUNCATE "CreditEntry"`).rejects.toThrow(/append-only: TRUNCATE/);
    expect(await totals()).toEqual(await ledgerSums());
  });

  it("shows a district administrator their own district only", async () => {
    await setUp();
    const wuchang = await createStaff({ role: "DISTRICT_ADMIN", districtCode: "wuchang" });
    const view = await getCompletionDashboard(wuchang, NOW, { fresh: true });
    expect(view.districts.map((d) => d.name)).toEqual(["武昌区"]);
    expect(view.totals).toMatchObject({ registered: 2, complete: 0, inProgress: 1, notStarted: 1, catchUp: 1 });
    const hongshan = await createStaff({ role: "DISTRICT_ADMIN", districtCode: "hongshan" });
    expect((await getCompletionDashboard(hongshan, NOW, { fresh: true })).totals.registered).toBe(0);
  });

  it("shows a change at once: the counts are maintained, not cached (ADR 0026)", async () => {
    const { city } = await setUp();
    const first = await getCompletionDashboard(city, NOW);
    await createLearner({ startYear: NOW, districtCode: "jiangan" });
    const next = await getCompletionDashboard(city, NOW);
    expect(next.totals.registered).toBe(first.totals.registered + 1);
    expect(next.computedAt.getTime()).toBeGreaterThanOrEqual(first.computedAt.getTime());
  });

  it("refuses support staff, learners and visitors", async () => {
    await setUp();
    const support = await createStaff({ role: "SUPPORT" });
    await expect(getCompletionDashboard(support, NOW, { fresh: true })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const page = () => CompletionPage({ searchParams: Promise.resolve({ year: String(NOW) }) });
    expect(await redirectTarget(page)).toBe("/staff/login");
    signInAs("learner", (await createLearner()).id);
    expect(await redirectTarget(page)).toBe("/staff/login");
    signInAs("staff", support.id);
    expect(await redirectTarget(page)).toBe("/support");
    signInAs("staff", (await createStaff({ role: "DISTRICT_ADMIN" })).id);
    expect(await redirectTarget(page)).toBeNull();
  });
});
