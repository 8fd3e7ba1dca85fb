/**
 * The exam rules, pure: drawing a paper, validating an answer, grading it, and how many attempts
 * a study cycle allows. The server functions in src/server/exams decide through this module.
 */
export type {
  AttemptStatus,
  BankQuestion,
  EnrollmentStage,
  GradableQuestion,
  PaperQuestion,
  QuestionType,
  RandomSource,
} from "./types";
export { randomIndex, shuffle } from "./shuffle";
export { drawPaper, paperSize } from "./draw-paper";
export { gradePaper, isAnswerCorrect, scorePaper, type PaperGrade } from "./grade";
export { answerProblem } from "./answer";
export {
  DEFAULT_EXAM_SETTINGS,
  START_REFUSAL_MESSAGES,
  attemptDeadline,
  attemptsLeft,
  decideStart,
  gradedStatus,
  isPastDeadline,
  requiresRestudy,
  revealsAnswerKey,
  type ExamSettings,
  type StartDecision,
  type StartRefusal,
} from "./attempt-rules";
export {
  ATTEMPT_STATUS_LABELS,
  QUESTION_TYPE_LABELS,
  describeRemaining,
  formatRemaining,
  optionLetter,
} from "./labels";
