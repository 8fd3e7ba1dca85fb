// "A year is complete" has one TypeScript definition (isYearComplete, as summarizeYear applies it:
// what the pages show) and one SQL definition (credit_year_complete, migration
// 20261203170000_credit_year_complete: what the completion review and the export count). On the
// real database: the two agree at the thresholds and on random ledgers, and the SQL paths that
// call the function (queryYearCounts, queryCatchUpCounts, insertDueExportRows) judge a random
// population of learners exactly as the domain's summaries of their ledgers do.
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { seedReferenceData } from "../../prisma/seed";
import {
  DEFAULT_CREDIT_POLICY,
  isYearComplete,
  learnerStanding,
  obligationYears,
  pickPolicyRow,
  RULES_START_YEAR,
  summarizeYear,
  type CreditCategory,
  type CreditLine,
  type CreditPolicyRow,
} from "../../src/domain/credits";
import { Prisma } from "../../src/generated/prisma/client";
import { currentYear } from "../../src/lib/time";
import { queryCatchUpCounts, queryYearCounts } from "../support/query-completion";
import { getDb } from "../../src/server/db";
import { insertDueExportRows } from "../../src/server/exports/insert-due-export-rows";
import { truncateData } from "../support/reset-database";

const Y = currentYear();
const RULE = DEFAULT_CREDIT_POLICY[0]!; // 90 credits, 60 of them professional
const P = (credits: number): Pick<CreditLine, "category" | "credits"> => ({ category: "PROFESSIONAL", credits });
const G = (credits: number): Pick<CreditLine, "category" | "credits"> => ({ category: "PUBLIC", credits }); // 公需科目

let client: pg.Client;

beforeAll(async () => {
  await seedReferenceData(getDb());
  client = new pg.Client({ connectionString: inject("databaseUrl") });
  await client.connect();
});

afterAll(async () => {
  await client.end();
});

/** The domain's verdict on one year's lines. */
function domainVerdict(lines: ReadonlyArray<Pick<CreditLine, "category" | "credits">>, rule: CreditPolicyRow): boolean {
  return summarizeYear(
    lines.map((l) => ({ ...l, year: Y })),
    Y,
    rule,
  ).complete;
}

/**
 * The database's verdict on the same lines: summed as the ledger's trigger sums them into
 * CreditYearTotal (no line: no totals row, NULL sums), then credit_year_complete, with untyped
 * parameters as the portal sends them.
 */
async function sqlVerdict(
  lines: ReadonlyArray<Pick<CreditLine, "category" | "credits">>,
  rule: Pick<CreditPolicyRow, "requiredTotal" | "requiredProfessional">,
): Promise<boolean> {
  const { rows } = await client.query<{ complete: boolean }>(
    `SELECT credit_year_complete(SUM(l.credits)::int,
              COALESCE(SUM(l.credits) FILTER (WHERE l.category = 'PROFESSIONAL'), 0)::int, $3, $4) AS complete
     FROM unnest($1::text[], $2::int[]) AS l(category, credits)
     HAVING COUNT(*) > 0
     UNION ALL
     SELECT credit_year_complete(NULL, NULL, $3, $4) WHERE cardinality($1::text[]) = 0`,
    [lines.map((l) => l.category), lines.map((l) => l.credits), rule.requiredTotal, rule.requiredProfessional],
  );
  expect(rows).toHaveLength(1);
  return rows[0]!.complete;
}

describe("credit_year_complete, the SQL definition of a complete year", () => {
  it("is an inlinable, parallel-safe SQL function that every role may execute", async () => {
    const { rows } = await client.query<Record<string, unknown>>(
      `SELECT l.lanname AS language, p.provolatile AS volatility, p.proisstrict AS strict,
              p.proparallel AS parallel, p.prosecdef AS definer, p.proconfig AS config,
              has_function_privilege('public', p.oid, 'EXECUTE') AS public_execute
       FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang
       WHERE p.proname = 'credit_year_complete'`,
    );
    // Not STRICT (AND is not strict: a strict wrapper would not be inlined), no SET, no
    // SECURITY DEFINER: each of those would keep the planner from inlining it.
    expect(rows).toEqual([
      {
        language: "sql",
        volatility: "i",
        strict: false,
        parallel: "s",
        definer: false,
        config: null,
        public_execute: true,
      },
    ]);
  });

  it("is inlined: the plan compares the columns themselves", async () => {
    const { rows } = await client.query<{ "QUERY PLAN": string }>(
      `EXPLAIN (VERBOSE, COSTS OFF) SELECT * FROM "CreditYearTotal" t
       WHERE t."year" = 2025 AND credit_year_complete(t."totalCredits", t."professionalCredits", 90, 60)`,
    );
    const plan = rows.map((r) => r["QUERY PLAN"]).join("\n");
    expect(plan).not.toContain("credit_year_complete");
    expect(plan).toContain(`(t."totalCredits" >= 90) AND (t."professionalCredits" >= 60)`);
  });

  it.each<[string, Array<Pick<CreditLine, "category" | "credits">>, boolean]>([
    ["no credits at all (no totals row)", [], false],
    ["a zero total", [P(0), G(0)], false],
    ["89 in total, 60 professional", [P(60), G(29)], false],
    ["90 in total, 60 professional", [P(60), G(30)], true],
    ["91 in total, 60 professional", [P(60), G(31)], true],
    ["90 in total, 59 professional", [P(59), G(31)], false],
    ["90 in total, 61 professional", [P(61), G(29)], true],
    ["91 in total, 59 professional", [P(59), G(32)], false],
    ["89 in total, 61 professional", [P(61), G(28)], false],
    ["90 professional, nothing general", [P(90)], true],
    ["89 professional, nothing general", [P(89)], false],
    ["90 general, nothing professional", [G(90)], false],
    ["general credits beyond what counts: 59 professional, 200 general", [P(59), G(200)], false],
    ["general credits beyond what counts: 60 professional, 200 general", [P(60), G(200)], true],
    ["a general reversal taking the total to 90", [P(95), G(-5)], true],
    ["a general reversal taking the total to 89", [P(95), G(-6)], false],
    ["a professional reversal taking professional to 59", [P(70), P(-11), G(40)], false],
    ["everything reversed", [P(60), G(30), P(-60), G(-30)], false],
  ])("agrees with the domain on %s", async (_name, lines, expected) => {
    expect(domainVerdict(lines, RULE)).toBe(expected);
    expect(await sqlVerdict(lines, RULE)).toBe(expected);
  });

  it.each<[string, CreditPolicyRow, Array<Pick<CreditLine, "category" | "credits">>, boolean]>([
    ["no professional floor: 90 general", { ...RULE, requiredProfessional: 0 }, [G(90)], true],
    ["no professional floor: 89 general", { ...RULE, requiredProfessional: 0 }, [G(89)], false],
    ["no professional floor: nothing", { ...RULE, requiredProfessional: 0 }, [], false],
    ["all professional: 90 with 1 general", { ...RULE, requiredProfessional: 90 }, [P(89), G(1)], false],
  ])("agrees with the domain under another policy row: %s", async (_name, rule, lines, expected) => {
    expect(domainVerdict(lines, rule)).toBe(expected);
    expect(await sqlVerdict(lines, rule)).toBe(expected);
  });

  const rule = fc.integer({ min: 1, max: 200 }).chain((requiredTotal) =>
    fc.record({
      fromYear: fc.constant(RULES_START_YEAR),
      requiredTotal: fc.constant(requiredTotal),
      requiredProfessional: fc.integer({ min: 0, max: requiredTotal }),
      creditsPerHour: fc.constant(3),
    }),
  );

  it("agrees with the domain on random ledgers and policy rows", async () => {
    // Mostly positive amounts (real ledgers), some reversals, so both verdicts occur often.
    const line = fc.record({
      category: fc.constantFrom<CreditCategory>("PUBLIC", "PROFESSIONAL"),
      credits: fc.oneof(fc.integer({ min: 1, max: 60 }), fc.integer({ min: -30, max: 30 })),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 12 }), fc.oneof(fc.constant(RULE), rule), async (lines, r) => {
        expect(await sqlVerdict(lines, r)).toBe(domainVerdict(lines, r));
      }),
      { numRuns: 300 },
    );
  });

  it("agrees with isYearComplete on sums around the thresholds", async () => {
    const near = (n: number) => fc.integer({ min: n - 3, max: n + 3 });
    const sums = rule.chain((r) =>
      fc.record({
        rule: fc.constant(r),
        total: fc.oneof(near(r.requiredTotal), fc.integer({ min: -50, max: 400 })),
        professional: fc.oneof(near(r.requiredProfessional), fc.integer({ min: -50, max: 400 })),
      }),
    );
    await fc.assert(
      fc.asyncProperty(sums, async ({ rule: r, total, professional }) => {
        const { rows } = await client.query<{ complete: boolean }>(
          "SELECT credit_year_complete($1, $2, $3, $4) AS complete",
          [total, professional, r.requiredTotal, r.requiredProfessional],
        );
        expect(rows[0]?.complete).toBe(isYearComplete(total, professional, r));
      }),
      { numRuns: 300 },
    );
  });
});

interface TestLearner {
  id: string;
  districtId: number;
  startYear: number;
  active: boolean;
  /** In ledger order. */
  lines: CreditLine[];
}

/** Writes the learners and their ledgers (one INSERT: the trigger sums CreditYearTotal). */
async function writeLearners(learners: readonly TestLearner[]): Promise<Map<string, number[]>> {
  for (const l of learners) {
    await client.query(
      `INSERT INTO "Learner" ("id", "idNumberHmac", "idNumberEncrypted", "idNumberMasked", "name", "gender",
         "birthDate", "districtId", "employer", "qualification", "startYear", "status", "updatedAt")
       VALUES ($1, $2, 'x', '4201**********0000', '测试', 'F', '1980-01-01', $3, '单位', 'JUNIOR', $4, $5, now())`,
      [l.id, randomUUID(), l.districtId, l.startYear, l.active ? "ACTIVE" : "DISABLED"],
    );
  }
  // recordedAt strictly increasing per learner (one second apart), so ledger order is line order.
  const base = Date.UTC(Y, 0, 1);
  const entries = learners.flatMap((l) => l.lines.map((line, i) => ({ learnerId: l.id, line, at: base + i * 1000 })));
  if (entries.length > 0) {
    await client.query(
      `INSERT INTO "CreditEntry" ("learnerId", "year", "category", "credits", "source", "sourceKey", "recordedAt")
       SELECT e."learnerId", e."year", e."category"::"CreditCategory", e."credits", 'ADJUSTMENT', e."sourceKey", e."at"::timestamp
       FROM unnest($1::text[], $2::int[], $3::text[], $4::int[], $5::text[], $6::text[])
            AS e("learnerId", "year", "category", "credits", "sourceKey", "at")`,
      [
        entries.map((e) => e.learnerId),
        entries.map((e) => e.line.year),
        entries.map((e) => e.line.category),
        entries.map((e) => e.line.credits),
        entries.map(() => `test:${randomUUID()}`),
        entries.map((e) => new Date(e.at).toISOString()),
      ],
    );
  }
  return new Map(learners.map((l) => [l.id, l.lines.map((_line, i) => base + i * 1000)]));
}

/** When the domain says the year became complete for good: the entry after the last incomplete prefix. */
function domainCompletedAt(lines: readonly CreditLine[], times: readonly number[], year: number): number | null {
  const own = lines.map((line, i) => ({ line, at: times[i]! })).filter((e) => e.line.year === year);
  let lastUndone = -1;
  for (let n = 0; n < own.length; n++) {
    if (
      !summarizeYear(
        own.slice(0, n + 1).map((e) => e.line),
        year,
      ).complete
    )
      lastUndone = n;
  }
  return lastUndone + 1 < own.length ? own[lastUndone + 1]!.at : null;
}

describe("the SQL paths that use credit_year_complete", () => {
  it("count and export a random population exactly as the domain judges each ledger", async () => {
    const districts = (await getDb().district.findMany({ select: { id: true }, take: 3, orderBy: { id: "asc" } })).map(
      (d) => d.id,
    );
    const years = [Y - 2, Y - 1, Y];
    const learner = fc
      .record({
        districtId: fc.constantFrom(...districts),
        startYear: fc.constantFrom(...years),
        active: fc.constantFrom(true, true, false),
        // Lines in ledger order; each year's amounts aim at the thresholds (30 + 30 + 30 general
        // or professional), with reversals now and then.
        lines: fc.array(
          fc.record({
            year: fc.constantFrom(...years),
            category: fc.constantFrom<CreditCategory>("PUBLIC", "PROFESSIONAL", "PROFESSIONAL"),
            credits: fc.oneof(fc.constantFrom(30, 29, 31, 60, 1), fc.integer({ min: -31, max: -1 })),
          }),
          { maxLength: 14 },
        ),
      })
      .map((l): TestLearner => ({
        ...l,
        id: randomUUID(),
        lines: l.lines.filter((line) => line.year >= l.startYear),
      }));

    await fc.assert(
      fc.asyncProperty(fc.array(learner, { minLength: 1, maxLength: 12 }), async (population) => {
        await truncateData(inject("databaseUrl"));
        const times = await writeLearners(population);
        const policy = DEFAULT_CREDIT_POLICY;

        // Every learner-year's totals row, judged by the function, against the domain's summary.
        const { rows: judged } = await client.query<{ learnerId: string; year: number; complete: boolean }>(
          `SELECT t."learnerId", t."year",
                  credit_year_complete(t."totalCredits", t."professionalCredits", $1, $2) AS complete
           FROM "CreditYearTotal" t`,
          [RULE.requiredTotal, RULE.requiredProfessional],
        );
        for (const row of judged) {
          const l = population.find((p) => p.id === row.learnerId)!;
          expect(row.complete).toBe(summarizeYear(l.lines, row.year, policy).complete);
        }

        // The completion review of each year: registered, complete, in progress.
        for (const year of years) {
          const counts = await queryYearCounts(getDb(), year, pickPolicyRow(policy, year), Prisma.sql`TRUE`);
          const counted = population.filter((l) => l.active && l.startYear <= year);
          const summaries = counted.map((l) => summarizeYear(l.lines, year, policy));
          const sum = (key: "registered" | "complete" | "inProgress") => counts.reduce((n, c) => n + c[key], 0);
          expect([sum("registered"), sum("complete"), sum("inProgress")]).toEqual([
            counted.length,
            summaries.filter((s) => s.complete).length,
            summaries.filter((s) => s.totalCredits > 0 && !s.complete).length,
          ]);
        }

        // Catch-up (补学): the active year, as learnerStanding finds it, lies before this year.
        const priorRules = obligationYears(RULES_START_YEAR, Y - 1).map((year) => ({
          year,
          rule: pickPolicyRow(policy, year),
        }));
        const catchUp = await queryCatchUpCounts(getDb(), Y, priorRules, Prisma.sql`TRUE`);
        const behind = population.filter((l) => {
          const { activeYear } = learnerStanding(l.lines, { startYear: l.startYear, currentYear: Y }, policy);
          return l.active && activeYear !== null && activeYear < Y;
        });
        expect(catchUp.reduce((n, c) => n + c.catchUp, 0)).toBe(behind.length);

        // The export of last year: who is due, and when each year became complete (完成日期).
        const exportYear = Y - 1;
        await client.query("BEGIN");
        try {
          await insertDueExportRows(client, { batchId: 1, year: exportYear, rule: pickPolicyRow(policy, exportYear) });
          const { rows: exported } = await client.query<{ learnerId: string; completedAt: string }>(
            `SELECT "learnerId", (EXTRACT(EPOCH FROM "completedAt") * 1000)::bigint::text AS "completedAt"
             FROM "ExportRow" WHERE "batchId" = 1`,
          );
          const due = population.filter(
            (l) => l.startYear <= exportYear && summarizeYear(l.lines, exportYear, policy).complete,
          );
          expect(new Map(exported.map((r) => [r.learnerId, Number(r.completedAt)]))).toEqual(
            new Map(due.map((l) => [l.id, domainCompletedAt(l.lines, times.get(l.id)!, exportYear)])),
          );
        } finally {
          await client.query("ROLLBACK");
        }
      }),
      { numRuns: 25 },
    );
  });
});
