import { answerHeartbeat } from "@/server/playback/answer-heartbeat";

// The portal's hottest path: every playing learner, every 15 s, plus on pause, end and page
// hide (sendBeacon, whose body arrives as text/plain). In production the portal's own HTTP
// listener answers this path before Next.js sees it (scripts/serve.ts); this route serves it
// under `next dev` and wherever Next.js runs on its own.
export async function POST(request: Request): Promise<Response> {
  const { status, body } = await answerHeartbeat(request.headers.get("cookie"), await request.text());
  return Response.json(body, { status, headers: { "cache-control": "no-store" } });
}
