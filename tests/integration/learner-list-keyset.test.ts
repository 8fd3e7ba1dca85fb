// The administrators' learner list at city scale (ADR 0024): keyset pages by opaque cursors,
// walked both ways and while learners are registered; filters with the cursor; a tampered
// cursor; the district scope; the jump to a registration date; the count that stops at a cap.
import { beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { seedReferenceData } from "../../prisma/seed";
import { getDb } from "../../src/server/db";
import { LEARNER_COUNT_CAP, LEARNERS_PER_PAGE, listLearners } from "../../src/server/learners/list-learners";
import { createLearner, districtId } from "../support/factories";
import { truncateData } from "../support/reset-database";

const CITY = { role: "CITY_ADMIN", districtId: null } as const;
const BASE = Date.parse("2024-01-01T00:00:00Z");

type Filters = Record<string, string | undefined>;
type Staff = Parameters<typeof listLearners>[0];

/** `count` learners, registered in groups of three sharing one instant (ties broken by id). */
async function registerMany(count: number, fields: Parameters<typeof createLearner>[0] = {}, offsetMinutes = 0) {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const learner = await createLearner(fields);
    const registeredAt = new Date(BASE + (offsetMinutes + Math.floor(i / 3)) * 60_000 + 123);
    await getDb().learner.update({ where: { id: learner.id }, data: { registeredAt } });
    ids.push(learner.id);
  }
  return ids;
}

/** The list's order as the database sorts it: newest registration first, then id. */
async function expectedOrder(where: Parameters<ReturnType<typeof getDb>["learner"]["findMany"]>[0] = {}) {
  const rows = await getDb().learner.findMany({
    ...where,
    orderBy: [{ registeredAt: "desc" }, { id: "desc" }],
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

/** Every id met following the next links from the first page (or from `start`). */
async function walkForward(staff: Staff, filters: Filters, start?: string) {
  const seen: string[] = [];
  let after = start;
  for (let pages = 0; pages < 100; pages++) {
    const list = await listLearners(staff, { ...filters, after });
    seen.push(...list.rows.map((r) => r.id));
    if (!list.next) return seen;
    after = list.next;
  }
  throw new Error("the next links never end");
}

/** Every id met following the previous links from the last page, in the list's order. */
async function walkBackward(staff: Staff, filters: Filters) {
  const pages: string[][] = [];
  let list = await listLearners(staff, { ...filters, last: "1" });
  expect(list.next).toBeNull();
  for (let n = 0; n < 100; n++) {
    pages.unshift(list.rows.map((r) => r.id));
    if (!list.previous) return pages.flat();
    list = await listLearners(staff, { ...filters, before: list.previous });
  }
  throw new Error("the previous links never end");
}

describe("learner list: keyset pages", () => {
  beforeAll(async () => {
    await seedReferenceData(getDb());
  });
  beforeEach(async () => {
    await truncateData(inject("databaseUrl"));
  });

  it("returns every learner exactly once walking forward, and again walking back from the last page", async () => {
    await registerMany(47);
    const order = await expectedOrder();

    const forward = await walkForward(CITY, {});
    expect(forward).toEqual(order);
    expect(await walkBackward(CITY, {})).toEqual(order);

    // Forward two pages, then back: the first page again, with no previous link.
    const first = await listLearners(CITY, {});
    expect([first.rows.length, first.previous]).toEqual([LEARNERS_PER_PAGE, null]);
    const second = await listLearners(CITY, { after: first.next ?? undefined });
    expect(second.rows.map((r) => r.id)).toEqual(order.slice(20, 40));
    const back = await listLearners(CITY, { before: second.previous ?? undefined });
    expect([back.rows.map((r) => r.id), back.previous]).toEqual([order.slice(0, 20), null]);
    const last = await listLearners(CITY, { last: "1" });
    expect(last.rows.map((r) => r.id)).toEqual(order.slice(-20));
  });

  it("neither repeats nor skips a row when learners are registered between page loads", async () => {
    await registerMany(45);
    const order = await expectedOrder();
    const first = await listLearners(CITY, {});
    expect(first.rows.map((r) => r.id)).toEqual(order.slice(0, 20));

    // Newer registrations sort before the cursor; one older one sorts after it.
    const newer = await registerMany(4, {}, 10_000);
    const [older] = await registerMany(1, {}, -10_000);
    const rest = await walkForward(CITY, {}, first.next ?? undefined);

    expect(rest).toEqual([...order.slice(20), older]);
    expect(rest.filter((id) => newer.includes(id))).toEqual([]);
    // Going back from the second page now shows the newest learners before the old first page.
    const second = await listLearners(CITY, { after: first.next ?? undefined });
    const back = await listLearners(CITY, { before: second.previous ?? undefined });
    expect(back.rows.map((r) => r.id)).toEqual(order.slice(0, 20));
    expect(back.previous).not.toBeNull();
  });

  it("keeps the filters with the cursor", async () => {
    const wuchang = await districtId("wuchang");
    await registerMany(25, { districtCode: "wuchang", employer: "汉阳钢厂财务部" });
    await registerMany(12, { districtCode: "wuchang", employer: "武昌商贸公司" });
    await registerMany(12, { districtCode: "jiangan", employer: "汉阳钢厂财务部" });
    await registerMany(3, { districtCode: "wuchang", employer: "汉阳钢厂财务部", status: "DISABLED" });
    const filters = { district: String(wuchang), employer: "汉阳钢厂", status: "ACTIVE" };
    const order = await expectedOrder({
      where: { districtId: wuchang, employer: { startsWith: "汉阳钢厂" }, status: "ACTIVE" },
    });
    expect(order).toHaveLength(25);

    expect(await walkForward(CITY, filters)).toEqual(order);
    expect(await walkBackward(CITY, filters)).toEqual(order);
    expect((await listLearners(CITY, filters)).total).toBe(25);
    // A prefix search: the middle of a name finds nothing; LIKE's own characters are literal.
    expect((await listLearners(CITY, { employer: "钢厂" })).total).toBe(0);
    const [percent] = await registerMany(1, { employer: "百分%股份公司" });
    await registerMany(1, { employer: "百分之股份公司" });
    expect((await listLearners(CITY, { employer: "百分%" })).rows.map((r) => r.id)).toEqual([percent]);
  });

  it("shows the first page for a tampered or foreign cursor, never an error", async () => {
    await registerMany(30);
    const first = await listLearners(CITY, {});
    const cursor = first.next ?? "";
    const forged = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
    for (const bad of [
      `${cursor.slice(0, -3)}!!!`,
      cursor.slice(0, 10),
      forged({ r: "yesterday", i: "x" }),
      forged({ r: "2024-01-01T00:00:00.000Z", i: '\'; DROP TABLE "Learner"; --' }),
      forged([1, 2, 3]),
      "%00",
    ]) {
      for (const key of ["after", "before"]) {
        const list = await listLearners(CITY, { [key]: bad });
        expect([list.rows.map((r) => r.id), list.previous]).toEqual([first.rows.map((r) => r.id), null]);
      }
    }
  });

  it("keeps a district administrator to their district, whatever the cursor", async () => {
    const wuchang = await districtId("wuchang");
    const jiangan = await districtId("jiangan");
    await registerMany(22, { districtCode: "wuchang" });
    await registerMany(22, { districtCode: "jiangan" }, 5);
    const own = { role: "DISTRICT_ADMIN", districtId: wuchang } as const;
    const order = await expectedOrder({ where: { districtId: wuchang } });

    expect(await walkForward(own, {})).toEqual(order);
    expect(await walkBackward(own, {})).toEqual(order);
    // A cursor taken from the city's list (a 江岸区 learner) still lists 武昌区 only.
    const city = await listLearners(CITY, {});
    const mixed = await listLearners(own, { after: city.next ?? undefined });
    expect(mixed.rows.length).toBeGreaterThan(0);
    const districts = await getDb().learner.findMany({
      where: { id: { in: mixed.rows.map((r) => r.id) } },
      select: { districtId: true },
    });
    expect(new Set(districts.map((d) => d.districtId))).toEqual(new Set([wuchang]));
    expect((await listLearners(own, { district: String(jiangan) })).rows).toEqual([]);
    // No role that manages learners: nothing.
    expect((await listLearners({ role: "SUPPORT", districtId: null }, {})).rows).toEqual([]);
  });

  it("jumps to the learners registered on or before a day in Wuhan", async () => {
    const [lateOnDay, nextDayMidnight, earlier] = await registerMany(3);
    const set = (id: string | undefined, iso: string) =>
      getDb().learner.update({ where: { id }, data: { registeredAt: new Date(iso) } });
    await set(lateOnDay, "2024-03-01T15:59:59.999Z"); // 23:59:59.999 on 1 March in Wuhan
    await set(nextDayMidnight, "2024-03-01T16:00:00.000Z"); // 00:00 on 2 March in Wuhan
    await set(earlier, "2024-02-01T00:00:00.000Z");

    const jump = await listLearners(CITY, { until: "2024-03-01" });
    expect(jump.rows.map((r) => r.id)).toEqual([lateOnDay, earlier]);
    expect([jump.previous !== null, jump.next]).toEqual([true, null]);
    const before = await listLearners(CITY, { before: jump.previous ?? undefined });
    expect(before.rows.map((r) => r.id)).toEqual([nextDayMidnight]);
    // A date before everyone: the first page rather than nothing.
    expect((await listLearners(CITY, { until: "2020-01-01" })).rows).toHaveLength(3);
    expect((await listLearners(CITY, { until: "2024-13-45" })).rows).toHaveLength(3);
  });

  it("counts exactly up to the cap and says 'more than' beyond it", async () => {
    const wuchang = await districtId("wuchang");
    await getDb().$executeRaw`
      INSERT INTO "Learner" ("id", "idNumberHmac", "idNumberEncrypted", "idNumberMasked", "name", "gender",
        "birthDate", "districtId", "employer", "qualification", "startYear", "updatedAt")
      SELECT 'bulk' || g, 'bulk-hmac-' || g, 'x', '4201**********0000', '批量' || g, 'M', DATE '1990-01-01',
        ${wuchang}, '批量单位', 'JUNIOR', 2024, now()
      FROM generate_series(1, ${LEARNER_COUNT_CAP + 5}) g`;
    await registerMany(2, { name: "另一人" });

    const all = await listLearners(CITY, {});
    expect([all.total, all.totalCapped, all.rows.length]).toEqual([LEARNER_COUNT_CAP, true, 20]);
    expect(await listLearners(CITY, { name: "另一" })).toMatchObject({ total: 2, totalCapped: false });
    expect(await listLearners(CITY, { name: "批量1000" })).toMatchObject({ total: 7, totalCapped: false });
  });
});
