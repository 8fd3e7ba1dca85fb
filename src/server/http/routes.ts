import "server-only";
import { answerExamRequest, MAX_EXAM_BODY_CHARS } from "@/server/exams/answer-exam-request";
import { answerHeartbeat, MAX_HEARTBEAT_BODY_CHARS } from "@/server/playback/answer-heartbeat";
import type { HeaderReader } from "@/server/request/is-same-origin-json";

/** A request as an edge route's handler sees it, whoever carries it (listener or Next.js route). */
export interface EdgeRequest {
  headers: HeaderReader;
  /** The body as text, or null when it was larger than the route's `maxBodyChars`. */
  bodyText: string | null;
}

/** The answer: a status and a JSON body, sent with `cache-control: no-store`. */
export interface EdgeResponse {
  status: number;
  body: unknown;
}

/**
 * A path answered by the portal's own listener before Next.js sees it — no Next.js machinery, no
 * `proxy.ts` (so no session cookie re-issued) — and, under `next dev` / `next start`, by the
 * Next.js route at the same path calling the same handler (`nextRoute`).
 */
export interface ListenerRoute {
  path: string;
  method: "POST";
  answeredBy: "listener";
  maxBodyChars: number;
  answer: (request: EdgeRequest) => Promise<EdgeResponse>;
}

/** A path of the same family that must go through Next.js and `proxy.ts`, and why. */
export interface ProxiedRoute {
  path: string;
  method: "POST";
  answeredBy: "next";
  because: string;
}

export type EdgeRoute = ListenerRoute | ProxiedRoute;

const listener = <P extends string, R extends EdgeResponse>(
  path: P,
  maxBodyChars: number,
  answer: (request: EdgeRequest) => Promise<R>,
) => ({ path, method: "POST", answeredBy: "listener", maxBodyChars, answer }) as const;

/**
 * The hot paths of the year-end rush, in one place: what the listener answers itself
 * (src/server/http/create-portal-server.ts), what the Next.js routes under src/app/api serve in
 * development, and what `proxy.ts`'s matcher must leave out (tests/unit/edge-routes.test.ts holds
 * the two together: the matcher has to be a literal that Next.js reads at build time).
 * docs/decisions/0013-heartbeat-listener.md, 0015-exam-endpoints.md.
 */
export const EDGE_ROUTES = [
  // Every playing learner, every 15 s, plus on pause, end and page hide (sendBeacon, whose body
  // arrives as text/plain): thousands a second at the deadline.
  listener("/api/playback/heartbeat", MAX_HEARTBEAT_BODY_CHARS, (request) =>
    answerHeartbeat(request.headers.get("cookie"), request.bodyText),
  ),
  {
    path: "/api/playback/keepalive",
    method: "POST",
    answeredBy: "next",
    because:
      "proxy.ts re-issues the session cookie: the player and the exam paper call it every few minutes, " +
      "so that a learner whose heartbeats and answers bypass proxy.ts stays signed in",
  },
  // The exam's requests, hundreds in the same minute at year end.
  listener("/api/exams/start", MAX_EXAM_BODY_CHARS, (request) => answerExamRequest("start", request)),
  listener("/api/exams/answer", MAX_EXAM_BODY_CHARS, (request) => answerExamRequest("saveAnswer", request)),
  listener("/api/exams/submit", MAX_EXAM_BODY_CHARS, (request) => answerExamRequest("submit", request)),
] as const satisfies readonly EdgeRoute[];

type ListenerEntry = Extract<(typeof EDGE_ROUTES)[number], { answeredBy: "listener" }>;

/** A path the listener answers itself. */
export type ListenerPath = ListenerEntry["path"];

/** The table's entry for a path the listener answers (typed with its handler's answer). */
export function listenerRoute<P extends ListenerPath>(path: P): Extract<ListenerEntry, { path: P }> {
  const route = EDGE_ROUTES.find((r) => r.answeredBy === "listener" && r.path === path);
  if (!route) throw new Error(`no listener route ${path}`);
  return route as Extract<ListenerEntry, { path: P }>;
}
