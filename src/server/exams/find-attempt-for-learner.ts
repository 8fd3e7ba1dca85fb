import "server-only";
import { revealsAnswerKey, type AttemptStatus, type QuestionType } from "@/domain/exams";
import { getDb } from "@/server/db";
import { gradeExpiredAttempt } from "./grade-expired-attempt";
import { readAnswerKey } from "./read-answer-key";
import { readCourseCredit } from "./read-course-credit";

/** An option as the paper shows it: never whether it is correct. */
export interface PaperOption {
  id: string;
  label: string;
}

/** A question while the attempt is open: what the browser may know, and nothing more. */
export interface OpenPaperQuestion {
  questionId: string;
  position: number;
  type: QuestionType;
  stem: string;
  options: PaperOption[];
  answer: string[];
}

export interface GradedPaperQuestion extends OpenPaperQuestion {
  answeredCorrectly: boolean;
  /** Only when the answer key may be shown (a pass, or the cycle's last attempt). */
  key: { correctOptionIds: string[]; explanation: string } | null;
}

interface AttemptHeader {
  id: string;
  enrollmentId: string;
  cycle: number;
  number: number;
  startedAt: Date;
  deadline: Date;
  course: { id: string; title: string; credits: number; passScore: number; maxAttempts: number };
}

export type AttemptView =
  | (AttemptHeader & { status: "IN_PROGRESS"; serverNow: Date; questions: OpenPaperQuestion[] })
  | (AttemptHeader & {
      status: Exclude<AttemptStatus, "IN_PROGRESS">;
      gradedAt: Date;
      score: number;
      passed: boolean;
      keyRevealed: boolean;
      /** The credits this course earned, once passed. */
      credit: { year: number; credits: number } | null;
      questions: GradedPaperQuestion[];
    });

interface HeaderRow {
  id: string;
  enrollmentId: string;
  courseId: string;
  cycle: number;
  number: number;
  status: AttemptStatus;
  startedAt: Date;
  deadline: Date;
  gradedAt: Date | null;
  score: number | null;
  passed: boolean | null;
  title: string;
  credits: number;
  passScore: number;
  maxAttempts: number;
}

type PaperRow = Omit<OpenPaperQuestion, "options"> & {
  optionOrder: string[];
  correct: boolean | null;
  options: PaperOption[];
};

// Raw SQL: this page is rendered for every start, reload and hand-in of a year-end rush.
const readHeader = (learnerId: string, attemptId: string) =>
  getDb().$queryRaw<HeaderRow[]>`
    SELECT a."id", a."enrollmentId", a."courseId", a."cycle", a."number", a."status"::text AS "status",
           a."startedAt", a."deadline", a."gradedAt", a."score", a."passed",
           c."title", c."credits", c."examPassScore" AS "passScore", c."examMaxAttempts" AS "maxAttempts"
    FROM "ExamAttempt" a JOIN "Course" c ON c."id" = a."courseId"
    WHERE a."id" = ${attemptId} AND a."learnerId" = ${learnerId}`;

// Deliberately neither the options' `correct` flags nor the explanation: an open paper is built
// from this query. (The paper question's own `correct` is its grade, null until graded.)
const readPaper = (attemptId: string) =>
  getDb().$queryRaw<PaperRow[]>`
    SELECT p."position", p."questionId", p."optionOrder", p."answer", p."correct", q."type"::text AS "type", q."stem",
           json_agg(json_build_object('id', o."id", 'label', o."label")) AS "options"
    FROM "ExamAttemptQuestion" p
    JOIN "Question" q ON q."id" = p."questionId"
    JOIN "QuestionOption" o ON o."questionId" = q."id"
    WHERE p."attemptId" = ${attemptId}
    GROUP BY p."attemptId", p."position", q."id"
    ORDER BY p."position"`;

/**
 * One of the learner's attempts, as its page shows it: the open paper (options in the paper's
 * order, saved answers, no key), or the graded result (which answers were wrong, and the key
 * only once it may be revealed). An expired open attempt is graded first. Another learner's
 * attempt is null, exactly like a nonexistent one.
 */
export async function findAttemptForLearner(
  learnerId: string,
  attemptId: string,
  opts: { now?: Date } = {},
): Promise<AttemptView | null> {
  const now = opts.now ?? new Date();
  await gradeExpiredAttempt(learnerId, { attemptId }, now);
  const [row] = await readHeader(learnerId, attemptId);
  if (!row) return null;
  const rows = await readPaper(attemptId);
  const header: AttemptHeader = {
    id: row.id,
    enrollmentId: row.enrollmentId,
    cycle: row.cycle,
    number: row.number,
    startedAt: row.startedAt,
    deadline: row.deadline,
    course: {
      id: row.courseId,
      title: row.title,
      credits: row.credits,
      passScore: row.passScore,
      maxAttempts: row.maxAttempts,
    },
  };
  const questions: OpenPaperQuestion[] = rows.map((q) => {
    const byId = new Map(q.options.map((o) => [o.id, { id: o.id, label: o.label }]));
    return {
      questionId: q.questionId,
      position: q.position,
      type: q.type,
      stem: q.stem,
      options: q.optionOrder.flatMap((optionId) => byId.get(optionId) ?? []),
      answer: q.answer,
    };
  });
  if (row.status === "IN_PROGRESS") return { ...header, status: "IN_PROGRESS", serverNow: now, questions };

  const passed = row.passed ?? false;
  const keyRevealed = revealsAnswerKey({ passed, number: row.number }, row.maxAttempts);
  const [keys, credit] = await Promise.all([
    keyRevealed ? readAnswerKey(attemptId) : new Map<string, never>(),
    passed ? readCourseCredit(learnerId, row.courseId) : null,
  ]);
  return {
    ...header,
    status: row.status,
    gradedAt: row.gradedAt ?? row.deadline,
    score: row.score ?? 0,
    passed,
    keyRevealed,
    credit,
    questions: questions.map((q, index) => ({
      ...q,
      answeredCorrectly: rows[index]?.correct ?? false,
      key: keys.get(q.questionId) ?? null,
    })),
  };
}
