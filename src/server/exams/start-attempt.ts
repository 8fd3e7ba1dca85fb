import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import {
  attemptDeadline,
  decideStart,
  drawPaper,
  isPastDeadline,
  type AttemptStatus,
  type BankQuestion,
  type RandomSource,
  type StartRefusal,
} from "@/domain/exams";
import { runSqlTransaction, utc, type SqlTx } from "@/server/sql";
import { cryptoRandom } from "./crypto-random";
import { examErrors } from "./exam-errors";
import { forceRestudy } from "./force-restudy";
import { gradeAttempt } from "./grade-attempt";
import { lockEnrollment } from "./lock-enrollment";
import { parseExamInput } from "./parse-exam-input";
import { commonMessages, examMessages } from "@/messages/zh-CN";

export const ZStartAttemptInput = z.object(
  {
    enrollmentId: z
      .string({ error: commonMessages.missingCourse })
      .trim()
      .min(1, commonMessages.missingCourse)
      .max(40, examMessages.courseIdInvalid),
  },
  { error: commonMessages.checkInput },
);
export type TStartAttemptInput = z.infer<typeof ZStartAttemptInput>;

export interface StartedAttempt {
  attemptId: string;
  enrollmentId: string;
  /** True when an attempt was already open: the learner goes back to it. */
  resumed: boolean;
}

type Outcome = { started: StartedAttempt } | { refused: StartRefusal } | { notFound: true };

// SQL on the pg driver on this path: hundreds of learners start at the same minute at year end,
// and each statement costs the portal CPU (0007, 0015).
const readAttempts = (tx: SqlTx, enrollmentId: string) =>
  tx.query<{ id: string; status: AttemptStatus; cycle: number; deadline: Date }>(
    `SELECT "id", "status"::text AS "status", "cycle", "deadline" FROM "ExamAttempt" WHERE "enrollmentId" = $1`,
    [enrollmentId],
  );

/** The course's active bank, each question with its options in the bank's order. */
const readBank = (tx: SqlTx, courseId: string) =>
  tx.query<BankQuestion>(
    `SELECT q."id", q."type"::text AS "type", array_agg(o."id" ORDER BY o."position") AS "optionIds"
     FROM "Question" q JOIN "QuestionOption" o ON o."questionId" = q."id"
     WHERE q."courseId" = $1 AND q."active"
     GROUP BY q."id"
     ORDER BY q."position", q."id"`,
    [courseId],
  );

async function start(
  tx: SqlTx,
  learnerId: string,
  enrollmentId: string,
  now: Date,
  random: RandomSource,
): Promise<Outcome> {
  let enrollment = await lockEnrollment(tx, learnerId, { enrollmentId });
  if (!enrollment) return { notFound: true };
  let attempts = await readAttempts(tx, enrollmentId);
  const open = attempts.find((a) => a.status === "IN_PROGRESS");
  if (open && !isPastDeadline(open.deadline, now))
    return { started: { attemptId: open.id, enrollmentId, resumed: true } };
  if (open) {
    // Asking for a new attempt touches the expired one: grade it first, with what was saved.
    await gradeAttempt(tx, { learnerId, attemptId: open.id, mode: "expire", now });
    enrollment = await lockEnrollment(tx, learnerId, { enrollmentId });
    if (!enrollment) return { notFound: true };
    attempts = await readAttempts(tx, enrollmentId);
  }

  const { courseId, examCycle: cycle } = enrollment;
  const gradedInCycle = attempts.filter((a) => a.cycle === cycle && a.status !== "IN_PROGRESS").length;
  const bank = await readBank(tx, courseId);
  const decision = decideStart({
    stage: enrollment.status,
    cycle,
    gradedInCycle,
    maxAttempts: enrollment.examMaxAttempts,
    bankSize: bank.length,
  });
  if (!decision.ok) {
    // Attempts used up without the restudy having happened (the limit was lowered since): do it now.
    if (decision.reason === "RESTUDY_REQUIRED" && enrollment.status === "EXAM_PENDING") {
      await forceRestudy(tx, { learnerId, enrollmentId, courseId, cycle, attempts: gradedInCycle });
    }
    return { refused: decision.reason };
  }

  const paper = drawPaper(bank, enrollment.examQuestionCount, random);
  const attemptId = randomUUID();
  // The attempt and its paper in one statement; openKey = enrollment id while in progress.
  await tx.query(
    `WITH attempt AS (
       INSERT INTO "ExamAttempt"
         ("id", "enrollmentId", "learnerId", "courseId", "cycle", "number", "status", "openKey", "startedAt", "deadline")
       VALUES ($1, $2, $3, $4, $5::int, $6::int, 'IN_PROGRESS', $2, $7::timestamp, $8::timestamp)
       RETURNING "id")
     INSERT INTO "ExamAttemptQuestion" ("attemptId", "position", "questionId", "optionOrder", "answer")
     SELECT attempt."id", p."position", p."questionId", p."optionOrder", '{}'::text[]
     FROM attempt, jsonb_to_recordset($9::jsonb) AS p("position" int, "questionId" text, "optionOrder" text[])`,
    [
      attemptId,
      enrollmentId,
      learnerId,
      courseId,
      cycle,
      decision.number,
      utc(now),
      utc(attemptDeadline(now, enrollment.examTimeLimitMinutes)),
      JSON.stringify(paper),
    ],
  );
  return { started: { attemptId, enrollmentId, resumed: false } };
}

/**
 * 开始考试: opens an attempt on a paper drawn at random from the course's active bank and stored
 * on the server, or returns the attempt already open (a second click, another tab, a reload).
 * Only an enrollment whose study is complete (EXAM_PENDING) may start; the enrollment lock makes
 * concurrent starts queue, so one attempt is opened (the unique openKey backs this up).
 */
export async function startAttempt(
  learnerId: string,
  input: TStartAttemptInput,
  opts: { now?: Date; random?: RandomSource } = {},
): Promise<StartedAttempt> {
  const { enrollmentId } = parseExamInput(ZStartAttemptInput, input);
  const outcome = await runSqlTransaction((tx) =>
    start(tx, learnerId, enrollmentId, opts.now ?? new Date(), opts.random ?? cryptoRandom),
  );
  // Thrown after the commit: a refusal may have graded an expired attempt or forced a restudy.
  if ("notFound" in outcome) throw examErrors.examNotFound();
  if ("refused" in outcome) throw examErrors.startRefused(outcome.refused);
  return outcome.started;
}
