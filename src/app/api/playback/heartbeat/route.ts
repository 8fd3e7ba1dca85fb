import { answerHeartbeat, MAX_HEARTBEAT_BODY_CHARS } from "@/server/playback/answer-heartbeat";
import { readCappedBody } from "@/server/request/read-capped-body";

// The portal's hottest path: every playing learner, every 15 s, plus on pause, end and page
// hide (sendBeacon, whose body arrives as text/plain). In production the portal's own HTTP
// listener answers this path before Next.js sees it (scripts/serve.ts); this route serves it
// under `next dev` and wherever Next.js runs on its own.
export async function POST(request: Request): Promise<Response> {
  // Bytes: a body of at most this many characters is at most 4× as many bytes of UTF-8.
  const text = await readCappedBody(request, MAX_HEARTBEAT_BODY_CHARS * 4);
  if (text === null) return Response.json({ error: "too large" }, { status: 413 });
  const { status, body } = await answerHeartbeat(request.headers.get("cookie"), text);
  return Response.json(body, { status, headers: { "cache-control": "no-store" } });
}
