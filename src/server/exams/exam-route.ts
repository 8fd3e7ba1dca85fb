import "server-only";
import { readCappedBody } from "@/server/request/read-capped-body";
import { answerExamRequest, MAX_EXAM_BODY_CHARS, type ExamEndpointPath } from "./answer-exam-request";

/**
 * The Next.js route handler of an exam endpoint. In production the portal's own listener answers
 * these paths before Next.js sees them (scripts/serve.ts); the routes serve them under
 * `next dev` and wherever Next.js runs on its own, with the very same function.
 */
export function examRoute(path: ExamEndpointPath) {
  return async function POST(request: Request): Promise<Response> {
    // Bytes: a body of at most this many characters is at most 4× as many bytes of UTF-8.
    const bodyText = await readCappedBody(request, MAX_EXAM_BODY_CHARS * 4);
    const { status, body } = await answerExamRequest(path, { headers: request.headers, bodyText });
    return Response.json(body, { status, headers: { "cache-control": "no-store" } });
  };
}
