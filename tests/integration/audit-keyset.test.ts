// The audit log's keyset pages (ADR 0025): every entry exactly once while the log grows, the jump
// to a date, a bad cursor, and a district bureau's view through the entry's own district column,
// compared with the definition it replaced (learners now in the district, by subquery).
import { beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { seedReferenceData } from "../../prisma/seed";
import { listAuditLog } from "../../src/server/audit/list-audit-log";
import { recordAudit } from "../../src/server/audit/record-audit";
import { getDb } from "../../src/server/db";
import { insertAuditEntries } from "../../src/server/import/insert-audit-entries";
import { createLearner, createStaff, districtId } from "../support/factories";
import { truncateData } from "../support/reset-database";

type Staff = Awaited<ReturnType<typeof createStaff>>;

/** Every entry the staff member sees, following the older-entries cursor to the end. */
async function walk(staff: Staff, filters: Record<string, string> = {}): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  for (let pages = 0; pages < 100; pages += 1) {
    const page = await listAuditLog(staff, { ...filters, ...(after ? { after } : {}) });
    ids.push(...page.entries.map((e) => e.id));
    if (!page.older) return ids;
    after = page.older;
  }
  throw new Error("the pages did not end");
}

/** The entries in the log's order (at DESC, id DESC) under an SQL condition. */
async function idsWhere(condition: string, params: unknown[] = []): Promise<string[]> {
  const rows = await getDb().$queryRawUnsafe<{ id: bigint }[]>(
    `SELECT "id" FROM "AuditLog" WHERE ${condition} ORDER BY "at" DESC, "id" DESC`,
    ...params,
  );
  return rows.map((r) => r.id.toString());
}

/** A district bureau's entries as they were defined before the district column (issue 17). */
const OLD_DISTRICT_VIEW = `(("targetType" = 'Learner' AND "targetId" IN (SELECT "id" FROM "Learner" WHERE "districtId" = $1))
  OR ("targetType" = 'District' AND "targetId" = $1::text) OR ("actorType" = 'STAFF' AND "actorId" = $2))`;

async function failedLogins(count: number, at: (i: number) => Date) {
  await getDb().auditLog.createMany({
    data: Array.from({ length: count }, (_, i) => ({
      at: at(i),
      actorType: "ANONYMOUS" as const,
      action: "staff.login",
      targetType: "LoginSubject",
      targetId: `nobody${i}`,
      outcome: "FAILURE" as const,
    })),
  });
}

describe("audit log keyset pages", () => {
  let city: Staff;
  beforeAll(async () => {
    await seedReferenceData(getDb());
  });
  beforeEach(async () => {
    await truncateData(inject("databaseUrl"));
    city = await createStaff({ role: "CITY_ADMIN" });
  });

  it("returns every entry exactly once, in order, while entries are written between page loads", async () => {
    // Ties of three on `at`, so that pages of 50 end inside a tie: the id decides.
    const base = Date.now() - 10 * 86_400_000;
    await failedLogins(130, (i) => new Date(base + Math.floor(i / 3) * 1000));
    const original = await idsWhere("TRUE");
    expect(original).toHaveLength(130);

    const seen: string[] = [];
    let page = await listAuditLog(city, {});
    for (;;) {
      seen.push(...page.entries.map((e) => e.id));
      await failedLogins(7, () => new Date());
      if (!page.older) break;
      page = await listAuditLog(city, { after: page.older });
    }
    expect(seen).toEqual(original);
    expect(new Set(seen).size).toBe(130);

    // Back one page from the third: the second page again.
    const first = await listAuditLog(city, {});
    const second = await listAuditLog(city, { after: first.older ?? "" });
    const third = await listAuditLog(city, { after: second.older ?? "" });
    const back = await listAuditLog(city, { before: third.newer ?? "" });
    expect(back.entries.map((e) => e.id)).toEqual(second.entries.map((e) => e.id));
    expect([back.newer, back.older]).toEqual([second.newer, second.older]);
    // Back from the second page: the newest page, shown whole, with no newer link.
    const top = await listAuditLog(city, { before: second.newer ?? "" });
    expect([top.entries.map((e) => e.id), top.newer]).toEqual([first.entries.map((e) => e.id), null]);
  });

  it("jumps to a date: that day's entries (Wuhan time) and earlier ones, newest first", async () => {
    const times = [
      "2026-03-01T23:59:59.999+08:00",
      "2026-03-02T00:00:00.000+08:00",
      "2026-03-02T23:59:59.999+08:00",
      "2026-03-03T00:00:00.000+08:00",
      "2026-03-04T08:00:00.000+08:00",
    ].map((t) => new Date(t));
    await failedLogins(times.length, (i) => times[i] ?? new Date());
    const at = async (filters: Record<string, string>) =>
      (await listAuditLog(city, filters)).entries.map((e) => e.at.getTime());

    const jump = await listAuditLog(city, { date: "2026-03-02" });
    expect(jump.date).toBe("2026-03-02");
    expect(jump.entries.map((e) => e.at.getTime())).toEqual([times[2], times[1], times[0]].map(Number));
    expect([jump.newer === null, jump.older]).toEqual([false, null]);
    expect(await at({ before: jump.newer ?? "" })).toEqual([...times].reverse().map(Number));
    // With the other filters: still that day and earlier.
    expect(await at({ date: "2026-03-02", from: "2026-03-02" })).toEqual([times[2], times[1]].map(Number));

    const beforeAll = await listAuditLog(city, { date: "2020-01-01" });
    expect([beforeAll.entries, beforeAll.newer === null]).toEqual([[], false]);
    expect(await at({ before: beforeAll.newer ?? "" })).toEqual([...times].reverse().map(Number));
    const future = await listAuditLog(city, { date: "2030-01-01" });
    expect([future.entries.length, future.newer]).toEqual([5, null]);
  });

  it("answers a bad cursor or date with the newest page, never an error", async () => {
    await failedLogins(60, (i) => new Date(Date.now() - i * 1000));
    const first = (await listAuditLog(city, {})).entries.map((e) => e.id);
    const b64 = (text: string) => Buffer.from(text).toString("base64url");
    for (const bad of [
      { after: "garbage!" },
      { after: "" },
      { before: b64("1.2.3") },
      { after: b64("99999999999999999.1") },
      { after: b64(`1700000000000.${"9".repeat(19)}`) },
      { before: ["a", "b"] },
      { after: "x".repeat(5000) },
      { date: "2026-13-45x" },
      { page: "100000" },
    ]) {
      const page = await listAuditLog(city, bad);
      expect([page.entries.map((e) => e.id), page.newer]).toEqual([first, null]);
    }
  });

  it("shows a district bureau exactly its district's entries, as the old definition did", async () => {
    const wuchang = await districtId("wuchang");
    const jiangan = await districtId("jiangan");
    const mine = await createStaff({ role: "DISTRICT_ADMIN", districtCode: "wuchang" });
    const theirs = await createStaff({ role: "DISTRICT_ADMIN", districtCode: "jiangan" });
    const support = await createStaff({ role: "SUPPORT" });
    const [a, b] = [await createLearner({ districtCode: "wuchang" }), await createLearner({ districtCode: "wuchang" })];
    const [c, d] = [await createLearner({ districtCode: "jiangan" }), await createLearner({ districtCode: "jiangan" })];
    const entry = (actor: Staff | null, action: string, targetType?: string, targetId?: string) =>
      recordAudit({
        actorType: actor ? "STAFF" : "SYSTEM",
        actorId: actor?.id ?? null,
        action,
        targetType,
        targetId,
        outcome: "SUCCESS",
      });
    await entry(mine, "learner.update", "Learner", a.id);
    await entry(mine, "learner.view", "Learner", c.id); // its own attempt on another district's learner
    await entry(theirs, "learner.update", "Learner", d.id);
    await entry(support, "support.learner.view", "Learner", b.id);
    await entry(support, "support.learner.view", "Learner", c.id);
    await entry(city, "district.contact.update", "District", String(wuchang));
    await entry(city, "district.contact.update", "District", String(jiangan));
    await entry(mine, "staff.login", "LoginSubject", mine.username);
    await entry(theirs, "staff.login", "LoginSubject", theirs.username);
    await entry(city, "staff.password.reset", "StaffUser", mine.id); // about its staff: not its to read
    await entry(null, "export.batch.create", "ExportBatch", "1");
    await recordAudit({ actorType: "LEARNER", actorId: a.id, action: "learner.login", outcome: "SUCCESS" });
    // The bulk writers: an import's rows (more than a page) and Prisma's createMany.
    const rows = (learnerId: string, n: number) =>
      Array.from({ length: n }, () => ({
        action: "learner.import",
        targetType: "Learner",
        targetId: learnerId,
        details: {},
      }));
    await insertAuditEntries(getDb(), { staffId: city.id, ip: null }, [...rows(a.id, 40), ...rows(c.id, 5)]);
    await insertAuditEntries(getDb(), { staffId: mine.id, ip: null }, rows(b.id, 30));
    await getDb().auditLog.createMany({
      data: [d.id, b.id].map((id) => ({
        actorType: "SYSTEM" as const,
        action: "x",
        targetType: "Learner",
        targetId: id,
        outcome: "SUCCESS" as const,
      })),
    });

    const mineSees = await walk(mine);
    expect(mineSees).toEqual(await idsWhere(OLD_DISTRICT_VIEW, [wuchang, mine.id]));
    expect(mineSees.length).toBeGreaterThan(75);
    expect(await walk(theirs)).toEqual(await idsWhere(OLD_DISTRICT_VIEW, [jiangan, theirs.id]));
    // The column itself: the learner's district, the contact row's, the staff member's, the actor's.
    const districtOf = async (where: string) =>
      (
        await getDb().$queryRawUnsafe<{ districtId: number | null }[]>(
          `SELECT "districtId" FROM "AuditLog" WHERE ${where}`,
        )
      ).map((r) => r.districtId);
    expect(await districtOf(`"action" = 'learner.view'`)).toEqual([jiangan]);
    expect(await districtOf(`"action" = 'staff.password.reset'`)).toEqual([wuchang]);
    expect(await districtOf(`"action" = 'learner.login'`)).toEqual([wuchang]);
    expect(await districtOf(`"action" = 'export.batch.create'`)).toEqual([null]);
    expect(await walk(support)).toEqual([]);
    // Filters and cursors narrow the view, never widen it.
    expect(await walk(mine, { learner: c.id })).toEqual(await idsWhere(`"action" = 'learner.view'`));
    const cityFirst = await listAuditLog(city, {});
    const fromCityCursor = await listAuditLog(mine, { after: cityFirst.entries[0]?.id ? (cityFirst.older ?? "") : "" });
    expect(fromCityCursor.entries.every((e) => mineSees.includes(e.id))).toBe(true);
  });
});
