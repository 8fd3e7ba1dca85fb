import "server-only";
import type { BeatOutcome } from "@/domain/playback";
import { getDb } from "@/server/db";

/**
 * The one write of a heartbeat: the session's new state and, when time was credited, the
 * lesson's verified position, in one statement. Compare-and-set on the sequence number read
 * (and on the session being open) means two concurrent beats of a session cannot both credit,
 * and a session taken over meanwhile credits nothing. Returns whether the session was updated.
 *
 * The statement commits asynchronously (synchronous_commit off for its own transaction): it
 * does not wait for the WAL flush, the cost that bounds single-row writes. A database crash can
 * lose the last fraction of a second of beats, but the session's clock (lastBeatAt) is lost with
 * the credit, so the next beat credits that time again: no honest progress is lost.
 */
export async function writeBeat(args: {
  sessionId: string;
  previousSeq: number;
  outcome: BeatOutcome;
  dbNow: Date;
  close: boolean;
}): Promise<boolean> {
  const { next, verdict, creditedMs, completedNow } = args.outcome;
  const lastBeatAt = new Date(next.lastBeatAtMs);
  const accepted = verdict === "play" || verdict === "seek-back" ? 1 : 0;
  const jump = verdict === "jump" ? 1 : 0;
  const ignored = verdict === "clock" ? 1 : 0;
  const rows = await getDb().$queryRaw<{ updated: number }[]>`
    WITH s AS (
      UPDATE "PlaybackSession" SET
        "lastSeq" = ${next.lastSeq}::int, "lastBeatAt" = ${lastBeatAt}::timestamp(3), "lastPositionMs" = ${next.lastPositionMs}::int,
        contiguous = ${next.contiguous}::boolean, "creditedMs" = "creditedMs" + ${creditedMs}::int,
        "acceptedBeats" = "acceptedBeats" + ${accepted}::int, "jumpBeats" = "jumpBeats" + ${jump}::int,
        "ignoredBeats" = "ignoredBeats" + ${ignored}::int,
        "endedAt" = CASE WHEN ${args.close}::boolean THEN ${args.dbNow}::timestamp(3) END,
        "endReason" = CASE WHEN ${args.close}::boolean THEN 'CLOSED'::"PlaybackEndReason" END
      WHERE id = ${args.sessionId} AND "lastSeq" = ${args.previousSeq}::int AND "endedAt" IS NULL
      RETURNING "enrollmentId", "lessonId"
    ), p AS (
      UPDATE "LessonProgress" lp SET
        "verifiedMs" = GREATEST(lp."verifiedMs", ${next.verifiedMs}::int),
        "completedAt" = COALESCE(lp."completedAt", CASE WHEN ${completedNow}::boolean THEN ${args.dbNow}::timestamp(3) END),
        "updatedAt" = ${args.dbNow}::timestamp(3)
      FROM s
      WHERE ${creditedMs}::int > 0 AND lp."enrollmentId" = s."enrollmentId" AND lp."lessonId" = s."lessonId"
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM s)::int AS updated, (SELECT count(*) FROM p)::int AS progressed,
      set_config('synchronous_commit', 'off', true) AS commit_mode`;
  return (rows[0]?.updated ?? 0) > 0;
}
