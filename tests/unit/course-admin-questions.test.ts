import { describe, expect, it } from "vitest";
import {
  IMPORT_COLUMNS,
  MAX_IMPORT_ROWS,
  headerProblem,
  parseImportRow,
  planQuestionImport,
  stemKey,
  validateQuestion,
  type QuestionDraft,
} from "../../src/domain/course-admin";

const opts = (labels: string[], correct: string) =>
  labels.map((label, i) => ({ label, correct: correct.includes("ABCDE"[i] ?? "?") }));

function draft(overrides: Partial<QuestionDraft>): QuestionDraft {
  return { type: "SINGLE", stem: "题干", explanation: "", options: opts(["甲", "乙", "丙", "丁"], "B"), ...overrides };
}

describe("validateQuestion", () => {
  it.each<[string, Partial<QuestionDraft>]>([
    ["单选 with one correct of four", {}],
    ["单选 with two options", { options: opts(["是", "否"], "A") }],
    ["多选 with two correct and one wrong", { type: "MULTIPLE", options: opts(["甲", "乙", "丙"], "AB") }],
    ["多选 with four correct of five", { type: "MULTIPLE", options: opts(["甲", "乙", "丙", "丁", "戊"], "ABCD") }],
    ["判断 正确", { type: "TRUE_FALSE", options: opts(["正确", "错误"], "A") }],
    ["判断 错误", { type: "TRUE_FALSE", options: opts(["正确", "错误"], "B") }],
  ])("accepts %s", (_name, overrides) => {
    expect(validateQuestion(draft(overrides)).ok).toBe(true);
  });

  it.each<[string, Partial<QuestionDraft>, string, RegExp]>([
    ["an empty stem", { stem: "  " }, "stem", /请填写题干/],
    ["a stem over 500 characters", { stem: "题".repeat(501) }, "stem", /500/],
    ["单选 without a correct answer", { options: opts(["甲", "乙", "丙"], "") }, "correct", /有且只有 1 个/],
    ["单选 with two correct", { options: opts(["甲", "乙", "丙"], "AB") }, "correct", /有且只有 1 个/],
    ["单选 with one option", { options: opts(["甲"], "A") }, "options", /至少需要 2 个选项/],
    [
      "多选 with one correct",
      { type: "MULTIPLE", options: opts(["甲", "乙", "丙"], "A") },
      "correct",
      /至少需要 2 个正确/,
    ],
    [
      "多选 all correct",
      { type: "MULTIPLE", options: opts(["甲", "乙", "丙"], "ABC") },
      "correct",
      /至少需要 1 个错误/,
    ],
    ["多选 with two options", { type: "MULTIPLE", options: opts(["甲", "乙"], "AB") }, "options", /至少需要 3 个选项/],
    ["duplicate options", { options: opts(["甲", "甲 ", "丙"], "A") }, "options", /不能重复/],
    ["a blank option marked correct", { options: opts(["甲", "", "丙"], "B") }, "correct", /空白选项/],
    ["判断 with other labels", { type: "TRUE_FALSE", options: opts(["对", "错"], "A") }, "options", /正确.*错误/],
    ["判断 with both correct", { type: "TRUE_FALSE", options: opts(["正确", "错误"], "AB") }, "correct", /其中之一/],
    ["an explanation over 1000 characters", { explanation: "解".repeat(1001) }, "explanation", /1000/],
  ])("refuses %s", (_name, overrides, field, message) => {
    const check = validateQuestion(draft(overrides));
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.errors[field as keyof typeof check.errors]?.join()).toMatch(message);
  });

  it("trims text and drops blank options, keeping each flag with its option", () => {
    const check = validateQuestion(draft({ stem: " 题干 ", options: opts([" 甲 ", "", "丙", ""], "C") }));
    expect(check).toEqual({
      ok: true,
      question: {
        type: "SINGLE",
        stem: "题干",
        explanation: "",
        options: [
          { label: "甲", correct: false },
          { label: "丙", correct: true },
        ],
      },
    });
  });

  it("compares stems ignoring spacing and full-width forms", () => {
    expect(stemKey(" 会计 法ＡＢ ")).toBe(stemKey("会计法ab"));
  });
});

const header = [...IMPORT_COLUMNS];
const row = (...cells: string[]) => cells;

describe("question import rows", () => {
  it("accepts the template's header only", () => {
    expect(headerProblem(header)).toBeNull();
    expect(headerProblem([" 题型 ", ...header.slice(1)])).toBeNull();
    expect(headerProblem(["题目", ...header.slice(1)])).toMatch(/第 1 列应为“题型”/);
    expect(headerProblem(header.slice(0, 7))).toMatch(/第 8 列应为“正确答案”/);
  });

  it.each([
    ["单选", row("单选", "题干", "甲", "乙", "丙", "丁", "", "b", "解析"), "SINGLE", [false, true, false, false]],
    [
      "多选题 with separators",
      row("多选题", "题干", "甲", "乙", "丙", "丁", "戊", "A、C，E", ""),
      "MULTIPLE",
      [true, false, true, false, true],
    ],
    ["full-width letters", row("多选", "题干", "甲", "乙", "丙", "", "", "ＡＢ", ""), "MULTIPLE", [true, true, false]],
    ["判断 with empty options", row("判断", "题干", "", "", "", "", "", "错误", ""), "TRUE_FALSE", [false, true]],
    [
      "判断 with 对 and given options",
      row("判断题", "题干", "正确", "错误", "", "", "", "对", ""),
      "TRUE_FALSE",
      [true, false],
    ],
  ])("reads %s", (_name, cells, type, flags) => {
    const parsed = parseImportRow(2, cells);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      expect(parsed.question.type).toBe(type);
      expect(parsed.question.options.map((o) => o.correct)).toEqual(flags);
    }
  });

  it("keeps the text as written: full-width punctuation stays, full-width answer letters read", () => {
    const parsed = parseImportRow(
      2,
      row("多选", "下列说法，正确的是？（多选）", "甲：一", "乙；二", "丙", "", "", "ＡＣ", "见《会计法》第3条。"),
    );
    expect(parsed).toMatchObject({
      ok: true,
      question: {
        stem: "下列说法，正确的是？（多选）",
        options: [{ label: "甲：一" }, { label: "乙；二" }, { label: "丙" }],
        explanation: "见《会计法》第3条。",
      },
    });
  });

  it.each([
    ["an unknown type", row("填空", "题干", "甲", "乙"), /题型“填空”无法识别/],
    ["a missing type", row("", "题干", "甲", "乙", "", "", "", "A"), /缺少题型/],
    ["a missing answer", row("单选", "题干", "甲", "乙"), /缺少正确答案/],
    ["an answer that is not letters", row("单选", "题干", "甲", "乙", "", "", "", "甲"), /无法识别/],
    ["an answer naming an empty option", row("单选", "题干", "甲", "乙", "", "", "", "C"), /空白选项/],
    ["two answers to a single choice", row("单选", "题干", "甲", "乙", "丙", "", "", "AB"), /有且只有 1 个/],
    ["a 判断 answer that is neither", row("判断", "题干", "", "", "", "", "", "不知道"), /正确”或“错误/],
    ["判断 with other options", row("判断", "题干", "是", "否", "", "", "", "正确"), /留空或填写/],
    ["an empty stem", row("单选", "", "甲", "乙", "", "", "", "A"), /题干/],
  ])("refuses %s, saying why", (_name, cells, reason) => {
    const parsed = parseImportRow(7, cells);
    expect(parsed).toMatchObject({ ok: false, rowNumber: 7 });
    if (!parsed.ok) expect(parsed.reasons.join("；")).toMatch(reason);
  });
});

describe("planQuestionImport", () => {
  const good = (stem: string) => row("单选", stem, "甲", "乙", "", "", "", "A");

  it("numbers rows as the spreadsheet does, skipping blank rows, and refuses duplicates", () => {
    const plan = planQuestionImport(
      [header, good("一"), [], row("", " ", ""), good("二"), row("单选", "三", "甲"), good("一 "), good("已有")],
      ["已有"],
    );
    expect(plan.fileProblem).toBeNull();
    expect(plan.valid.map((v) => [v.rowNumber, v.question.stem])).toEqual([
      [2, "一"],
      [5, "二"],
    ]);
    expect(plan.invalid.map((r) => [r.rowNumber, r.reasons.join()])).toEqual([
      [6, expect.stringMatching(/缺少正确答案/)],
      [7, "与第 2 行的题干重复"],
      [8, "题库中已有相同题干的题目"],
    ]);
  });

  it.each([
    ["an empty file", [], /没有内容/],
    ["a wrong header", [["姓名", "身份证号"]], /表头/],
    ["a header alone", [header], /没有题目/],
    ["too many rows", [header, ...Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => good(`题${i}`))], /最多导入/],
  ])("describes %s as a file problem", (_name, rows, problem) => {
    const plan = planQuestionImport(rows, []);
    expect(plan.fileProblem).toMatch(problem);
    expect(plan.valid).toEqual([]);
  });
});
