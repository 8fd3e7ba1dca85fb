import type { ActionResult } from "@/lib/action-result";
import type { HandedIn, SavedAnswer } from "@/server/exams/answer-exam-request";
import type { StartedAttempt, TStartAttemptInput } from "@/server/exams/start-attempt";
import type { TSaveAnswerInput } from "@/server/exams/save-answer";
import type { TSubmitAttemptInput } from "@/server/exams/submit-attempt";
import type { ListenerPath } from "@/server/http/routes";

/**
 * Posts to one of the exam endpoints (docs/decisions/0015-exam-endpoints.md) and returns its
 * result, `{ ok: true, data }` or `{ ok: false, code, message }`. Throws when no answer of the
 * portal's came back (a lost connection, a proxy's error page): the callers keep the work for
 * a retry.
 */
async function post<T>(path: ListenerPath, input: object): Promise<ActionResult<T>> {
  const response = await fetch(path, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(input),
    cache: "no-store",
  });
  if (!response.headers.get("content-type")?.startsWith("application/json")) {
    throw new Error(`no exam answer (HTTP ${response.status})`);
  }
  return (await response.json()) as ActionResult<T>;
}

export const examRequests = {
  start: (input: TStartAttemptInput) => post<StartedAttempt>("/api/exams/start", input),
  saveAnswer: (input: TSaveAnswerInput) => post<SavedAnswer>("/api/exams/answer", input),
  submit: (input: TSubmitAttemptInput) => post<HandedIn>("/api/exams/submit", input),
};
