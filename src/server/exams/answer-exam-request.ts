import "server-only";
import type { z } from "zod";
import type { ActionResult } from "@/lib/action-result";
import { ERROR_STATUS } from "@/lib/error-codes";
import {
  AppError,
  type AppErrorCode,
  GENERIC_ERROR_MESSAGE,
  MALFORMED_BODY_MESSAGE,
  TOO_LARGE_MESSAGE,
  UNAUTHENTICATED_MESSAGE,
} from "@/lib/errors";
import { logger } from "@/lib/logger";
import { findUnreadableText, UNREADABLE_TEXT_MESSAGE } from "@/lib/unreadable-text";
import { readActiveLearner } from "@/server/auth/read-active-learner";
import { clientAddress } from "@/server/request/client-address";
import { isSameOriginJson, type HeaderReader } from "@/server/request/is-same-origin-json";
import { saveAnswer, ZSaveAnswerInput } from "./save-answer";
import { startAttempt, ZStartAttemptInput, type StartedAttempt } from "./start-attempt";
import { submitAttempt, ZSubmitAttemptInput } from "./submit-attempt";
import { commonMessages } from "@/messages/zh-CN";

/** The largest body accepted, in characters: an answer is a few ids (at most 26 options). */
export const MAX_EXAM_BODY_CHARS = 4_000;

export interface SavedAnswer {
  savedAt: string;
}
export interface HandedIn {
  enrollmentId: string;
  attemptId: string;
  score: number | null;
  passed: boolean | null;
}

interface Endpoint<S extends z.ZodType, T> {
  name: string;
  schema: S;
  run: (learnerId: string, input: z.output<S>) => Promise<T>;
}
const endpoint = <S extends z.ZodType, T>(e: Endpoint<S, T>) => e;

// The exam's hot requests at the year-end rush (docs/decisions/0015-exam-endpoints.md); their
// paths are in the route table (src/server/http/routes.ts). The functions they call take the
// learner id and check ownership themselves.
const ENDPOINTS = {
  /** 开始考试 (or back to the open attempt); the page then navigates to the paper. */
  start: endpoint({
    name: "exam.start",
    schema: ZStartAttemptInput,
    run: (learnerId, input): Promise<StartedAttempt> => startAttempt(learnerId, input),
  }),
  /** One answer, as the learner goes (debounced by the page). */
  saveAnswer: endpoint({
    name: "exam.saveAnswer",
    schema: ZSaveAnswerInput,
    run: async (learnerId, input): Promise<SavedAnswer> => {
      const { savedAt } = await saveAnswer(learnerId, input);
      return { savedAt: savedAt.toISOString() };
    },
  }),
  /** 交卷: graded once on the server; the page then refreshes into the result. */
  submit: endpoint({
    name: "exam.submit",
    schema: ZSubmitAttemptInput,
    run: async (learnerId, input): Promise<HandedIn> => {
      const { enrollmentId, attemptId, score, passed } = await submitAttempt(learnerId, input);
      return { enrollmentId, attemptId, score, passed };
    },
  }),
} as const;

export type ExamEndpoint = keyof typeof ENDPOINTS;

export interface ExamRequest {
  headers: HeaderReader;
  /** The body as text, or null when it was larger than MAX_EXAM_BODY_CHARS. */
  bodyText: string | null;
}

export interface ExamResponse {
  status: number;
  body: ActionResult<unknown>;
}

const refusal = (status: number, code: AppErrorCode, message: string): ExamResponse => ({
  status,
  body: { ok: false, code, message },
});

/**
 * An exam request, whatever serves it (the portal's own listener in production, the Next.js
 * routes at the same paths under `next dev` / `next start`; see src/server/http/routes.ts):
 * cross-site requests refused, the learner from the session cookie only (signed in, within the
 * session limits, still ACTIVE), the body validated with the function's zod schema, and the one
 * result shape of the server actions: `{ ok: true, data }` or `{ ok: false, code, message }` in
 * Chinese. An unexpected failure is logged and answered with the generic message.
 */
export async function answerExamRequest(endpoint: ExamEndpoint, request: ExamRequest): Promise<ExamResponse> {
  const { name, schema, run } = ENDPOINTS[endpoint] as Endpoint<z.ZodType, unknown>;
  const ip = clientAddress(request.headers);
  if (!isSameOriginJson(request.headers)) {
    logger.warn({ action: name, ip, origin: request.headers.get("origin") }, "exam request refused: cross-site");
    return refusal(403, "FORBIDDEN", commonMessages.badOrigin);
  }
  if (request.bodyText === null) return refusal(413, "TOO_LARGE", TOO_LARGE_MESSAGE);
  try {
    const learnerId = await readActiveLearner(request.headers.get("cookie"));
    if (!learnerId) return refusal(401, "UNAUTHENTICATED", UNAUTHENTICATED_MESSAGE);
    let input: unknown;
    try {
      input = JSON.parse(request.bodyText);
    } catch {
      return refusal(400, "INVALID_INPUT", MALFORMED_BODY_MESSAGE);
    }
    if (findUnreadableText(input) !== null) return refusal(400, "UNREADABLE_TEXT", UNREADABLE_TEXT_MESSAGE);
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      return refusal(400, "INVALID_INPUT", parsed.error.issues[0]?.message ?? commonMessages.checkInput);
    }
    return { status: 200, body: { ok: true, data: await run(learnerId, parsed.data) } };
  } catch (error) {
    if (error instanceof AppError) {
      const { code, message, fieldErrors } = error;
      return { status: ERROR_STATUS[error.code], body: { ok: false, code, message, fieldErrors } };
    }
    logger.error({ err: error, action: name, ip }, "action failed");
    return refusal(500, "INTERNAL", GENERIC_ERROR_MESSAGE);
  }
}
