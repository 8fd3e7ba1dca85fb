import { describe, expect, it } from "vitest";
import {
  answerProblem,
  attemptDeadline,
  attemptsLeft,
  decideStart,
  describeRemaining,
  drawPaper,
  formatRemaining,
  gradedStatus,
  gradePaper,
  isAnswerCorrect,
  isPastDeadline,
  optionLetter,
  paperSize,
  requiresRestudy,
  revealsAnswerKey,
  scorePaper,
  shuffle,
  type BankQuestion,
  type QuestionType,
} from "../../src/domain/exams";

/** A deterministic source cycling through the given values. */
function sequence(...values: number[]) {
  let i = 0;
  return () => values[i++ % values.length] ?? 0;
}

function bank(size: number, type: QuestionType = "SINGLE"): BankQuestion[] {
  return Array.from({ length: size }, (_, i) => ({
    id: `q${i + 1}`,
    type,
    optionIds:
      type === "TRUE_FALSE" ? [`q${i + 1}-t`, `q${i + 1}-f`] : ["a", "b", "c", "d"].map((o) => `q${i + 1}-${o}`),
  }));
}

describe("isAnswerCorrect", () => {
  it.each([
    { correct: ["a"], answer: ["a"], expected: true, why: "single: the right option" },
    { correct: ["a"], answer: ["b"], expected: false, why: "single: a wrong option" },
    { correct: ["a"], answer: [], expected: false, why: "unanswered" },
    { correct: ["a", "c"], answer: ["c", "a"], expected: true, why: "multiple: exactly the set, any order" },
    { correct: ["a", "c"], answer: ["a"], expected: false, why: "multiple: too few" },
    { correct: ["a", "c"], answer: ["a", "b", "c"], expected: false, why: "multiple: too many" },
    { correct: ["a", "c"], answer: ["a", "a"], expected: false, why: "duplicates never count" },
    { correct: [], answer: [], expected: false, why: "a question without a key is never right" },
  ])("$why", ({ correct, answer, expected }) => {
    expect(isAnswerCorrect(correct, answer)).toBe(expected);
  });
});

describe("scorePaper / gradePaper", () => {
  it.each([
    [10, 10, 100],
    [6, 10, 60],
    [5, 10, 50],
    [0, 10, 0],
    [1, 3, 33],
    [2, 3, 67],
    [1, 8, 13], // 12.5 rounds up
    [0, 0, 0],
  ])("%i of %i correct scores %i", (correct, count, score) => {
    expect(scorePaper(correct, count)).toBe(score);
  });

  it("passes at the pass score, not below", () => {
    const questions = (right: number) =>
      Array.from({ length: 10 }, (_, i) => ({
        position: i + 1,
        correctOptionIds: ["x"],
        answer: i < right ? ["x"] : ["y"],
      }));
    expect(gradePaper(questions(6), 60)).toMatchObject({ correctCount: 6, score: 60, passed: true });
    expect(gradePaper(questions(5), 60)).toMatchObject({ correctCount: 5, score: 50, passed: false });
    expect(gradePaper(questions(5), 60).results.map((r) => r.correct)).toEqual([
      true,
      true,
      true,
      true,
      true,
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it("never passes an empty paper", () => {
    expect(gradePaper([], 0)).toMatchObject({ score: 0, passed: false });
  });
});

describe("answerProblem", () => {
  const order = ["a", "b", "c"];
  it.each<[QuestionType, string[], string | null]>([
    ["SINGLE", ["a"], null],
    ["SINGLE", [], null],
    ["SINGLE", ["a", "b"], "单选题只能选择一个选项"],
    ["TRUE_FALSE", ["a", "b"], "判断题只能选择一个答案"],
    ["MULTIPLE", ["a", "b", "c"], null],
    ["MULTIPLE", ["a", "z"], "所选选项不属于这道题"],
    ["SINGLE", ["z"], "所选选项不属于这道题"],
    ["MULTIPLE", ["a", "a"], "同一个选项不能重复选择"],
  ])("%s %j → %s", (type, optionIds, problem) => {
    expect(answerProblem(type, order, optionIds)).toBe(problem);
  });
});

describe("drawPaper", () => {
  it("draws the paper size from a larger bank, numbered from 1, without repeats", () => {
    const paper = drawPaper(bank(25), 10, sequence(0.3, 0.7, 0.1, 0.9, 0.5));
    expect(paper).toHaveLength(10);
    expect(paper.map((q) => q.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(new Set(paper.map((q) => q.questionId)).size).toBe(10);
  });

  it("gives the whole bank when it is smaller than the paper", () => {
    const paper = drawPaper(bank(3), 10, sequence(0.5));
    expect(paper.map((q) => q.questionId).sort()).toEqual(["q1", "q2", "q3"]);
  });

  it("shuffles choice options but keeps true/false in the bank's order", () => {
    const tf = drawPaper(bank(4, "TRUE_FALSE"), 4, sequence(0.99, 0.01, 0.5));
    for (const q of tf) expect(q.optionOrder).toEqual([`${q.questionId}-t`, `${q.questionId}-f`]);
    // Math.floor(0 * (i + 1)) = 0 for every step: a full rotation, so the order must change.
    const [single] = drawPaper(bank(1), 1, () => 0);
    expect(single?.optionOrder).toEqual(["q1-b", "q1-c", "q1-d", "q1-a"]);
  });

  it("is reproducible with the same source and refuses a broken source", () => {
    const draw = () => drawPaper(bank(12, "MULTIPLE"), 5, sequence(0.42, 0.17, 0.93, 0.61));
    expect(draw()).toEqual(draw());
    expect(() => drawPaper(bank(3), 3, () => 1)).toThrow(RangeError);
    expect(() => shuffle([1, 2], () => Number.NaN)).toThrow(RangeError);
  });

  it.each([
    [10, 25, 10],
    [10, 3, 3],
    [10, 0, 0],
    [0, 5, 0],
  ])("paperSize(%i questions, bank of %i) = %i", (count, bankSize, size) => {
    expect(paperSize(count, bankSize)).toBe(size);
  });
});

describe("attempt limits", () => {
  const base = { stage: "EXAM_PENDING" as const, cycle: 1, gradedInCycle: 0, maxAttempts: 5, bankSize: 20 };
  it.each([
    [{}, { ok: true, number: 1 }],
    [{ gradedInCycle: 4 }, { ok: true, number: 5 }],
    [{ gradedInCycle: 5 }, { ok: false, reason: "RESTUDY_REQUIRED" }],
    [{ stage: "STUDYING" }, { ok: false, reason: "NOT_STUDIED" }],
    [
      { stage: "STUDYING", cycle: 2 },
      { ok: false, reason: "RESTUDY_REQUIRED" },
    ],
    [{ stage: "CREDITED" }, { ok: false, reason: "ALREADY_PASSED" }],
    [{ bankSize: 0 }, { ok: false, reason: "NO_QUESTIONS" }],
    [
      { cycle: 2, gradedInCycle: 0 },
      { ok: true, number: 1 },
    ],
  ] as const)("decideStart(%j) → %j", (overrides, expected) => {
    expect(decideStart({ ...base, ...overrides })).toEqual(expected);
  });

  it.each([
    [{ passed: false, number: 4 }, 5, false, false],
    [{ passed: false, number: 5 }, 5, true, true],
    [{ passed: true, number: 5 }, 5, false, true],
    [{ passed: true, number: 1 }, 5, false, true],
    [{ passed: false, number: 1 }, 1, true, true],
  ])("attempt %j of %i: restudy %s, key revealed %s", (attempt, max, restudy, reveal) => {
    expect(requiresRestudy(attempt, max)).toBe(restudy);
    expect(revealsAnswerKey(attempt, max)).toBe(reveal);
  });

  it("counts attempts left, never below zero", () => {
    expect(attemptsLeft(0, 5)).toBe(5);
    expect(attemptsLeft(3, 5)).toBe(2);
    expect(attemptsLeft(7, 5)).toBe(0);
  });
});

describe("deadlines", () => {
  const start = new Date("2026-12-31T08:00:00Z");
  const deadline = attemptDeadline(start, 30);
  it("ends the time limit after the start, and is up at the deadline itself", () => {
    expect(deadline.toISOString()).toBe("2026-12-31T08:30:00.000Z");
    expect(isPastDeadline(deadline, new Date(deadline.getTime() - 1))).toBe(false);
    expect(isPastDeadline(deadline, deadline)).toBe(true);
    expect(gradedStatus(deadline, new Date(deadline.getTime() - 1))).toBe("SUBMITTED");
    expect(gradedStatus(deadline, new Date(deadline.getTime() + 1))).toBe("EXPIRED");
  });

  it.each([
    [30 * 60_000, "30:00", "还剩 30 分钟"],
    [61_000, "01:01", "还剩 2 分钟"],
    [59_001, "01:00", "还剩 1 分钟"],
    [5_500, "00:06", "还剩 6 秒"],
    [-3_000, "00:00", "还剩 0 秒"],
    [2 * 3600_000, "2:00:00", "还剩 120 分钟"],
  ])("%i ms → %s / %s", (ms, text, words) => {
    expect(formatRemaining(ms)).toBe(text);
    expect(describeRemaining(ms)).toBe(words);
  });

  it("letters the options as shown", () => {
    expect([0, 1, 25, 26].map(optionLetter)).toEqual(["A", "B", "Z", "27"]);
  });
});
