import "server-only";
import { getDb } from "@/server/db";

/** What the beats of one session in a batch add up to. */
export interface SessionWrite {
  sessionId: string;
  /** The sequence number read: the write is a compare-and-set on it. */
  previousSeq: number;
  lastSeq: number;
  lastBeatAt: Date;
  lastPositionMs: number;
  contiguous: boolean;
  presenceLeftMs: number;
  creditedMs: number;
  acceptedBeats: number;
  jumpBeats: number;
  ignoredBeats: number;
  verifiedMs: number;
  completedNow: boolean;
  close: boolean;
}

/**
 * The one write of a batch of heartbeats: every session's new state and, where time was
 * credited, its lesson's verified position, in one statement. Compare-and-set on the sequence
 * number read (and on the session being open) means two concurrent batches cannot both credit a
 * session, and a session taken over meanwhile credits nothing. Returns the sessions updated.
 *
 * The statement commits asynchronously (synchronous_commit off for its own transaction): it
 * does not wait for the WAL flush, the cost that bounds single-row writes. A database crash can
 * lose the last fraction of a second of beats, but the session's clock (lastBeatAt) is lost with
 * the credit, so the next beat credits that time again: no honest progress is lost.
 */
export async function writeBeats(writes: SessionWrite[], dbNow: Date): Promise<Set<string>> {
  if (writes.length === 0) return new Set();
  const col = <K extends keyof SessionWrite>(key: K) => writes.map((write) => write[key]);
  const rows = await getDb().$queryRaw<{ updated: string[] | null }[]>`
    WITH v AS (
      SELECT * FROM unnest(${col("sessionId")}::text[], ${col("previousSeq")}::int[], ${col("lastSeq")}::int[],
        ${col("lastBeatAt")}::timestamp(3)[], ${col("lastPositionMs")}::int[], ${col("contiguous")}::boolean[],
        ${col("presenceLeftMs")}::int[], ${col("creditedMs")}::int[], ${col("acceptedBeats")}::int[], ${col("jumpBeats")}::int[],
        ${col("ignoredBeats")}::int[], ${col("verifiedMs")}::int[], ${col("completedNow")}::boolean[],
        ${col("close")}::boolean[])
        AS v(id, "previousSeq", "lastSeq", "lastBeatAt", "lastPositionMs", contiguous, "presenceLeftMs", "creditedMs",
          "acceptedBeats", "jumpBeats", "ignoredBeats", "verifiedMs", "completedNow", close)
    ), s AS (
      UPDATE "PlaybackSession" ps SET
        "lastSeq" = v."lastSeq", "lastBeatAt" = v."lastBeatAt", "lastPositionMs" = v."lastPositionMs",
        contiguous = v.contiguous, "presenceLeftMs" = v."presenceLeftMs", "creditedMs" = ps."creditedMs" + v."creditedMs",
        "acceptedBeats" = ps."acceptedBeats" + v."acceptedBeats", "jumpBeats" = ps."jumpBeats" + v."jumpBeats",
        "ignoredBeats" = ps."ignoredBeats" + v."ignoredBeats",
        "endedAt" = CASE WHEN v.close THEN ${dbNow}::timestamp(3) END,
        "endReason" = CASE WHEN v.close THEN 'CLOSED'::"PlaybackEndReason" END
      FROM v
      WHERE ps.id = v.id AND ps."lastSeq" = v."previousSeq" AND ps."endedAt" IS NULL
      RETURNING ps.id, ps."enrollmentId", ps."lessonId", v."creditedMs", v."verifiedMs", v."completedNow"
    ), p AS (
      UPDATE "LessonProgress" lp SET
        "verifiedMs" = GREATEST(lp."verifiedMs", s."verifiedMs"),
        "completedAt" = COALESCE(lp."completedAt", CASE WHEN s."completedNow" THEN ${dbNow}::timestamp(3) END),
        "updatedAt" = ${dbNow}::timestamp(3)
      FROM s
      WHERE s."creditedMs" > 0 AND lp."enrollmentId" = s."enrollmentId" AND lp."lessonId" = s."lessonId"
      RETURNING 1
    )
    SELECT (SELECT array_agg(id) FROM s) AS updated, (SELECT count(*) FROM p)::int AS progressed,
      set_config('synchronous_commit', 'off', true) AS commit_mode`;
  return new Set(rows[0]?.updated ?? []);
}
