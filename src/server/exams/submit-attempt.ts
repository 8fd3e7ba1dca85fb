import "server-only";
import { z } from "zod";
import { runSqlTransaction } from "@/server/sql";
import { examErrors } from "./exam-errors";
import { gradeAttempt, type GradedAttempt } from "./grade-attempt";
import { parseExamInput } from "./parse-exam-input";
import { commonMessages, examMessages } from "@/messages/zh-CN";

export const ZSubmitAttemptInput = z.object(
  {
    attemptId: z
      .string({ error: examMessages.missingId(examMessages.subjects.attempt) })
      .trim()
      .min(1, examMessages.missingId(examMessages.subjects.attempt))
      .max(40, examMessages.invalidId(examMessages.subjects.attempt)),
  },
  { error: commonMessages.checkInput },
);
export type TSubmitAttemptInput = z.infer<typeof ZSubmitAttemptInput>;

/**
 * 交卷: grades the learner's attempt on the server with the answers saved so far. Handing in
 * twice, or fifty times at once, grades it once and credits once: every grader queues on the
 * enrollment and attempt locks, and all but the first find it graded (alreadyGraded). Handed in
 * at or after the deadline, it is graded as EXPIRED with what was saved before the deadline.
 */
export async function submitAttempt(
  learnerId: string,
  input: TSubmitAttemptInput,
  opts: { now?: Date } = {},
): Promise<GradedAttempt> {
  const { attemptId } = parseExamInput(ZSubmitAttemptInput, input);
  const now = opts.now ?? new Date();
  const graded = await runSqlTransaction((tx) => gradeAttempt(tx, { learnerId, attemptId, mode: "submit", now }));
  if (graded === null || graded === "open") throw examErrors.attemptNotFound();
  return graded;
}
