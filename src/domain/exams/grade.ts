import type { GradableQuestion } from "./types";

/** Right only when exactly the correct options are chosen: a partial multiple choice is wrong. */
export function isAnswerCorrect(correctOptionIds: readonly string[], answer: readonly string[]): boolean {
  const chosen = new Set(answer);
  if (chosen.size !== answer.length || correctOptionIds.length === 0) return false;
  return chosen.size === new Set(correctOptionIds).size && correctOptionIds.every((id) => chosen.has(id));
}

/** round(100 × correct / count): every question weighs the same. An empty paper scores 0. */
export function scorePaper(correctCount: number, questionCount: number): number {
  if (questionCount <= 0) return 0;
  return Math.round((100 * correctCount) / questionCount);
}

export interface PaperGrade {
  /** Per question, in paper order: whether its answer was right. */
  results: { position: number; correct: boolean }[];
  correctCount: number;
  score: number;
  passed: boolean;
}

/** Grades a paper against the key; passes at `passScore` (of 100) or more. */
export function gradePaper(questions: readonly GradableQuestion[], passScore: number): PaperGrade {
  const results = questions.map((q) => ({
    position: q.position,
    correct: isAnswerCorrect(q.correctOptionIds, q.answer),
  }));
  const correctCount = results.filter((r) => r.correct).length;
  const score = scorePaper(correctCount, questions.length);
  return { results, correctCount, score, passed: questions.length > 0 && score >= passScore };
}
