import { describe, expect, it } from "vitest";
import {
  applyHeartbeat,
  completionThresholdMs,
  coursePercent,
  isLessonComplete,
  lessonPercent,
  makeProblemReference,
  nextPresenceCheckMs,
  normalizeProblemReference,
  REFERENCE_ALPHABET,
  type BeatVerdict,
  type PlaybackState,
} from "../../src/domain/playback";

const T0 = 1_800_000_000_000;
const base: PlaybackState = {
  lastSeq: 3,
  lastBeatAtMs: T0,
  lastPositionMs: 60_000,
  contiguous: true,
  verifiedMs: 60_000,
  durationMs: 600_000,
  presenceLeftMs: 20 * 60_000,
};

describe("applyHeartbeat", () => {
  const cases: Array<{
    name: string;
    state?: Partial<PlaybackState>;
    seq?: number;
    positionMs: number;
    elapsedMs: number;
    verdict: BeatVerdict;
    creditedMs: number;
    verifiedMs: number;
    contiguous: boolean;
  }> = [
    {
      name: "1× play credits the real time",
      positionMs: 75_000,
      elapsedMs: 15_000,
      verdict: "play",
      creditedMs: 15_000,
      verifiedMs: 75_000,
      contiguous: true,
    },
    {
      name: "a beat arriving early credits only the real time",
      positionMs: 75_000,
      elapsedMs: 14_200,
      verdict: "play",
      creditedMs: 14_200,
      verifiedMs: 74_200,
      contiguous: true,
    },
    {
      name: "1.5× play credits the real time, not the position",
      positionMs: 82_500,
      elapsedMs: 15_000,
      verdict: "play",
      creditedMs: 15_000,
      verifiedMs: 75_000,
      contiguous: true,
    },
    {
      name: "the tolerance is never credited",
      positionMs: 84_500,
      elapsedMs: 15_000,
      verdict: "play",
      creditedMs: 15_000,
      verifiedMs: 75_000,
      contiguous: true,
    },
    {
      name: "faster than 1.5× is a jump",
      positionMs: 84_501,
      elapsedMs: 15_000,
      verdict: "jump",
      creditedMs: 0,
      verifiedMs: 60_000,
      contiguous: false,
    },
    {
      name: "a jump far ahead credits nothing",
      positionMs: 590_000,
      elapsedMs: 15_000,
      verdict: "jump",
      creditedMs: 0,
      verifiedMs: 60_000,
      contiguous: false,
    },
    {
      name: "a jump within verified time keeps the run",
      state: { verifiedMs: 300_000, lastPositionMs: 10_000 },
      positionMs: 200_000,
      elapsedMs: 2_000,
      verdict: "jump",
      creditedMs: 0,
      verifiedMs: 300_000,
      contiguous: true,
    },
    {
      name: "a pause credits nothing",
      positionMs: 60_000,
      elapsedMs: 300_000,
      verdict: "play",
      creditedMs: 0,
      verifiedMs: 60_000,
      contiguous: true,
    },
    {
      name: "replaying verified time credits nothing",
      state: { verifiedMs: 300_000, lastPositionMs: 100_000 },
      positionMs: 115_000,
      elapsedMs: 15_000,
      verdict: "play",
      creditedMs: 0,
      verifiedMs: 300_000,
      contiguous: true,
    },
    {
      name: "replay crossing the verified position credits the new part only",
      state: { verifiedMs: 110_000, lastPositionMs: 100_000 },
      positionMs: 115_000,
      elapsedMs: 15_000,
      verdict: "play",
      creditedMs: 5_000,
      verifiedMs: 115_000,
      contiguous: true,
    },
    {
      name: "a seek back within verified time restarts a contiguous run",
      state: { lastPositionMs: 59_000 },
      positionMs: 10_000,
      elapsedMs: 15_000,
      verdict: "seek-back",
      creditedMs: 0,
      verifiedMs: 60_000,
      contiguous: true,
    },
    {
      name: "a seek back still beyond verified time is not contiguous",
      state: { verifiedMs: 50_000, lastPositionMs: 120_000 },
      positionMs: 90_000,
      elapsedMs: 15_000,
      verdict: "seek-back",
      creditedMs: 0,
      verifiedMs: 50_000,
      contiguous: false,
    },
    {
      name: "a small step back is jitter, not a seek",
      positionMs: 58_500,
      elapsedMs: 15_000,
      verdict: "play",
      creditedMs: 0,
      verifiedMs: 60_000,
      contiguous: true,
    },
    {
      name: "play after a jump credits nothing",
      state: { contiguous: false, lastPositionMs: 400_000 },
      positionMs: 415_000,
      elapsedMs: 15_000,
      verdict: "play",
      creditedMs: 0,
      verifiedMs: 60_000,
      contiguous: false,
    },
    {
      name: "a replayed sequence number changes nothing",
      seq: 3,
      positionMs: 75_000,
      elapsedMs: 15_000,
      verdict: "replay",
      creditedMs: 0,
      verifiedMs: 60_000,
      contiguous: true,
    },
    {
      name: "an older sequence number changes nothing",
      seq: 1,
      positionMs: 75_000,
      elapsedMs: 15_000,
      verdict: "replay",
      creditedMs: 0,
      verifiedMs: 60_000,
      contiguous: true,
    },
    {
      name: "a fractional sequence number changes nothing",
      seq: 3.5,
      positionMs: 75_000,
      elapsedMs: 15_000,
      verdict: "replay",
      creditedMs: 0,
      verifiedMs: 60_000,
      contiguous: true,
    },
    {
      name: "a backwards clock credits nothing",
      positionMs: 75_000,
      elapsedMs: -5_000,
      verdict: "clock",
      creditedMs: 0,
      verifiedMs: 60_000,
      contiguous: false,
    },
    {
      name: "positions past the end are clamped to the duration",
      state: { verifiedMs: 590_000, lastPositionMs: 590_000 },
      positionMs: 999_999,
      elapsedMs: 15_000,
      verdict: "play",
      creditedMs: 10_000,
      verifiedMs: 600_000,
      contiguous: true,
    },
    {
      name: "credit stops at the presence check",
      state: { presenceLeftMs: 5_000 },
      positionMs: 75_000,
      elapsedMs: 15_000,
      verdict: "play",
      creditedMs: 5_000,
      verifiedMs: 65_000,
      contiguous: true,
    },
    {
      name: "while a presence check is due nothing is credited, and the run ahead is not counted later",
      state: { presenceLeftMs: 0 },
      positionMs: 75_000,
      elapsedMs: 15_000,
      verdict: "unchecked",
      creditedMs: 0,
      verifiedMs: 60_000,
      contiguous: false,
    },
    {
      name: "a negative position counts as the start",
      positionMs: -5_000,
      elapsedMs: 15_000,
      verdict: "seek-back",
      creditedMs: 0,
      verifiedMs: 60_000,
      contiguous: true,
    },
  ];

  it.each(cases)("$name", ({ state, seq, positionMs, elapsedMs, verdict, creditedMs, verifiedMs, contiguous }) => {
    const before = { ...base, ...state };
    const outcome = applyHeartbeat(before, { seq: seq ?? 4, positionMs }, T0 + elapsedMs);
    expect(outcome.verdict).toBe(verdict);
    expect(outcome.creditedMs).toBe(creditedMs);
    expect(outcome.next.verifiedMs).toBe(verifiedMs);
    expect(outcome.next.contiguous).toBe(contiguous);
    if (verdict === "replay") expect(outcome.next).toBe(before);
    else expect(outcome.next.lastSeq).toBe(4);
    expect(outcome.next.lastBeatAtMs).toBe(verdict === "replay" || verdict === "clock" ? T0 : T0 + elapsedMs);
  });

  it("credits again after the presence check is answered, from the answer on", () => {
    const due = { ...base, presenceLeftMs: 0 };
    const waiting = applyHeartbeat(due, { seq: 4, positionMs: 60_000 }, T0 + 300_000);
    expect(waiting).toMatchObject({ verdict: "unchecked", creditedMs: 0 });
    expect(waiting.next).toMatchObject({ presenceLeftMs: 0, contiguous: true, lastBeatAtMs: T0 + 300_000 });

    const answered = applyHeartbeat(
      waiting.next,
      { seq: 5, positionMs: 60_000, presence: { nextCheckMs: 900_000 } },
      T0 + 310_000,
    );
    expect(answered).toMatchObject({ verdict: "presence", creditedMs: 0 });
    expect(answered.next).toMatchObject({ presenceLeftMs: 900_000, contiguous: true, lastBeatAtMs: T0 + 310_000 });

    const playing = applyHeartbeat(answered.next, { seq: 6, positionMs: 75_000 }, T0 + 325_000);
    expect(playing).toMatchObject({ verdict: "play", creditedMs: 15_000 });
    expect(playing.next.presenceLeftMs).toBe(885_000);
  });

  it("takes an answer only when a check is due: answering early puts nothing off", () => {
    const early = applyHeartbeat(
      base,
      { seq: 4, positionMs: 75_000, presence: { nextCheckMs: 25 * 60_000 } },
      T0 + 15_000,
    );
    expect(early).toMatchObject({ verdict: "play", creditedMs: 15_000 });
    expect(early.next.presenceLeftMs).toBe(base.presenceLeftMs - 15_000);
  });

  it("restarts an answered run only within verified time", () => {
    const ahead = { ...base, presenceLeftMs: 0, lastPositionMs: 90_000, contiguous: false };
    const answered = applyHeartbeat(
      ahead,
      { seq: 4, positionMs: 90_000, presence: { nextCheckMs: 900_000 } },
      T0 + 5_000,
    );
    expect(answered.next.contiguous).toBe(false);
    const back = applyHeartbeat(ahead, { seq: 4, positionMs: 60_000, presence: { nextCheckMs: 900_000 } }, T0 + 5_000);
    expect(back.next.contiguous).toBe(true);
  });

  it("reports the beat that completes the lesson, once", () => {
    const state = { ...base, durationMs: 100_000, verifiedMs: 90_000, lastPositionMs: 90_000 };
    const first = applyHeartbeat(state, { seq: 4, positionMs: 96_000 }, T0 + 6_000);
    expect(first).toMatchObject({ verdict: "play", creditedMs: 6_000, completedNow: true });
    const second = applyHeartbeat(first.next, { seq: 5, positionMs: 100_000 }, T0 + 10_000);
    expect(second).toMatchObject({ creditedMs: 4_000, completedNow: false });
  });
});

describe("lesson and course progress", () => {
  it.each([
    [600_000, 570_000],
    [100_000, 95_000],
    [12_000, 11_000], // 11.2 s of video stated as 12 s: rounding, not 95 %, decides
    [1_000, 0],
  ])("a lesson of %i ms completes at %i ms", (durationMs, threshold) => {
    expect(completionThresholdMs(durationMs)).toBe(threshold);
    expect(isLessonComplete(threshold, durationMs)).toBe(true);
    if (threshold > 0) expect(isLessonComplete(threshold - 1, durationMs)).toBe(false);
  });

  it("shows 100 % only for a complete lesson and course", () => {
    expect(lessonPercent(94_999, 100_000)).toBe(94);
    expect(lessonPercent(95_000, 100_000)).toBe(100);
    expect(lessonPercent(0, 0)).toBe(100);
    expect(coursePercent([])).toBe(0);
    expect(
      coursePercent([
        { verifiedMs: 95_000, durationMs: 100_000 },
        { verifiedMs: 0, durationMs: 100_000 },
      ]),
    ).toBe(50);
    expect(
      coursePercent([
        { verifiedMs: 95_000, durationMs: 100_000 },
        { verifiedMs: 94_999, durationMs: 100_000 },
      ]),
    ).toBe(97);
    expect(coursePercent([{ verifiedMs: 11_000, durationMs: 12_000 }])).toBe(100);
  });
});

describe("problem references and presence checks", () => {
  it("makes references of 8 unambiguous characters in two groups", () => {
    let i = 0;
    const reference = makeProblemReference((max) => i++ % max);
    expect(reference).toBe("2345-6789");
    expect(makeProblemReference((max) => max - 1)).toBe("ZZZZ-ZZZZ");
    expect(REFERENCE_ALPHABET).not.toMatch(/[01OILUV]/);
    expect(normalizeProblemReference(" k7q9 m2xd ")).toBe("K7Q9-M2XD");
    expect(normalizeProblemReference("K7Q9-M2X0")).toBeNull();
    expect(normalizeProblemReference("K7Q9-M2X")).toBeNull();
  });

  it("schedules presence checks between 15 and 25 minutes of playing", () => {
    expect(nextPresenceCheckMs(0)).toBe(15 * 60_000);
    expect(nextPresenceCheckMs(0.5)).toBe(20 * 60_000);
    expect(nextPresenceCheckMs(0.999_999_9)).toBeLessThanOrEqual(25 * 60_000);
    expect(nextPresenceCheckMs(7)).toBe(25 * 60_000);
  });
});
