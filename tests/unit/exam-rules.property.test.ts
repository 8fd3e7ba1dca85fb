import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { drawPaper, gradePaper, isAnswerCorrect, shuffle, type BankQuestion } from "../../src/domain/exams";

/** A source replaying fast-check's floats in [0, 1), so failures shrink and reproduce. */
const randomSource = fc
  .array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { minLength: 1, maxLength: 50 })
  .map((values) => {
    let i = 0;
    return () => values[i++ % values.length] ?? 0;
  });

const bankArb = fc
  .uniqueArray(fc.string({ minLength: 1, maxLength: 8 }), { maxLength: 30 })
  .chain((ids) =>
    fc.tuple(
      ...ids.map((id) =>
        fc.record({
          id: fc.constant(id),
          type: fc.constantFrom("SINGLE" as const, "MULTIPLE" as const, "TRUE_FALSE" as const),
          optionIds: fc.uniqueArray(fc.string({ minLength: 1, maxLength: 4 }), { minLength: 2, maxLength: 6 }),
        }),
      ),
    ),
  )
  .map((questions): BankQuestion[] => questions);

describe("exam rules: properties", () => {
  it("a shuffle is a permutation", () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), randomSource, (items, random) => {
        const shuffled = shuffle(items, random);
        expect([...shuffled].sort((a, b) => a - b)).toEqual([...items].sort((a, b) => a - b));
      }),
    );
  });

  it("a paper has min(count, bank) distinct bank questions, each with a permutation of its options", () => {
    fc.assert(
      fc.property(bankArb, fc.integer({ min: 0, max: 40 }), randomSource, (bank, count, random) => {
        const paper = drawPaper(bank, count, random);
        expect(paper).toHaveLength(Math.min(count, bank.length));
        expect(new Set(paper.map((q) => q.questionId)).size).toBe(paper.length);
        expect(paper.map((q) => q.position)).toEqual(paper.map((_, i) => i + 1));
        const byId = new Map(bank.map((q) => [q.id, q]));
        for (const q of paper) {
          const source = byId.get(q.questionId);
          expect(source).toBeDefined();
          expect([...q.optionOrder].sort()).toEqual([...(source?.optionIds ?? [])].sort());
        }
      }),
    );
  });

  it("every question of a small bank is equally likely to be drawn (chi-square, fixed seed)", () => {
    // 5 questions, papers of 2: each question should appear in 2/5 of the papers.
    const bank: BankQuestion[] = ["a", "b", "c", "d", "e"].map((id) => ({ id, type: "SINGLE", optionIds: ["x", "y"] }));
    let seed = 12345;
    const lcg = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const counts = new Map<string, number>();
    const papers = 20_000;
    for (let i = 0; i < papers; i++) {
      for (const q of drawPaper(bank, 2, lcg)) counts.set(q.questionId, (counts.get(q.questionId) ?? 0) + 1);
    }
    const expected = (papers * 2) / 5;
    const chiSquare = [...counts.values()].reduce((sum, n) => sum + (n - expected) ** 2 / expected, 0);
    expect(counts.size).toBe(5);
    expect(chiSquare).toBeLessThan(18.47); // 4 degrees of freedom, p = 0.001
  });

  it("grading: the score is monotone in correct answers and matches the rounding rule", () => {
    fc.assert(
      fc.property(
        fc.array(fc.boolean(), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 0, max: 100 }),
        (rights, passScore) => {
          const questions = rights.map((right, i) => ({
            position: i + 1,
            correctOptionIds: ["k"],
            answer: right ? ["k"] : [],
          }));
          const grade = gradePaper(questions, passScore);
          const correct = rights.filter(Boolean).length;
          expect(grade.correctCount).toBe(correct);
          expect(grade.score).toBe(Math.round((100 * correct) / rights.length));
          expect(grade.score).toBeGreaterThanOrEqual(0);
          expect(grade.score).toBeLessThanOrEqual(100);
          expect(grade.passed).toBe(grade.score >= passScore);
        },
      ),
    );
  });

  it("a multiple-choice answer is right exactly when it is the key as a set", () => {
    const options = ["a", "b", "c", "d", "e"];
    fc.assert(
      fc.property(fc.subarray(options), fc.subarray(options), (key, answer) => {
        const same = key.length > 0 && key.length === answer.length && key.every((id) => answer.includes(id));
        expect(isAnswerCorrect(key, answer)).toBe(same);
        expect(isAnswerCorrect(key, [...answer].reverse())).toBe(same);
      }),
    );
  });
});
