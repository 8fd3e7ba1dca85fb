import type { QuestionType } from "./types";

/** Why an answer is refused, in words the learner may be shown; null when it is acceptable. */
export function answerProblem(
  type: QuestionType,
  optionOrder: readonly string[],
  optionIds: readonly string[],
): string | null {
  if (new Set(optionIds).size !== optionIds.length) return "同一个选项不能重复选择";
  if (optionIds.some((id) => !optionOrder.includes(id))) return "所选选项不属于这道题";
  if (type !== "MULTIPLE" && optionIds.length > 1) {
    return type === "TRUE_FALSE" ? "判断题只能选择一个答案" : "单选题只能选择一个选项";
  }
  // An empty answer is allowed: it clears the question, which stays unanswered (and wrong).
  return null;
}
