// The rules of credited study time: pure, applied by the server to every heartbeat. The server
// decides what counts; the player only reports what it is doing.
import { MAX_PLAYBACK_RATE, POSITION_TOLERANCE_MS } from "./constants";
import { isLessonComplete } from "./progress";

/** What the server knows of one playback session and its lesson before a heartbeat. */
export interface PlaybackState {
  /** Highest sequence number accepted so far (0 when none). */
  lastSeq: number;
  /** Database time of the last accepted heartbeat (the session's start before the first). */
  lastBeatAtMs: number;
  lastPositionMs: number;
  /** The current run of playback began within verified time and has not jumped ahead since. */
  contiguous: boolean;
  /** The lesson's verified position for this enrollment. */
  verifiedMs: number;
  durationMs: number;
  /**
   * Credited time left before the next presence check (继续学习?). At 0 a check is due: nothing is
   * credited until the learner answers it, so keeping a session open earns nothing past a check.
   */
  presenceLeftMs: number;
}

export interface Heartbeat {
  seq: number;
  positionMs: number;
  /** The learner answered the presence check; the next one comes after this much credited time. */
  presence?: { nextCheckMs: number };
}

/**
 * replay: a sequence number already seen (or older), ignored entirely.
 * clock: the database clock went backwards: nothing credited, the clock reference is kept.
 * seek-back: the position went back; a run restarts there.
 * jump: the position advanced faster than the fastest speed allows.
 * play: plausible playback; credited when the run is contiguous.
 * unchecked: a presence check is due and unanswered: nothing credited, the clock moves on.
 * presence: the beat that answers a due check; a run restarts there.
 */
export type BeatVerdict = "replay" | "clock" | "seek-back" | "jump" | "play" | "unchecked" | "presence";

export interface BeatOutcome {
  verdict: BeatVerdict;
  creditedMs: number;
  /** The state after the beat (the same object for a replay: nothing to write). */
  next: PlaybackState;
  /** The lesson became complete with this beat. */
  completedNow: boolean;
}

const clampPosition = (positionMs: number, durationMs: number) =>
  Math.min(Math.max(0, Math.trunc(positionMs)), durationMs);

/** A presence check is due: the session credits nothing until it is answered. */
export const isPresenceDue = (state: Pick<PlaybackState, "presenceLeftMs">) => state.presenceLeftMs <= 0;

/**
 * Applies one heartbeat received at database time `nowMs`. Credited time is at most the real
 * time since the session's previous accepted heartbeat and only extends verified time from
 * where it is (no tolerance is ever credited), so the credit of any sequence of beats is at most
 * the real time since the session started, and a lesson cannot complete sooner than it plays.
 * Credit also stops at the next presence check until a beat answers it.
 */
export function applyHeartbeat(state: PlaybackState, beat: Heartbeat, nowMs: number): BeatOutcome {
  if (!Number.isInteger(beat.seq) || beat.seq <= state.lastSeq) {
    return { verdict: "replay", creditedMs: 0, next: state, completedNow: false };
  }
  const positionMs = clampPosition(beat.positionMs, state.durationMs);
  const withinVerified = positionMs <= state.verifiedMs + POSITION_TOLERANCE_MS;
  const moved = { ...state, lastSeq: beat.seq, lastPositionMs: positionMs };
  const elapsedMs = nowMs - state.lastBeatAtMs;

  if (isPresenceDue(state)) {
    // Time passes uncounted (the later clock reading is kept); the answer restarts a run where
    // the player is, as a seek does, and a run that went on past verified time stays uncounted.
    const lastBeatAtMs = Math.max(nowMs, state.lastBeatAtMs);
    if (beat.presence) {
      const next = { ...moved, lastBeatAtMs, contiguous: withinVerified, presenceLeftMs: beat.presence.nextCheckMs };
      return { verdict: "presence", creditedMs: 0, next, completedNow: false };
    }
    const next = { ...moved, lastBeatAtMs, contiguous: state.contiguous && withinVerified };
    return { verdict: "unchecked", creditedMs: 0, next, completedNow: false };
  }
  if (elapsedMs < 0) {
    // Keep the later clock reading: time that has been counted once is never counted again.
    return { verdict: "clock", creditedMs: 0, next: { ...moved, contiguous: withinVerified }, completedNow: false };
  }
  const advanced = { ...moved, lastBeatAtMs: nowMs };
  const advanceMs = positionMs - state.lastPositionMs;
  if (advanceMs < -POSITION_TOLERANCE_MS) {
    return {
      verdict: "seek-back",
      creditedMs: 0,
      next: { ...advanced, contiguous: withinVerified },
      completedNow: false,
    };
  }
  if (advanceMs > MAX_PLAYBACK_RATE * elapsedMs + POSITION_TOLERANCE_MS) {
    return { verdict: "jump", creditedMs: 0, next: { ...advanced, contiguous: withinVerified }, completedNow: false };
  }
  if (!state.contiguous) return { verdict: "play", creditedMs: 0, next: advanced, completedNow: false };

  const creditedMs = Math.max(0, Math.min(positionMs - state.verifiedMs, elapsedMs, state.presenceLeftMs));
  const verifiedMs = state.verifiedMs + creditedMs;
  const completedNow =
    !isLessonComplete(state.verifiedMs, state.durationMs) && isLessonComplete(verifiedMs, state.durationMs);
  const next = { ...advanced, verifiedMs, presenceLeftMs: state.presenceLeftMs - creditedMs };
  return { verdict: "play", creditedMs, next, completedNow };
}
