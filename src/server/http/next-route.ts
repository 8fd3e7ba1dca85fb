import "server-only";
import { readCappedBody } from "@/server/request/read-capped-body";
import { listenerRoute, type ListenerPath } from "./routes";

/**
 * The Next.js route handler of a path the portal's listener answers in production: the same
 * table entry, body limit and handler, for `next dev` and wherever Next.js runs on its own.
 */
export function nextRoute(path: ListenerPath) {
  const { maxBodyChars, answer } = listenerRoute(path);
  return async function POST(request: Request): Promise<Response> {
    const bodyText = await readCappedBody(request, maxBodyChars);
    const { status, body } = await answer({ headers: request.headers, bodyText });
    return Response.json(body, { status, headers: { "cache-control": "no-store" } });
  };
}
