import { answerHeartbeat, MAX_HEARTBEAT_BODY_CHARS } from "@/server/playback/answer-heartbeat";

/** The body as text, or null beyond `limit` bytes (read no further than that). */
async function readCapped(request: Request, limit: number): Promise<string | null> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > limit) return null;
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

// The portal's hottest path: every playing learner, every 15 s, plus on pause, end and page
// hide (sendBeacon, whose body arrives as text/plain). In production the portal's own HTTP
// listener answers this path before Next.js sees it (scripts/serve.ts); this route serves it
// under `next dev` and wherever Next.js runs on its own.
export async function POST(request: Request): Promise<Response> {
  // Bytes: a body of at most this many characters is at most 4× as many bytes of UTF-8.
  const text = await readCapped(request, MAX_HEARTBEAT_BODY_CHARS * 4);
  if (text === null) return Response.json({ error: "too large" }, { status: 413 });
  const { status, body } = await answerHeartbeat(request.headers.get("cookie"), text);
  return Response.json(body, { status, headers: { "cache-control": "no-store" } });
}
