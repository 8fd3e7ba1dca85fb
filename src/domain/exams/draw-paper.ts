import { shuffle } from "./shuffle";
import type { BankQuestion, PaperQuestion, RandomSource } from "./types";

/** The number of questions a paper gets: the course's setting, or the whole bank if smaller. */
export function paperSize(questionCount: number, bankSize: number): number {
  return Math.max(0, Math.min(questionCount, bankSize));
}

/**
 * Draws a paper: `questionCount` distinct questions of the bank in random order (the whole bank
 * when it is smaller), each with its options shuffled. True/false options keep the bank's order:
 * 正确 before 错误 is what every learner expects, and shuffling two options hides nothing.
 */
export function drawPaper(bank: readonly BankQuestion[], questionCount: number, random: RandomSource): PaperQuestion[] {
  const size = paperSize(questionCount, bank.length);
  // A partial shuffle would do, but banks are small and a full one is obviously uniform.
  const chosen = shuffle(bank, random).slice(0, size);
  return chosen.map((question, index) => ({
    questionId: question.id,
    position: index + 1,
    optionOrder: question.type === "TRUE_FALSE" ? [...question.optionIds] : shuffle(question.optionIds, random),
  }));
}
