// The demo question banks: one bank per demo course (prisma/seed/courses.ts), each a file in
// prisma/seed/question-banks/ in the layout of the question-bank import template (UTF-8 CSV, the
// template's header, one question a row; 判断题 leave the option columns blank). Every file is read
// by the staff importer's own rules (planQuestionImport): a row the importer would refuse fails the
// seed, the tests and anything else that loads this module. Checked by
// tests/unit/question-banks.test.ts.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";
import type { Db } from "../../src/server/db";
import type { QuestionType } from "../../src/generated/prisma/enums";
import { planQuestionImport } from "../../src/domain/course-admin/question-import";
import { SHORT_COURSE_TITLE } from "./courses";

export interface DemoOption {
  label: string;
  correct: boolean;
}

export interface DemoQuestion {
  type: QuestionType;
  stem: string;
  options: readonly DemoOption[];
  /** Why the answer is right, shown after grading. */
  explanation: string;
}

export const QUESTION_BANK_DIR = fileURLToPath(new URL("./question-banks/", import.meta.url));

/**
 * Which file of QUESTION_BANK_DIR holds which course's bank, by course title, in catalogue
 * order. The short course has 5 easy questions on the portal's own rules, answered by the
 * end-to-end test.
 */
export const QUESTION_BANK_FILES: ReadonlyArray<readonly [title: string, file: string]> = [
  [SHORT_COURSE_TITLE, "quick-start.csv"],
  ["会计人员职业道德规范", "professional-ethics.csv"],
  ["新《会计法》解读", "accounting-law.csv"],
  ["学习贯彻党的二十届三中全会精神", "third-plenum.csv"],
  ["数字素养与会计信息化", "digital-literacy.csv"],
  ["会计诚信教育（2023年版）", "integrity-2023.csv"],
  ["企业会计准则第14号——收入", "cas-14-revenue.csv"],
  ["政府会计准则制度解读", "government-accounting.csv"],
  ["管理会计应用指引", "management-accounting.csv"],
  ["内部控制规范与风险管理", "internal-control.csv"],
  ["行政事业单位内部控制", "public-sector-internal-control.csv"],
  ["增值税法解读", "vat-law.csv"],
  ["个人所得税专项附加扣除实务", "iit-special-deductions.csv"],
  ["预算绩效管理", "budget-performance.csv"],
  ["财务报表分析", "financial-statement-analysis.csv"],
  ["电子会计凭证与会计档案管理", "e-vouchers-and-archives.csv"],
  ["数字化转型与财务共享", "digital-finance-sharing.csv"],
  ["企业会计准则解释第18号解读（筹备中）", "cas-interpretation-18.csv"],
];

/** The .csv files QUESTION_BANK_DIR holds (for the check that none is left unlisted). */
export function listQuestionBankFiles(): string[] {
  return readdirSync(QUESTION_BANK_DIR)
    .filter((name) => name.endsWith(".csv"))
    .sort();
}

/**
 * One bank file's questions, in file order, checked row by row as the staff import checks them
 * against an empty bank. Throws, naming the file and the rows, if the importer would refuse the
 * file or any row of it.
 */
export function parseQuestionBankFile(csv: string, name: string): DemoQuestion[] {
  const rows: string[][] = parse(csv, { bom: true, relax_column_count: true });
  const plan = planQuestionImport(rows, []);
  const problems = [
    ...(plan.fileProblem ? [plan.fileProblem] : []),
    ...plan.invalid.map((row) => `第 ${row.rowNumber} 行：${row.reasons.join("；")}`),
  ];
  if (problems.length > 0) throw new Error(`${name}: ${problems.join("\n")}`);
  return plan.valid.map(({ question }) => ({
    type: question.type,
    stem: question.stem,
    options: question.options.map(({ label, correct }) => ({ label, correct })),
    explanation: question.explanation,
  }));
}

export function readQuestionBankFile(file: string): DemoQuestion[] {
  return parseQuestionBankFile(readFileSync(join(QUESTION_BANK_DIR, file), "utf8"), file);
}

/** Every demo course's bank, keyed by course title, in catalogue order. */
export const DEMO_QUESTION_BANKS: Readonly<Record<string, readonly DemoQuestion[]>> = Object.fromEntries(
  QUESTION_BANK_FILES.map(([title, file]) => [title, readQuestionBankFile(file)]),
);

/**
 * Inserts each demo course's question bank: courses are found by title, and a course that
 * already has questions is left as it is. One transaction per course: the questions in one
 * statement, then all their options in another.
 */
export async function seedDemoQuestionBanks(db: Db): Promise<{ courses: number; questions: number }> {
  const courses = await db.course.findMany({
    where: { title: { in: Object.keys(DEMO_QUESTION_BANKS) } },
    select: { id: true, title: true, _count: { select: { questions: true } } },
  });
  let seededCourses = 0;
  let seededQuestions = 0;
  for (const course of courses) {
    const bank = DEMO_QUESTION_BANKS[course.title];
    if (!bank || bank.length === 0 || course._count.questions > 0) continue;
    await db.$transaction(async (tx) => {
      const created = await tx.question.createManyAndReturn({
        data: bank.map((q, index) => ({
          courseId: course.id,
          type: q.type,
          stem: q.stem,
          explanation: q.explanation,
          position: index + 1,
        })),
        select: { id: true, position: true },
      });
      const idByPosition = new Map(created.map((q) => [q.position, q.id]));
      await tx.questionOption.createMany({
        data: bank.flatMap((q, index) => {
          const questionId = idByPosition.get(index + 1);
          if (!questionId) throw new Error(`question ${index + 1} of "${course.title}" was not created`);
          return q.options.map((option, optionIndex) => ({
            questionId,
            label: option.label,
            correct: option.correct,
            position: optionIndex + 1,
          }));
        }),
      });
    });
    seededCourses += 1;
    seededQuestions += bank.length;
  }
  return { courses: seededCourses, questions: seededQuestions };
}
