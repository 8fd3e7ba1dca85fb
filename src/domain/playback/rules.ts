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
}

export interface Heartbeat {
  seq: number;
  positionMs: number;
}

/**
 * replay: a sequence number already seen (or older), ignored entirely.
 * clock: the database clock went backwards: nothing credited, the clock reference is kept.
 * seek-back: the position went back; a run restarts there.
 * jump: the position advanced faster than the fastest speed allows.
 * play: plausible playback; credited when the run is contiguous.
 */
export type BeatVerdict = "replay" | "clock" | "seek-back" | "jump" | "play";

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

/**
 * Applies one heartbeat received at database time `nowMs`. Credited time is at most the real
 * time since the session's previous accepted heartbeat and only extends verified time from
 * where it is (no tolerance is ever credited), so the credit of any sequence of beats is at most
 * the real time since the session started, and a lesson cannot complete sooner than it plays.
 */
export function applyHeartbeat(state: PlaybackState, beat: Heartbeat, nowMs: number): BeatOutcome {
  if (!Number.isInteger(beat.seq) || beat.seq <= state.lastSeq) {
    return { verdict: "replay", creditedMs: 0, next: state, completedNow: false };
  }
  const positionMs = clampPosition(beat.positionMs, state.durationMs);
  const withinVerified = positionMs <= state.verifiedMs + POSITION_TOLERANCE_MS;
  const moved = { ...state, lastSeq: beat.seq, lastPositionMs: positionMs };
  const elapsedMs = nowMs - state.lastBeatAtMs;

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

  const creditedMs = Math.max(0, Math.min(positionMs - state.verifiedMs, elapsedMs));
  const verifiedMs = state.verifiedMs + creditedMs;
  const completedNow =
    !isLessonComplete(state.verifiedMs, state.durationMs) && isLessonComplete(verifiedMs, state.durationMs);
  return { verdict: "play", creditedMs, next: { ...advanced, verifiedMs }, completedNow };
}
