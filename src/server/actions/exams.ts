"use server";

import { revalidatePath } from "next/cache";
import { saveAnswer, ZSaveAnswerInput } from "@/server/exams/save-answer";
import { startAttempt, ZStartAttemptInput } from "@/server/exams/start-attempt";
import { submitAttempt, ZSubmitAttemptInput } from "@/server/exams/submit-attempt";
import { action } from "./action";

/**
 * 开始考试 (or back to the open attempt). The page then navigates to the paper itself: a redirect
 * here would make Next.js fetch the paper over HTTP from itself, doubling the work at the rush.
 */
export const startExam = action(
  { name: "exam.start", auth: "learner", schema: ZStartAttemptInput },
  (input, { learner }) => startAttempt(learner.id, input),
);

/** Saves one answer as the learner goes; the page debounces and shows 已保存. */
export const saveExamAnswer = action(
  { name: "exam.saveAnswer", auth: "learner", schema: ZSaveAnswerInput },
  async (input, { learner }) => {
    const { savedAt } = await saveAnswer(learner.id, input);
    return { savedAt: savedAt.toISOString() };
  },
);

/**
 * 交卷: graded on the server. Revalidating the attempt's own address makes this response carry the
 * page re-rendered as the result; the dashboard, records, course and exam pages show the credits
 * (or the restudy) at once. revalidatePath does not throw, so it may run inside the handler.
 */
export const submitExam = action(
  { name: "exam.submit", auth: "learner", schema: ZSubmitAttemptInput },
  async (input, { learner }) => {
    const graded = await submitAttempt(learner.id, input);
    revalidatePath(`/exams/${graded.enrollmentId}/attempts/${graded.attemptId}`);
    if (!graded.alreadyGraded) {
      revalidatePath("/");
      revalidatePath("/records");
      revalidatePath("/courses/[id]", "page");
      revalidatePath(`/exams/${graded.enrollmentId}`);
    }
    return {
      enrollmentId: graded.enrollmentId,
      attemptId: graded.attemptId,
      score: graded.score,
      passed: graded.passed,
    };
  },
);
