// What makes a valid question of a bank, the same for the form editor and the XLSX import.
import type { QuestionType } from "@/domain/exams";

export const QUESTION_TYPES = ["SINGLE", "MULTIPLE", "TRUE_FALSE"] as const satisfies readonly QuestionType[];

/** Options are lettered A–E, as on the import template. */
export const OPTION_LETTERS = ["A", "B", "C", "D", "E"] as const;
export const MAX_OPTIONS = OPTION_LETTERS.length;

/** 判断题 always has these two options, in this order. */
export const TRUE_FALSE_LABELS = ["正确", "错误"] as const;

export const QUESTION_LIMITS = { stemMax: 500, optionMax: 200, explanationMax: 1000 } as const;

export interface QuestionDraft {
  type: QuestionType;
  stem: string;
  /** In order; blank labels are dropped (a blank option marked correct is an error). */
  options: { label: string; correct: boolean }[];
  explanation: string;
}

export interface ValidQuestion {
  type: QuestionType;
  stem: string;
  options: { label: string; correct: boolean }[];
  explanation: string;
}

export type QuestionField = "type" | "stem" | "options" | "correct" | "explanation";
export type QuestionErrors = Partial<Record<QuestionField, string[]>>;

export type QuestionCheck = { ok: true; question: ValidQuestion } | { ok: false; errors: QuestionErrors };

function optionRules(type: QuestionType, options: ValidQuestion["options"], errors: QuestionErrors): void {
  const add = (field: QuestionField, message: string) => (errors[field] ??= []).push(message);
  const correct = options.filter((o) => o.correct).length;
  if (type === "TRUE_FALSE") {
    const labels = options.map((o) => o.label);
    if (labels.length !== 2 || labels[0] !== TRUE_FALSE_LABELS[0] || labels[1] !== TRUE_FALSE_LABELS[1]) {
      add("options", "判断题的选项须为“正确”和“错误”");
    }
    if (correct !== 1) add("correct", "判断题须指定“正确”或“错误”其中之一为答案");
    return;
  }
  const minOptions = type === "SINGLE" ? 2 : 3;
  if (options.length < minOptions)
    add("options", `${type === "SINGLE" ? "单选题" : "多选题"}至少需要 ${minOptions} 个选项`);
  if (options.length > MAX_OPTIONS) add("options", `最多 ${MAX_OPTIONS} 个选项`);
  if (options.some((o) => o.label.length > QUESTION_LIMITS.optionMax)) {
    add("options", `每个选项不超过 ${QUESTION_LIMITS.optionMax} 个字`);
  }
  if (new Set(options.map((o) => o.label)).size !== options.length) add("options", "选项内容不能重复");
  if (type === "SINGLE" && correct !== 1) add("correct", "单选题须有且只有 1 个正确答案");
  if (type === "MULTIPLE" && correct < 2) add("correct", "多选题至少需要 2 个正确答案");
  if (type === "MULTIPLE" && correct === options.length && options.length > 0) {
    add("correct", "多选题至少需要 1 个错误选项");
  }
}

/**
 * Checks and normalizes a question: trimmed text, blank options dropped. 单选题: 2–5 options,
 * exactly one correct; 多选题: 3–5 options, at least two correct and one wrong; 判断题: options
 * 正确 and 错误, one of them correct. Messages in Chinese, by field.
 */
export function validateQuestion(draft: QuestionDraft): QuestionCheck {
  const errors: QuestionErrors = {};
  const add = (field: QuestionField, message: string) => (errors[field] ??= []).push(message);
  if (!QUESTION_TYPES.includes(draft.type)) add("type", "请选择题型");
  const stem = draft.stem.trim();
  if (stem === "") add("stem", "请填写题干");
  else if (stem.length > QUESTION_LIMITS.stemMax) add("stem", `题干不超过 ${QUESTION_LIMITS.stemMax} 个字`);
  const explanation = draft.explanation.trim();
  if (explanation.length > QUESTION_LIMITS.explanationMax) {
    add("explanation", `解析不超过 ${QUESTION_LIMITS.explanationMax} 个字`);
  }
  const trimmed = draft.options.map((o) => ({ label: o.label.trim(), correct: o.correct }));
  if (trimmed.some((o) => o.label === "" && o.correct)) add("correct", "正确答案指向了空白选项");
  const options = trimmed.filter((o) => o.label !== "");
  if (!errors.type) optionRules(draft.type, options, errors);
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, question: { type: draft.type, stem, options, explanation } };
}

/** A stem compared as people read it: spacing and full-width forms do not make it different. */
export function stemKey(stem: string): string {
  return stem.normalize("NFKC").replace(/\s+/g, "").toLowerCase();
}
