import "server-only";
import type { Db } from "@/server/db";

/** One group of player errors: its key and its counts in the last 24 hours and 7 days. */
export interface ErrorGroup {
  dim: "total" | "kind" | "browser" | "course" | "lesson";
  kind: string | null;
  browser: string | null;
  courseId: string | null;
  lessonId: string | null;
  day: number;
  week: number;
}

/**
 * Player errors between `weekAgo` and `now`, grouped by type, browser, course and lesson at once
 * (GROUPING SETS over one range scan of the occurredAt index, hash-aggregated), the 24-hour
 * figures a FILTER of the same scan. Only the `top` groups of each dimension by either window
 * come back (plus the total, from which the rest is derived), however many there are. `db`: the
 * report pool's client (getSupportOverview).
 */
export function readErrorGroups(db: Db, since: { dayAgo: Date; weekAgo: Date; now: Date }, top: number) {
  return db.$queryRaw<ErrorGroup[]>`
    WITH g AS (
      SELECT
        CASE
          WHEN GROUPING(kind) = 0 THEN 'kind'
          WHEN GROUPING(browser) = 0 THEN 'browser'
          WHEN GROUPING("courseId") = 0 THEN 'course'
          WHEN GROUPING("lessonId") = 0 THEN 'lesson'
          ELSE 'total'
        END AS dim,
        kind, browser, "courseId", "lessonId",
        count(*) FILTER (WHERE "occurredAt" >= ${since.dayAgo}::timestamp(3))::int AS day,
        count(*)::int AS week
      FROM "PlayerError"
      WHERE "occurredAt" >= ${since.weekAgo}::timestamp(3) AND "occurredAt" <= ${since.now}::timestamp(3)
      GROUP BY GROUPING SETS ((), (kind), (browser), ("courseId"), ("lessonId"))
    ), ranked AS (
      SELECT g.*,
        row_number() OVER (PARTITION BY dim ORDER BY day DESC, week DESC) AS "dayRank",
        row_number() OVER (PARTITION BY dim ORDER BY week DESC, day DESC) AS "weekRank"
      FROM g
    )
    SELECT dim, kind, browser, "courseId", "lessonId", day, week
    FROM ranked WHERE "dayRank" <= ${top}::int OR "weekRank" <= ${top}::int`;
}
