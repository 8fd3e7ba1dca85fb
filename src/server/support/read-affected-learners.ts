import "server-only";
import type { Db } from "@/server/db";

export interface AffectedLearners {
  day: number;
  week: number;
}

/**
 * How many learners met player errors in the last 24 hours and 7 days, in all and for the given
 * lessons, so that one learner's many errors are told from a video failing for everyone.
 * Distinct counts cost a sort, so they are asked for the total and a handful of lessons only.
 * `db`: the report pool's client (getSupportOverview).
 */
export async function readAffectedLearners(
  db: Db,
  since: { dayAgo: Date; weekAgo: Date; now: Date },
  lessonIds: readonly string[],
): Promise<{ total: AffectedLearners; byLesson: Map<string, AffectedLearners> }> {
  const [total, lessons] = await Promise.all([
    db.$queryRaw<AffectedLearners[]>`
      SELECT count(DISTINCT "learnerId") FILTER (WHERE "occurredAt" >= ${since.dayAgo}::timestamp(3))::int AS day,
        count(DISTINCT "learnerId")::int AS week
      FROM "PlayerError"
      WHERE "occurredAt" >= ${since.weekAgo}::timestamp(3) AND "occurredAt" <= ${since.now}::timestamp(3)`,
    lessonIds.length === 0
      ? Promise.resolve([])
      : db.$queryRaw<(AffectedLearners & { lessonId: string })[]>`
      SELECT "lessonId",
        count(DISTINCT "learnerId") FILTER (WHERE "occurredAt" >= ${since.dayAgo}::timestamp(3))::int AS day,
        count(DISTINCT "learnerId")::int AS week
      FROM "PlayerError"
      WHERE "occurredAt" >= ${since.weekAgo}::timestamp(3) AND "occurredAt" <= ${since.now}::timestamp(3)
        AND "lessonId" = ANY(${[...lessonIds]}::text[])
      GROUP BY "lessonId"`,
  ]);
  return {
    total: total[0] ?? { day: 0, week: 0 },
    byLesson: new Map(lessons.map((l) => [l.lessonId, { day: l.day, week: l.week }])),
  };
}
