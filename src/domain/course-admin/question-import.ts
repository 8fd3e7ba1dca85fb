// The question-bank spreadsheet: its columns, and how one row becomes a question (or the reasons
// it cannot). The workbook is read elsewhere; here rows are plain arrays of cell text.
import type { QuestionType } from "@/domain/exams";
import {
  OPTION_LETTERS,
  TRUE_FALSE_LABELS,
  stemKey,
  validateQuestion,
  type QuestionField,
  type ValidQuestion,
} from "./question-rules";

export const IMPORT_COLUMNS = [
  "题型",
  "题干",
  "选项A",
  "选项B",
  "选项C",
  "选项D",
  "选项E",
  "正确答案",
  "解析",
] as const;

/** Under the 1 MB body limit of a server action; a 1,000-question workbook is about 100 KB. */
export const MAX_IMPORT_FILE_BYTES = 1_000_000;

/** More rows than a bank needs is a wrong file; the bound also keeps one import one transaction. */
export const MAX_IMPORT_ROWS = 1000;

const TYPE_WORDS: Readonly<Record<string, QuestionType>> = {
  单选: "SINGLE",
  单选题: "SINGLE",
  多选: "MULTIPLE",
  多选题: "MULTIPLE",
  判断: "TRUE_FALSE",
  判断题: "TRUE_FALSE",
};

const TRUE_WORDS = new Set(["正确", "对", "是", "√", "✓", "T", "TRUE", "Y", "A"]);
const FALSE_WORDS = new Set(["错误", "错", "否", "×", "✗", "F", "FALSE", "N", "B"]);

const FIELD_NAMES: Readonly<Record<QuestionField, string>> = {
  type: "题型",
  stem: "题干",
  options: "选项",
  correct: "正确答案",
  explanation: "解析",
};
const FIELD_ORDER: readonly QuestionField[] = ["type", "stem", "options", "correct", "explanation"];

export type ImportRow = { rowNumber: number; ok: true; question: ValidQuestion } | InvalidImportRow;
export interface InvalidImportRow {
  rowNumber: number;
  ok: false;
  reasons: string[];
}

/** A code cell (题型, 正确答案, the header): full-width letters and digits read as ASCII. */
const clean = (cell: string | undefined) => (cell ?? "").normalize("NFKC").trim();
/** A text cell (题干, 选项, 解析): stored as written, full-width punctuation kept (NFC only). */
const text = (cell: string | undefined) => (cell ?? "").normalize("NFC").trim();

/** Why the header row is not the template's (Chinese), or null when it is. */
export function headerProblem(cells: readonly string[]): string | null {
  const wrong = IMPORT_COLUMNS.findIndex((name, i) => clean(cells[i]).replace(/\s+/g, "") !== name);
  return wrong < 0 ? null : `第 1 行须为模板的表头，第 ${wrong + 1} 列应为“${IMPORT_COLUMNS[wrong]}”`;
}

export function isBlankRow(cells: readonly string[]): boolean {
  return cells.every((cell) => clean(cell) === "");
}

/** 正确答案 of a choice question: letters (“A”, “ACD”, “A,C、D”) → their indexes; null if unreadable. */
function parseLetters(answer: string): number[] | null {
  const letters = answer.toUpperCase().replace(/[\s,，、;；]/g, "");
  if (letters === "") return null;
  const indexes = new Set<number>();
  for (const letter of letters) {
    const index = OPTION_LETTERS.join("").indexOf(letter);
    if (index < 0) return null;
    indexes.add(index);
  }
  return [...indexes];
}

/** One data row (cells in template order; `rowNumber` as the spreadsheet shows it). */
export function parseImportRow(rowNumber: number, cells: readonly string[]): ImportRow {
  const reasons: string[] = [];
  const typeText = clean(cells[0]);
  const type = TYPE_WORDS[typeText];
  if (!type) {
    return {
      rowNumber,
      ok: false,
      reasons: [typeText ? `题型“${typeText}”无法识别，应为单选、多选或判断` : "缺少题型"],
    };
  }
  const labels = OPTION_LETTERS.map((_, i) => text(cells[2 + i]));
  const answer = clean(cells[7]);
  let options: { label: string; correct: boolean }[];
  if (type === "TRUE_FALSE") {
    const given = labels.filter((label) => label !== "");
    if (given.length > 0 && given.join() !== TRUE_FALSE_LABELS.join()) {
      reasons.push("判断题的选项须留空或填写“正确”“错误”");
    }
    const isTrue = TRUE_WORDS.has(answer.toUpperCase());
    const isFalse = FALSE_WORDS.has(answer.toUpperCase());
    if (!isTrue && !isFalse) reasons.push("判断题的正确答案应为“正确”或“错误”");
    options = TRUE_FALSE_LABELS.map((label, i) => ({ label, correct: i === 0 ? isTrue : isFalse }));
  } else {
    const correct = parseLetters(answer);
    if (!correct) reasons.push(answer ? `正确答案“${answer}”无法识别，应为选项字母，如 A 或 ACD` : "缺少正确答案");
    options = labels.map((label, i) => ({ label, correct: correct?.includes(i) ?? false }));
  }
  if (reasons.length > 0) return { rowNumber, ok: false, reasons };
  const check = validateQuestion({ type, stem: text(cells[1]), options, explanation: text(cells[8]) });
  if (check.ok) return { rowNumber, ok: true, question: check.question };
  for (const field of FIELD_ORDER) {
    const name = FIELD_NAMES[field];
    for (const message of check.errors[field] ?? [])
      reasons.push(message.includes(name) ? message : `${name}：${message}`);
  }
  return { rowNumber, ok: false, reasons };
}

export interface ImportPlan {
  /** Set when the file cannot be read as the template at all; rows are then empty. */
  fileProblem: string | null;
  valid: { rowNumber: number; question: ValidQuestion }[];
  invalid: InvalidImportRow[];
}

/**
 * A whole sheet (header first) against the bank's current stems: every row checked, blank rows
 * skipped, a stem already in the bank or earlier in the file refused (importing the same file
 * twice adds nothing).
 */
export function planQuestionImport(rows: readonly (readonly string[])[], existingStems: Iterable<string>): ImportPlan {
  const plan: ImportPlan = { fileProblem: null, valid: [], invalid: [] };
  const header = rows[0];
  if (!header) return { ...plan, fileProblem: "文件中没有内容" };
  const problem = headerProblem(header);
  if (problem) return { ...plan, fileProblem: problem };
  const data = rows
    .slice(1)
    .map((cells, i) => ({ rowNumber: i + 2, cells }))
    .filter((r) => !isBlankRow(r.cells));
  if (data.length === 0) return { ...plan, fileProblem: "文件中没有题目" };
  if (data.length > MAX_IMPORT_ROWS)
    return { ...plan, fileProblem: `一次最多导入 ${MAX_IMPORT_ROWS} 道题，请分批导入` };

  const seen = new Map<string, number>();
  for (const stem of existingStems) seen.set(stemKey(stem), 0);
  for (const { rowNumber, cells } of data) {
    const row = parseImportRow(rowNumber, cells);
    if (!row.ok) {
      plan.invalid.push(row);
      continue;
    }
    const key = stemKey(row.question.stem);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      const where = earlier === 0 ? "题库中已有相同题干的题目" : `与第 ${earlier} 行的题干重复`;
      plan.invalid.push({ rowNumber, ok: false, reasons: [where] });
      continue;
    }
    seen.set(key, rowNumber);
    plan.valid.push({ rowNumber, question: row.question });
  }
  return plan;
}
