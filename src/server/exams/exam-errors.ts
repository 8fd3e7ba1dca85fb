import "server-only";
import { START_REFUSAL_MESSAGES, type StartRefusal } from "@/domain/exams";
import { AppError } from "@/lib/errors";

// The expected failures of the exam functions, in one place so that "not yours" and "does not
// exist" are answered with the very same code and words.
export const examErrors = {
  examNotFound: () => new AppError("EXAM_NOT_FOUND"),
  attemptNotFound: () => new AppError("ATTEMPT_NOT_FOUND"),
  attemptClosed: () => new AppError("ATTEMPT_CLOSED"),
  timeUp: () => new AppError("EXAM_TIME_UP"),
  questionNotOnPaper: () => new AppError("QUESTION_NOT_ON_PAPER"),
  invalidAnswer: (message: string) => new AppError("INVALID_ANSWER", message, { optionIds: [message] }),
  startRefused: (reason: StartRefusal) => new AppError(reason, START_REFUSAL_MESSAGES[reason]),
} as const;
