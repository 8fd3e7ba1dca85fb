import "server-only";
import { z } from "zod";
import { runSqlTransaction } from "@/server/sql";
import { answerProblem, isPastDeadline, type AttemptStatus, type QuestionType } from "@/domain/exams";
import { examErrors } from "./exam-errors";
import { gradeAttempt } from "./grade-attempt";
import { parseExamInput } from "./parse-exam-input";
import { commonMessages, examMessages } from "@/messages/zh-CN";

const id = (what: string) =>
  z
    .string({ error: examMessages.missingOrInvalidId(what) })
    .trim()
    .min(1, examMessages.missingId(what))
    .max(40, examMessages.invalidId(what));

export const ZSaveAnswerInput = z.object(
  {
    attemptId: id(examMessages.subjects.attempt),
    questionId: id(examMessages.subjects.question),
    // A form posts one value as a string; an empty array clears the answer.
    optionIds: z.preprocess(
      (value) => (typeof value === "string" ? [value] : value),
      z
        .array(id(examMessages.subjects.option), { error: examMessages.answerMalformed })
        .max(26, examMessages.tooManyOptions),
    ),
  },
  { error: commonMessages.checkInput },
);
export type TSaveAnswerInput = z.infer<typeof ZSaveAnswerInput>;

interface PaperRow {
  status: AttemptStatus;
  deadline: Date;
  position: number | null;
  optionOrder: string[] | null;
  type: QuestionType | null;
}

/**
 * Saves the learner's answer to one question of their open attempt (each change, debounced by
 * the page). Refused, with nothing changed: another learner's or a nonexistent attempt, a graded
 * one, a question not on the paper, an option of another question, two options for a single
 * choice. At or after the deadline the answer is refused and the attempt is graded with what was
 * saved before (lazy expiry).
 *
 * One short transaction: the attempt row is share-locked while the answer is checked and written.
 * A grader holds that row exclusively, so an answer is either written before the grade reads it,
 * or waits and then finds the attempt graded and writes nothing. (A lone guarded UPDATE would do
 * on PostgreSQL, but the embedded PGlite mixes a lone statement into another connection's open
 * transaction; a transaction of its own keeps the demo database correct too.)
 */
export async function saveAnswer(
  learnerId: string,
  input: TSaveAnswerInput,
  opts: { now?: Date } = {},
): Promise<{ savedAt: Date }> {
  const { attemptId, questionId, optionIds } = parseExamInput(ZSaveAnswerInput, input);
  const now = opts.now ?? new Date();
  const outcome = await runSqlTransaction(async (tx) => {
    const [row] = await tx.query<PaperRow>(
      `SELECT a."status"::text AS "status", a."deadline", p."position", p."optionOrder", q."type"::text AS "type"
       FROM "ExamAttempt" a
       LEFT JOIN "ExamAttemptQuestion" p ON p."attemptId" = a."id" AND p."questionId" = $3
       LEFT JOIN "Question" q ON q."id" = p."questionId"
       WHERE a."id" = $1 AND a."learnerId" = $2
       FOR SHARE OF a`,
      [attemptId, learnerId, questionId],
    );
    if (!row) throw examErrors.attemptNotFound();
    if (row.status !== "IN_PROGRESS") throw examErrors.attemptClosed();
    if (isPastDeadline(row.deadline, now)) return "expired" as const;
    if (row.position === null || row.optionOrder === null || row.type === null) throw examErrors.questionNotOnPaper();
    const problem = answerProblem(row.type, row.optionOrder, optionIds);
    if (problem) throw examErrors.invalidAnswer(problem);
    // Stored in the order shown, so that the answer reads the same wherever it is displayed.
    const answer = row.optionOrder.filter((optionId) => optionIds.includes(optionId));
    await tx.query(
      `UPDATE "ExamAttemptQuestion" SET "answer" = $3::text[] WHERE "attemptId" = $1 AND "position" = $2`,
      [attemptId, row.position, answer],
    );
    return "saved" as const;
  });
  if (outcome === "expired") {
    // Graded in a transaction of its own: the grader's exclusive lock cannot be taken while
    // this one (and other saves) hold the share lock.
    await runSqlTransaction((tx) => gradeAttempt(tx, { learnerId, attemptId, mode: "expire", now }));
    throw examErrors.timeUp();
  }
  return { savedAt: now };
}
