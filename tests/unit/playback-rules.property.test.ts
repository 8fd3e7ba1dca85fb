// Properties of the credited-time rules against any sequence of heartbeats a script could send.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  applyHeartbeat,
  BEAT_INTERVAL_MS,
  isLessonComplete,
  isPresenceDue,
  type Heartbeat,
  type PlaybackState,
} from "../../src/domain/playback";

const T0 = 1_800_000_000_000;

function startState(
  durationMs: number,
  verifiedMs: number,
  resumeMs: number,
  presenceLeftMs = Number.MAX_SAFE_INTEGER,
): PlaybackState {
  return {
    lastSeq: 0,
    lastBeatAtMs: T0,
    lastPositionMs: resumeMs,
    contiguous: true,
    verifiedMs,
    durationMs,
    presenceLeftMs,
  };
}

/** A beat as a cheater may send it: any seq, any position, any arrival time (even backwards). */
const cheaterBeat = fc.record({
  seq: fc.oneof(fc.integer({ min: -5, max: 400 }), fc.constant(2_147_483_647)),
  positionMs: fc.oneof(fc.integer({ min: -10_000, max: 4_000_000 }), fc.integer({ min: 0, max: 60_000 })),
  // Mostly forward in time, sometimes a clock stepping back.
  waitMs: fc.oneof(fc.integer({ min: 0, max: 60_000 }), fc.integer({ min: -20_000, max: 0 })),
});

describe("a cheater", () => {
  it("never gains more credited time than real time elapsed, whatever it sends", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1_000, max: 3_600_000 }),
        fc.nat(),
        fc.nat(),
        fc.array(cheaterBeat, { maxLength: 120 }),
        (durationMs, verifiedSeed, resumeSeed, beats) => {
          const initialVerified = verifiedSeed % (durationMs + 1);
          let state = startState(durationMs, initialVerified, resumeSeed % (durationMs + 1));
          let clock = T0;
          let latest = T0;
          let credited = 0;
          for (const beat of beats) {
            clock += beat.waitMs;
            latest = Math.max(latest, clock);
            const outcome = applyHeartbeat(state, beat, clock);
            expect(outcome.creditedMs).toBeGreaterThanOrEqual(0);
            credited += outcome.creditedMs;
            state = outcome.next;
            // At every moment, not only at the end.
            expect(credited).toBeLessThanOrEqual(latest - T0);
            expect(state.verifiedMs - initialVerified).toBe(credited);
            expect(state.verifiedMs).toBeLessThanOrEqual(durationMs);
          }
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it("cannot complete a lesson sooner than its real duration by replaying or racing beats", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 60_000, max: 3_600_000 }),
        fc.array(
          fc.record({
            waitMs: fc.integer({ min: 0, max: 20_000 }),
            replay: fc.boolean(),
            rate: fc.constantFrom(1, 1.5, 2, 16),
          }),
          {
            maxLength: 400,
          },
        ),
        (durationMs, steps) => {
          let state = startState(durationMs, 0, 0);
          let clock = T0;
          let seq = 0;
          let position = 0;
          let recorded: Heartbeat | null = null;
          for (const step of steps) {
            clock += step.waitMs;
            position += step.waitMs * step.rate;
            const beat: Heartbeat = step.replay && recorded ? recorded : { seq: ++seq, positionMs: position };
            recorded ??= beat;
            state = applyHeartbeat(state, beat, clock).next;
            if (isLessonComplete(state.verifiedMs, durationMs)) {
              expect(clock - T0).toBeGreaterThanOrEqual(state.verifiedMs);
            }
          }
          expect(state.verifiedMs).toBeLessThanOrEqual(clock - T0);
        },
      ),
    );
  });
});

describe("a script that keeps a session open", () => {
  it("earns nothing past the next presence check unless it answers", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_500_000 }),
        fc.array(cheaterBeat, { maxLength: 200 }),
        (presenceLeftMs, beats) => {
          let state = startState(3_600_000, 0, 0, presenceLeftMs);
          let clock = T0;
          let credited = 0;
          for (const beat of beats) {
            clock += beat.waitMs;
            const outcome = applyHeartbeat(state, beat, clock);
            credited += outcome.creditedMs;
            state = outcome.next;
            expect(credited).toBeLessThanOrEqual(presenceLeftMs);
            expect(state.presenceLeftMs).toBe(presenceLeftMs - credited);
          }
        },
      ),
      { numRuns: 1_000 },
    );
  });
});

describe("an honest learner", () => {
  it("completes a long lesson at 1× answering each presence check, losing no played time", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 600, max: 7_200 }).map((s) => s * 1_000),
        fc.integer({ min: 60_000, max: 1_500_000 }),
        fc.array(fc.integer({ min: 1_000, max: 120_000 }), { minLength: 20, maxLength: 20 }),
        (durationMs, firstCheckMs, answerDelays) => {
          let state = startState(durationMs, 0, 0, firstCheckMs);
          let clock = T0;
          let position = 0;
          let seq = 0;
          let checks = 0;
          let answeringMs = 0;
          while (position < durationMs) {
            if (isPresenceDue(state)) {
              // The player pauses and goes back to verified time; the learner answers, playing resumes.
              position = state.verifiedMs;
              const delay = answerDelays[checks++ % answerDelays.length]!;
              clock += delay;
              answeringMs += delay;
              state = applyHeartbeat(
                state,
                { seq: ++seq, positionMs: position, presence: { nextCheckMs: 900_000 } },
                clock,
              ).next;
              continue;
            }
            const step = Math.min(BEAT_INTERVAL_MS, durationMs - position);
            clock += step;
            position += step;
            state = applyHeartbeat(state, { seq: ++seq, positionMs: position }, clock).next;
          }
          expect(isLessonComplete(state.verifiedMs, durationMs)).toBe(true);
          // Every check falls due within one beat of 15 minutes' credit; waiting for answers is not credited.
          expect(checks).toBeGreaterThanOrEqual(Math.floor((durationMs - firstCheckMs) / 915_000));
          expect(state.verifiedMs).toBeLessThanOrEqual(clock - T0 - answeringMs);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("completes a lesson by playing it once at 1×, with jittery beats", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 60, max: 3_600 }).map((s) => s * 1_000),
        fc.integer({ min: 0, max: 3_000 }),
        fc.array(fc.integer({ min: 0, max: 800 }), { minLength: 300, maxLength: 300 }),
        fc.array(fc.integer({ min: -2_000, max: 2_000 }), { minLength: 300, maxLength: 300 }),
        (durationMs, loadMs, delays, cadence) => {
          let state = startState(durationMs, 0, 0);
          const playStart = T0 + loadMs;
          let sentAt = playStart;
          let seq = 0;
          let lastArrival = T0;
          for (let i = 0; ; i++) {
            sentAt = Math.min(sentAt + BEAT_INTERVAL_MS + (cadence[i % cadence.length] ?? 0), playStart + durationMs);
            const arrival = Math.max(lastArrival, sentAt + (delays[i % delays.length] ?? 0));
            lastArrival = arrival;
            state = applyHeartbeat(state, { seq: ++seq, positionMs: sentAt - playStart }, arrival).next;
            if (sentAt === playStart + durationMs) break; // the "ended" beat
          }
          expect(isLessonComplete(state.verifiedMs, durationMs)).toBe(true);
          // Behind only by the network's jitter.
          expect(durationMs - state.verifiedMs).toBeLessThanOrEqual(800);
        },
      ),
      { numRuns: 500 },
    );
  });
});
