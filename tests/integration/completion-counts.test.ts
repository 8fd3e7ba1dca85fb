// The completion review's maintained counts (ADR 0026) against a full recount (the review's
// former queries): random learners across districts, random ledgers with reversals and credits
// that do not count (before the start year, before 2018, of disabled learners), transfers,
// disables, start-year changes and bulk statements; concurrent ledger writers in one district;
// and what the portal's role may do with the counts.
import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { seedReferenceData } from "../../prisma/seed";
import { currentYear } from "../../src/lib/time";
import { getCompletionDashboard } from "../../src/server/completion/get-completion-dashboard";
import { getDb } from "../../src/server/db";
import { readCompletionRecount, readMaintained } from "../support/completion-recount";
import { createLearner } from "../support/factories";
import { truncateData } from "../support/reset-database";

const NOW = currentYear();
const YEARS = Array.from({ length: NOW - 2018 + 1 }, (_, i) => 2018 + i);
const CODES = ["jiangan", "wuchang", "hongshan", "jianghan"];

let client: pg.Client;
let districtIds: number[];
let keyCounter = 0;

/** A small deterministic PRNG (mulberry32), so a failure can be replayed from its seed. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[int(0, xs.length - 1)]!;
  return { next, int, pick };
}

type Entry = { learnerId: string; year: number; category: "PUBLIC" | "PROFESSIONAL"; credits: number };

/** Inserts ledger entries in one statement (so several years of a learner can change at once). */
async function insertEntries(entries: readonly Entry[]): Promise<void> {
  if (entries.length === 0) return;
  const values = entries.map(
    (e, i) =>
      `($${i * 4 + 1}, $${i * 4 + 2}::int, $${i * 4 + 3}::"CreditCategory", $${i * 4 + 4}::int, 'ADJUSTMENT', 'cc:${++keyCounter}')`,
  );
  await client.query(
    `INSERT INTO "CreditEntry" ("learnerId", "year", "category", "credits", "source", "sourceKey") VALUES ${values.join(", ")}`,
    entries.flatMap((e) => [e.learnerId, e.year, e.category, e.credits]),
  );
}

/** Maintained counts equal the recount for every year, as of several "today"s, city and districts. */
async function expectCountsMatchRecount(): Promise<void> {
  const db = getDb();
  for (const today of [NOW, NOW - 1, NOW - 3, 2019]) {
    for (const year of YEARS.filter((y) => y <= today)) {
      expect(await readMaintained(db, year, today), `city ${year} as of ${today}`).toEqual(
        await readCompletionRecount(db, year, today),
      );
    }
  }
  for (const id of districtIds.slice(0, 2)) {
    for (const year of [NOW, NOW - 2]) {
      expect(await readMaintained(db, year, NOW, id)).toEqual(await readCompletionRecount(db, year, NOW, id));
    }
  }
}

async function randomScenario(seed: number): Promise<void> {
  const r = prng(seed);
  const learners: string[] = [];
  const sums = new Map<string, number>(); // learner|year|category → net credits so far
  const addLearners = async (n: number) => {
    for (let i = 0; i < n; i++) {
      const l = await createLearner({
        districtCode: r.pick(CODES),
        startYear: r.int(2018, NOW),
        ...(r.next() < 0.1 ? { status: "DISABLED" as const } : {}),
      });
      learners.push(l.id);
    }
  };
  const credits = async (statements: number) => {
    for (let s = 0; s < statements; s++) {
      const batch: Entry[] = [];
      for (let k = r.int(1, 4); k > 0; k--) {
        const learnerId = r.pick(learners);
        const year = r.int(2016, NOW); // before the start year or 2018 too: recorded, not counted
        const category = r.next() < 0.6 ? "PROFESSIONAL" : "PUBLIC";
        const key = `${learnerId}|${year}|${category}`;
        const sum = sums.get(key) ?? 0;
        // A reversal (never below zero, sometimes all of it) or new credits.
        const amount =
          sum > 0 && r.next() < 0.25 ? -(r.next() < 0.5 ? sum : r.int(1, sum)) : r.pick([5, 10, 20, 30, 60, 90]);
        if (batch.some((e) => `${e.learnerId}|${e.year}|${e.category}` === key)) continue;
        sums.set(key, sum + amount);
        batch.push({ learnerId, year, category, credits: amount });
      }
      await insertEntries(batch);
    }
  };
  const changeLearners = async (n: number) => {
    for (let i = 0; i < n; i++) {
      const id = r.pick(learners);
      const what = r.int(0, 3);
      if (what === 0) {
        await client.query(`UPDATE "Learner" SET "districtId" = $2 WHERE "id" = $1`, [id, r.pick(districtIds)]);
      } else if (what === 1) {
        await client.query(
          `UPDATE "Learner" SET "status" = CASE WHEN "status" = 'ACTIVE' THEN 'DISABLED' ELSE 'ACTIVE' END::"LearnerStatus" WHERE "id" = $1`,
          [id],
        );
      } else if (what === 2) {
        await client.query(`UPDATE "Learner" SET "startYear" = $2 WHERE "id" = $1`, [id, r.int(2015, NOW)]);
      } else {
        await client.query(`UPDATE "Learner" SET "name" = "name" || '' WHERE "id" = $1`, [id]);
      }
    }
    // An import-like statement: many learners, district and start year set (some unchanged).
    const some = learners.filter(() => r.next() < 0.3);
    await client.query(
      `UPDATE "Learner" l SET "districtId" = v.d, "startYear" = v.y
       FROM unnest($1::text[], $2::int[], $3::int[]) v(id, d, y) WHERE l."id" = v.id`,
      [some, some.map(() => r.pick(districtIds)), some.map(() => r.int(2017, NOW))],
    );
  };

  await addLearners(30);
  await credits(60);
  await expectCountsMatchRecount();
  await changeLearners(15);
  await expectCountsMatchRecount();
  await credits(40);
  await addLearners(5);
  await changeLearners(10);
  await credits(30);
  await expectCountsMatchRecount();
  // A statement over many learner-years at once (as the scale seed writes the ledger).
  await client.query(
    `INSERT INTO "CreditEntry" ("learnerId", "year", "category", "credits", "source", "sourceKey")
     SELECT l."id", y, 'PROFESSIONAL', 45, 'ADJUSTMENT', 'cc-bulk:' || l."id" || ':' || y
     FROM "Learner" l CROSS JOIN generate_series(GREATEST(l."startYear", 2018), LEAST(l."startYear" + 2, ${NOW})) y`,
  );
  await expectCountsMatchRecount();
  // The scenario reached every kind of figure (else the comparison above proves little).
  const all = Object.values(await readCompletionRecount(getDb(), NOW - 1, NOW));
  for (const key of ["registered", "complete", "inProgress", "catchUp"] as const) {
    expect(
      all.reduce((n, f) => n + f[key], 0),
      key,
    ).toBeGreaterThan(0);
  }
  // Nothing pending afterwards: a fold moves every delta.
  await client.query(`SELECT "completion_counts_fold"()`);
  expect((await client.query(`SELECT COUNT(*)::int AS n FROM "CompletionCountDelta"`)).rows[0].n).toBe(0);
  await expectCountsMatchRecount();
}

describe("maintained completion counts", () => {
  beforeAll(async () => {
    await seedReferenceData(getDb());
    client = new pg.Client({ connectionString: inject("databaseUrl") });
    await client.connect();
    const rows = await getDb().district.findMany({ where: { code: { in: CODES } }, select: { id: true } });
    districtIds = rows.map((d) => d.id);
  });
  afterAll(async () => {
    await client.end();
  });
  beforeEach(async () => {
    await truncateData(inject("databaseUrl"));
  });

  it.each([1, 2, 3])(
    "equal a full recount on a random ledger (seed %i)",
    async (seed) => {
      await randomScenario(seed);
    },
    120_000,
  );

  it("follow a change of the credit policy, and a rebuild changes nothing", async () => {
    await randomScenario(4);
    const before = await readMaintained(getDb(), NOW, NOW);
    await client.query(`SELECT "completion_counts_rebuild"()`);
    expect(await readMaintained(getDb(), NOW, NOW)).toEqual(before);
    await client.query(
      `INSERT INTO "CreditPolicy" ("fromYear", "requiredTotal", "requiredProfessional", "creditsPerHour") VALUES ($1, 60, 30, 3)`,
      [NOW - 1],
    );
    try {
      await expectCountsMatchRecount();
      expect(await readMaintained(getDb(), NOW, NOW)).not.toEqual(before);
    } finally {
      await client.query(`DELETE FROM "CreditPolicy" WHERE "fromYear" = $1`, [NOW - 1]);
    }
    expect(await readMaintained(getDb(), NOW, NOW)).toEqual(before);
  }, 120_000);

  it("lose nothing when many ledger writers of one district and a transfer run at once", async () => {
    const learners = await Promise.all(
      Array.from({ length: 24 }, () => createLearner({ districtCode: "wuchang", startYear: NOW - 1 })),
    );
    await insertEntries(
      learners.map((l) => ({ learnerId: l.id, year: NOW - 1, category: "PROFESSIONAL", credits: 80 })),
    );
    const pool = new pg.Pool({ connectionString: inject("databaseUrl"), max: 12 });
    try {
      // As the ledger's writers do: the learner's lock, an entry, a moment of other work, commit.
      const award = async (learnerId: string, year: number, credits: number, key: string) => {
        const c = await pool.connect();
        try {
          await c.query("BEGIN");
          await c.query(`SELECT 1 FROM "Learner" WHERE "id" = $1 FOR NO KEY UPDATE`, [learnerId]);
          await c.query(
            `INSERT INTO "CreditEntry" ("learnerId", "year", "category", "credits", "source", "sourceKey")
             VALUES ($1, $2, 'PROFESSIONAL', $3, 'ADJUSTMENT', $4)`,
            [learnerId, year, credits, key],
          );
          await c.query("SELECT pg_sleep(0.005)");
          await c.query("COMMIT");
        } catch (error) {
          await c.query("ROLLBACK");
          throw error;
        } finally {
          c.release();
        }
      };
      const jobs = learners.flatMap((l, i) => [
        award(l.id, NOW - 1, 10, `conc:${i}:a`), // completes last year: the active year moves on
        award(l.id, NOW, i % 2 ? 90 : 30, `conc:${i}:b`),
        award(l.id, NOW, 10, `conc:${i}:c`),
      ]);
      jobs.push(
        pool
          .query(`UPDATE "Learner" SET "districtId" = $2 WHERE "id" = $1`, [learners[0]!.id, districtIds[0]])
          .then(() => undefined),
        pool.query(`SELECT "completion_counts_fold"()`).then(() => undefined),
        pool.query(`SELECT "completion_counts_fold"()`).then(() => undefined),
      );
      await Promise.all(jobs);
    } finally {
      await pool.end();
    }
    await expectCountsMatchRecount();
    const wuchang = await readMaintained(getDb(), NOW, NOW);
    expect(Object.values(wuchang).reduce((n, f) => n + f.complete, 0)).toBe(12);
  }, 120_000);

  it("are read by the review exactly as recounted, for the city and a district", async () => {
    await randomScenario(5);
    const city = await getCompletionDashboard({ role: "CITY_ADMIN", districtId: null }, NOW);
    const recount = await readCompletionRecount(getDb(), NOW, NOW);
    for (const d of city.districts) {
      const r = recount[d.districtId] ?? { registered: 0, complete: 0, inProgress: 0, catchUp: 0 };
      expect({ registered: d.registered, complete: d.complete, inProgress: d.inProgress, catchUp: d.catchUp }).toEqual(
        r,
      );
      expect(d.notStarted).toBe(r.registered - r.complete - r.inProgress);
    }
    const one = await getCompletionDashboard({ role: "DISTRICT_ADMIN", districtId: districtIds[1]! }, NOW - 1);
    expect(one.districts.map((d) => d.districtId)).toEqual([districtIds[1]]);
    expect(one.totals).toMatchObject(
      (await readCompletionRecount(getDb(), NOW - 1, NOW, districtIds[1]))[districtIds[1]!] ?? { registered: 0 },
    );
  }, 120_000);
});
