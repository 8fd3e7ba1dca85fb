import type { AttemptStatus, QuestionType } from "./types";

export const QUESTION_TYPE_LABELS: Readonly<Record<QuestionType, string>> = {
  SINGLE: "单选题",
  MULTIPLE: "多选题",
  TRUE_FALSE: "判断题",
};

export const ATTEMPT_STATUS_LABELS: Readonly<Record<AttemptStatus, string>> = {
  IN_PROGRESS: "进行中",
  SUBMITTED: "已交卷",
  EXPIRED: "超时自动交卷",
};

/** A, B, C ... for the options as shown (the shuffled order of this paper). */
export function optionLetter(index: number): string {
  return index >= 0 && index < 26 ? String.fromCharCode(65 + index) : String(index + 1);
}

/** Remaining time as mm:ss (or h:mm:ss), never negative: the countdown's text. */
export function formatRemaining(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mmss = `${String(m).padStart(2, "0")}:${String(s).padStart(2, "0")}`;
  return h > 0 ? `${h}:${mmss}` : mmss;
}

/** Remaining time in words for screen readers, e.g. 还剩 5 分钟 / 还剩 30 秒. */
export function describeRemaining(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  if (total >= 60) return `还剩 ${Math.ceil(total / 60)} 分钟`;
  return `还剩 ${total} 秒`;
}
