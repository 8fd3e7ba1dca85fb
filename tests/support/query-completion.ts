import { Prisma } from "../../src/generated/prisma/client";
import { RULES_START_YEAR, type CreditPolicyRow } from "../../src/domain/credits";
import type { DbOrTx } from "../../src/server/db";

// The completion review as a recount over every learner and learner-year in scope: what the
// review computed before its counts were maintained (ADR 0026). Kept as the reference the
// maintained counts are tested against (tests/integration/completion-counts.test.ts); the review
// itself reads readCompletionCounts.

export interface DistrictYearCounts {
  districtId: number;
  registered: number;
  complete: number;
  inProgress: number;
}

/**
 * Whether the year totals `t` (left-joined: no row is no credits) complete the year under `rule`:
 * the database's credit_year_complete (migration 20261203170000_credit_year_complete), the SQL
 * twin of isYearComplete in src/domain/credits. An inlined SQL function: plain comparisons on
 * the columns for the planner.
 */
function yearComplete(rule: CreditPolicyRow): Prisma.Sql {
  return Prisma.sql`credit_year_complete(t."totalCredits", t."professionalCredits", ${rule.requiredTotal}::int, ${rule.requiredProfessional}::int)`;
}

/**
 * Per district, the active learners for whom `year` is an obligation year, and how many of them
 * completed it or have some (net) credits in it: one pass over the learners in scope joined to
 * their year totals (CreditYearTotal, one row per learner-year). Only counts reach Node.
 */
export function queryYearCounts(db: DbOrTx, year: number, rule: CreditPolicyRow, scope: Prisma.Sql) {
  return db.$queryRaw<DistrictYearCounts[]>`
    SELECT l."districtId",
           COUNT(*)::int AS registered,
           COUNT(*) FILTER (WHERE ${yearComplete(rule)})::int AS complete,
           COUNT(*) FILTER (WHERE t."totalCredits" > 0 AND NOT ${yearComplete(rule)})::int AS "inProgress"
    FROM "Learner" l
    LEFT JOIN "CreditYearTotal" t ON t."learnerId" = l."id" AND t."year" = ${year}
    WHERE l."status" = 'ACTIVE' AND l."startYear" <= ${year} AND ${scope}
    GROUP BY l."districtId"`;
}

/**
 * Per district, the active learners in catch-up (补学): some obligation year before the current
 * one is incomplete, so their active year lies in the past. Counted as: fewer complete years
 * before the current one than obligation years before it. `rules` holds the policy row of each
 * year from 2018 to the year before the current one.
 */
export function queryCatchUpCounts(
  db: DbOrTx,
  currentYear: number,
  rules: ReadonlyArray<{ year: number; rule: CreditPolicyRow }>,
  scope: Prisma.Sql,
) {
  if (rules.length === 0) return Promise.resolve([]);
  const table = Prisma.join(
    rules.map(
      ({ year, rule }) => Prisma.sql`(${year}::int, ${rule.requiredTotal}::int, ${rule.requiredProfessional}::int)`,
    ),
  );
  return db.$queryRaw<{ districtId: number; catchUp: number }[]>`
    WITH rules (year, total, professional) AS (VALUES ${table}),
    done AS (
      SELECT t."learnerId", COUNT(*) AS years
      FROM "CreditYearTotal" t
      JOIN rules r ON r.year = t."year"
      JOIN "Learner" l ON l."id" = t."learnerId"
      WHERE t."year" >= GREATEST(l."startYear", ${RULES_START_YEAR})
        AND credit_year_complete(t."totalCredits", t."professionalCredits", r.total, r.professional)
        AND l."status" = 'ACTIVE' AND ${scope}
      GROUP BY t."learnerId"
    )
    SELECT l."districtId", COUNT(*)::int AS "catchUp"
    FROM "Learner" l
    LEFT JOIN done d ON d."learnerId" = l."id"
    WHERE l."status" = 'ACTIVE' AND ${scope}
      AND GREATEST(l."startYear", ${RULES_START_YEAR}) < ${currentYear}
      AND COALESCE(d.years, 0) < ${currentYear} - GREATEST(l."startYear", ${RULES_START_YEAR})
    GROUP BY l."districtId"`;
}
