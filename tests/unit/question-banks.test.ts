// The demo question banks (the import-template files in prisma/seed/question-banks/, read by
// prisma/seed/questions.ts) against the demo catalogue, the staff importer and the rules of a
// well-formed question: one answer for single choice and true/false, several for multiple.
import { describe, expect, it } from "vitest";
import { IMPORT_COLUMNS } from "@/domain/course-admin";
import { DEMO_COURSES, SHORT_COURSE_TITLE } from "../../prisma/seed/courses";
import {
  DEMO_QUESTION_BANKS,
  QUESTION_BANK_FILES,
  listQuestionBankFiles,
  parseQuestionBankFile,
  type DemoQuestion,
} from "../../prisma/seed/questions";

const banks = Object.entries(DEMO_QUESTION_BANKS);
const questions = banks.flatMap(([course, bank]) => bank.map((question) => ({ course, ...question })));

function correctCount(question: DemoQuestion): number {
  return question.options.filter((o) => o.correct).length;
}

describe("demo question banks", () => {
  it("has a bank for every demo course and none for unknown courses", () => {
    const titles = DEMO_COURSES.map((c) => c.title);
    expect(Object.keys(DEMO_QUESTION_BANKS).sort()).toEqual([...titles].sort());
  });

  it("reads every bank file, and only those, one file per course", () => {
    const files = QUESTION_BANK_FILES.map(([, file]) => file);
    expect([...files].sort()).toEqual(listQuestionBankFiles());
    expect(new Set(files).size).toBe(files.length);
  });

  it("refuses a bank file a staff import would refuse, naming the row", () => {
    const header = IMPORT_COLUMNS.join(",");
    expect(() => parseQuestionBankFile(`${header}\n单选,题干？,甲,乙,,,,AB,解析\n`, "bad.csv")).toThrow(
      /bad\.csv: 第 2 行：.*单选题须有且只有 1 个正确答案/u,
    );
    expect(() => parseQuestionBankFile("题干,题型\n", "header.csv")).toThrow(/header\.csv: 第 1 行须为模板的表头/u);
  });

  it("keeps the full-width punctuation the importer reads as ASCII", () => {
    const header = IMPORT_COLUMNS.join(",");
    const [question] = parseQuestionBankFile(`\uFEFF${header}\n判断,是否（全角）？,,,,,,正确,因为，如此。\n`, "t.csv");
    expect(question).toEqual({
      type: "TRUE_FALSE",
      stem: "是否（全角）？",
      options: [
        { label: "正确", correct: true },
        { label: "错误", correct: false },
      ],
      explanation: "因为，如此。",
    });
  });

  it("gives the short course exactly 5 questions, single choice and true/false only", () => {
    const bank = DEMO_QUESTION_BANKS[SHORT_COURSE_TITLE] ?? [];
    expect(bank).toHaveLength(5);
    for (const q of bank) expect(["SINGLE", "TRUE_FALSE"]).toContain(q.type);
  });

  it.each(DEMO_COURSES.filter((c) => c.title !== SHORT_COURSE_TITLE).map((c) => c.title))(
    "gives %s at least 15 questions of all three types",
    (title) => {
      const bank = DEMO_QUESTION_BANKS[title] ?? [];
      expect(bank.length).toBeGreaterThanOrEqual(15);
      const count = (type: DemoQuestion["type"]) => bank.filter((q) => q.type === type).length;
      expect(count("SINGLE")).toBeGreaterThanOrEqual(6);
      expect(count("MULTIPLE")).toBeGreaterThanOrEqual(3);
      expect(count("TRUE_FALSE")).toBeGreaterThanOrEqual(2);
    },
  );

  it("has no duplicate stems within a bank", () => {
    for (const [course, bank] of banks) {
      const stems = bank.map((q) => q.stem);
      expect(new Set(stems).size, course).toBe(stems.length);
    }
  });

  it("has no empty or padded text and an explanation for every question", () => {
    for (const q of questions) {
      for (const text of [q.stem, q.explanation, ...q.options.map((o) => o.label)]) {
        expect(text.trim(), `${q.course}: ${q.stem}`).not.toBe("");
        expect(text, `${q.course}: ${q.stem}`).toBe(text.trim());
      }
    }
  });

  it("has unique options within each question", () => {
    for (const q of questions) {
      const labels = q.options.map((o) => o.label);
      expect(new Set(labels).size, `${q.course}: ${q.stem}`).toBe(labels.length);
    }
  });

  it("gives single choice four options with exactly one correct", () => {
    for (const q of questions.filter((q) => q.type === "SINGLE")) {
      expect(q.options, `${q.course}: ${q.stem}`).toHaveLength(4);
      expect(correctCount(q), `${q.course}: ${q.stem}`).toBe(1);
    }
  });

  it("gives multiple choice 4–5 options with at least two correct and one incorrect", () => {
    for (const q of questions.filter((q) => q.type === "MULTIPLE")) {
      const where = `${q.course}: ${q.stem}`;
      expect(q.options.length, where).toBeGreaterThanOrEqual(4);
      expect(q.options.length, where).toBeLessThanOrEqual(5);
      expect(correctCount(q), where).toBeGreaterThanOrEqual(2);
      expect(q.options.length - correctCount(q), where).toBeGreaterThanOrEqual(1);
    }
  });

  it("gives true/false exactly the options 正确 and 错误, one of them correct", () => {
    for (const q of questions.filter((q) => q.type === "TRUE_FALSE")) {
      expect(
        q.options.map((o) => o.label),
        `${q.course}: ${q.stem}`,
      ).toEqual(["正确", "错误"]);
      expect(correctCount(q), `${q.course}: ${q.stem}`).toBe(1);
    }
  });

  it("does not always put the answer of single choice in the same place", () => {
    for (const [course, bank] of banks) {
      const places = new Set(bank.filter((q) => q.type === "SINGLE").map((q) => q.options.findIndex((o) => o.correct)));
      expect(places.size, course).toBeGreaterThan(1);
    }
  });
});
