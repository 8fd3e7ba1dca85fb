import "server-only";
import { z } from "zod";
import { applyHeartbeat, MAX_INT4, type PlaybackState } from "@/domain/playback";
import { beatLog } from "./beat-log";
import { completeEnrollmentStudy } from "./complete-enrollment-study";
import { readBeatState } from "./read-beat-state";
import { writeBeat } from "./write-beat";

export const BEAT_EVENTS = ["play", "tick", "pause", "seek", "ended", "hide", "close"] as const;

export const ZHeartbeatInput = z.object({
  sessionId: z.uuid(),
  seq: z.number().int().min(1).max(MAX_INT4),
  positionMs: z.number().finite().min(0).max(MAX_INT4).transform(Math.trunc),
  event: z.enum(BEAT_EVENTS).default("tick"),
});
export type THeartbeatInput = z.output<typeof ZHeartbeatInput>;

/** What the player is told: the same shape for every beat, accepted or not. */
export interface HeartbeatAnswer {
  /** ended: unknown, closed or not this learner's; the player must start again to count. */
  session: "active" | "taken-over" | "ended";
  verifiedMs: number;
  /** Playing on from here extends verified time. */
  crediting: boolean;
  lessonComplete: boolean;
  courseComplete: boolean;
}

const ENDED: HeartbeatAnswer = {
  session: "ended",
  verifiedMs: 0,
  crediting: false,
  lessonComplete: false,
  courseComplete: false,
};

/**
 * One heartbeat of the learner's playback session: one read, the pure rules, one write (none
 * for a replayed beat or a session that no longer counts), and a buffered raw log row.
 * Finishing the course's last lesson takes a few more queries, once.
 */
export async function recordHeartbeat(learnerId: string, beat: THeartbeatInput): Promise<HeartbeatAnswer> {
  const row = await readBeatState(beat.sessionId, learnerId);
  const log = (receivedAt: Date, verdict: string, creditedMs = 0, positionMs = beat.positionMs) =>
    beatLog.add({
      sessionId: beat.sessionId,
      seq: beat.seq,
      receivedAt,
      positionMs,
      event: beat.event,
      verdict,
      creditedMs,
    });
  if (!row) {
    log(new Date(), "unknown");
    return ENDED;
  }
  const durationMs = row.durationSeconds * 1000;
  const courseDone = row.enrollmentStatus !== "STUDYING";
  if (!row.learnerActive) {
    log(row.dbNow, "learner-inactive");
    return ENDED;
  }
  if (row.ended) {
    log(row.dbNow, "ended");
    return {
      ...ENDED,
      session: row.endReason === "TAKEN_OVER" ? "taken-over" : "ended",
      verifiedMs: Math.min(row.verifiedMs, durationMs),
      lessonComplete: row.completed,
      courseComplete: courseDone,
    };
  }

  const state: PlaybackState = {
    lastSeq: row.lastSeq,
    lastBeatAtMs: row.lastBeatAt.getTime(),
    lastPositionMs: row.lastPositionMs,
    contiguous: row.contiguous,
    verifiedMs: Math.min(row.verifiedMs, durationMs),
    durationMs,
  };
  const outcome = applyHeartbeat(state, beat, row.dbNow.getTime());
  const answer = (next: PlaybackState, courseComplete: boolean): HeartbeatAnswer => ({
    session: "active",
    verifiedMs: next.verifiedMs,
    crediting: next.contiguous,
    lessonComplete: row.completed || outcome.completedNow,
    courseComplete,
  });
  if (outcome.verdict === "replay") {
    log(row.dbNow, "replay");
    return answer(state, courseDone);
  }

  const close = beat.event === "close";
  const written = await writeBeat({
    sessionId: beat.sessionId,
    previousSeq: row.lastSeq,
    outcome,
    dbNow: row.dbNow,
    close,
  });
  if (!written) {
    // A concurrent beat of this session, or a takeover, got there first: this one counts for nothing.
    log(row.dbNow, "conflict");
    return { ...answer(state, courseDone), crediting: false };
  }
  log(row.dbNow, outcome.verdict, outcome.creditedMs, outcome.next.lastPositionMs);
  const courseComplete = courseDone || (outcome.completedNow && (await completeEnrollmentStudy(row.enrollmentId)));
  return { ...answer(outcome.next, courseComplete), session: close ? "ended" : "active" };
}
