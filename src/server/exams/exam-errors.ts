import "server-only";
import { START_REFUSAL_MESSAGES, type StartRefusal } from "@/domain/exams";
import { AppError } from "@/lib/errors";

// The expected failures of the exam functions, in one place so that "not yours" and "does not
// exist" are answered with the very same code and words.
export const examErrors = {
  examNotFound: () => new AppError("EXAM_NOT_FOUND", "未找到该课程的考试"),
  attemptNotFound: () => new AppError("ATTEMPT_NOT_FOUND", "未找到该试卷"),
  attemptClosed: () => new AppError("ATTEMPT_CLOSED", "本次考试已交卷，答案不能再修改"),
  timeUp: () => new AppError("EXAM_TIME_UP", "考试时间已到，该答案未能保存；试卷已按截止前保存的答案自动评分。"),
  questionNotOnPaper: () => new AppError("QUESTION_NOT_ON_PAPER", "这道题不在本次试卷中"),
  invalidAnswer: (message: string) => new AppError("INVALID_ANSWER", message, { optionIds: [message] }),
  startRefused: (reason: StartRefusal) => new AppError(reason, START_REFUSAL_MESSAGES[reason]),
} as const;
