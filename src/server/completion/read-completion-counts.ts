import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { DbOrTx } from "@/server/db";

export interface DistrictCompletionCounts {
  districtId: number;
  registered: number;
  complete: number;
  inProgress: number;
  catchUp: number;
}

/**
 * Per district in `scope` (a condition on `c."districtId"`), the review's figures for `year`,
 * read from the counts the triggers maintain (migration 20261204122000_completion_counts,
 * ADR 0026): CompletionCount plus the deltas not folded into it yet, in one statement, so the
 * figures are those of one instant. The date enters here, not in the triggers: registered in
 * `year` is everyone counted from a start year up to it, catch-up (补学) everyone whose first
 * incomplete obligation year lies before `currentYear`.
 *
 * Folds the pending deltas first (completion_counts_fold: one caller at a time, the others
 * skip), which keeps the outbox a few rows long; the figures are the same either way.
 */
export async function readCompletionCounts(
  db: DbOrTx,
  year: number,
  currentYear: number,
  scope: Prisma.Sql,
): Promise<DistrictCompletionCounts[]> {
  await db.$queryRaw`SELECT "completion_counts_fold"()::int AS folded`;
  return db.$queryRaw<DistrictCompletionCounts[]>`
    SELECT c."districtId",
           COALESCE(SUM(c."learners") FILTER (WHERE c."kind" = 'REGISTERED' AND c."year" <= ${year}), 0)::int AS registered,
           COALESCE(SUM(c."learners") FILTER (WHERE c."kind" = 'COMPLETE' AND c."year" = ${year}), 0)::int AS complete,
           COALESCE(SUM(c."learners") FILTER (WHERE c."kind" = 'IN_PROGRESS' AND c."year" = ${year}), 0)::int AS "inProgress",
           COALESCE(SUM(c."learners") FILTER (WHERE c."kind" = 'ACTIVE_YEAR' AND c."year" < ${currentYear}), 0)::int AS "catchUp"
    FROM (
      SELECT "districtId", "kind", "year", "learners" FROM "CompletionCount"
      UNION ALL
      SELECT "districtId", "kind", "year", "learners" FROM "CompletionCountDelta"
    ) c
    WHERE ${scope}
    GROUP BY c."districtId"`;
}
