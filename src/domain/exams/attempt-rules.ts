import type { AttemptStatus, EnrollmentStage } from "./types";

/** A course's exam settings (考试规则); the Course columns default to these. */
export interface ExamSettings {
  questionCount: number;
  /** Of 100. */
  passScore: number;
  timeLimitMinutes: number;
  /** Failed attempts allowed in one study cycle before the course must be studied again. */
  maxAttempts: number;
}

export const DEFAULT_EXAM_SETTINGS: Readonly<ExamSettings> = Object.freeze({
  questionCount: 10,
  passScore: 60,
  timeLimitMinutes: 30,
  maxAttempts: 5,
});

const MINUTE_MS = 60_000;

export function attemptDeadline(startedAt: Date, timeLimitMinutes: number): Date {
  return new Date(startedAt.getTime() + timeLimitMinutes * MINUTE_MS);
}

/** At the deadline itself time is up: nothing more is saved from that instant on. */
export function isPastDeadline(deadline: Date, now: Date): boolean {
  return now.getTime() >= deadline.getTime();
}

/** A hand-in before the deadline is SUBMITTED; from the deadline on the attempt is EXPIRED. */
export function gradedStatus(deadline: Date, now: Date): Exclude<AttemptStatus, "IN_PROGRESS"> {
  return isPastDeadline(deadline, now) ? "EXPIRED" : "SUBMITTED";
}

export type StartRefusal = "NOT_STUDIED" | "ALREADY_PASSED" | "RESTUDY_REQUIRED" | "NO_QUESTIONS";

export const START_REFUSAL_MESSAGES: Readonly<Record<StartRefusal, string>> = {
  NOT_STUDIED: "请先学完本课程的全部内容，再参加考试。",
  ALREADY_PASSED: "您已通过本课程考试，无需再考。",
  RESTUDY_REQUIRED: "本轮考试次数已用完，请重新学习本课程后再参加考试。",
  NO_QUESTIONS: "本课程暂未设置考试题目，请稍后再试或联系管理员。",
};

export type StartDecision = { ok: true; number: number } | { ok: false; reason: StartRefusal };

/**
 * Whether a new attempt may start, and its number in the cycle. `gradedInCycle` counts the
 * graded attempts of the enrollment's current cycle; an open attempt is resumed, not decided here.
 */
export function decideStart(input: {
  stage: EnrollmentStage;
  /** The enrollment's study cycle: past the first, studying again was required. */
  cycle: number;
  gradedInCycle: number;
  maxAttempts: number;
  bankSize: number;
}): StartDecision {
  if (input.stage === "CREDITED") return { ok: false, reason: "ALREADY_PASSED" };
  if (input.stage === "STUDYING") return { ok: false, reason: input.cycle > 1 ? "RESTUDY_REQUIRED" : "NOT_STUDIED" };
  if (input.gradedInCycle >= input.maxAttempts) return { ok: false, reason: "RESTUDY_REQUIRED" };
  if (input.bankSize <= 0) return { ok: false, reason: "NO_QUESTIONS" };
  return { ok: true, number: input.gradedInCycle + 1 };
}

/** Failing the last allowed attempt of a cycle sends the learner back to study the course. */
export function requiresRestudy(attempt: { passed: boolean; number: number }, maxAttempts: number): boolean {
  return !attempt.passed && attempt.number >= maxAttempts;
}

/** Attempts still allowed in the cycle (never negative). */
export function attemptsLeft(gradedInCycle: number, maxAttempts: number): number {
  return Math.max(0, maxAttempts - gradedInCycle);
}

/**
 * Correct answers and explanations are shown once they can no longer help a later attempt of
 * the same cycle: after a pass, or after the last allowed attempt (a restudy follows).
 */
export function revealsAnswerKey(attempt: { passed: boolean; number: number }, maxAttempts: number): boolean {
  return attempt.passed || attempt.number >= maxAttempts;
}
