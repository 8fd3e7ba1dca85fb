import { logger } from "@/lib/logger";
import { getCurrentLearner } from "@/server/auth/session";
import { reportPlayerError, ZPlayerErrorInput } from "@/server/playback/report-player-error";

const MAX_BODY_CHARS = 4_000;
const NO_STORE = { "cache-control": "no-store" };

// Errors the player meets, reported automatically (fetch or sendBeacon). Rate limited per
// learner and per instance; a dropped report is answered 429 and never retried by the player.
export async function POST(request: Request): Promise<Response> {
  const learner = await getCurrentLearner();
  if (!learner) return Response.json({ error: "unauthenticated" }, { status: 401, headers: NO_STORE });
  const text = await request.text();
  let body: unknown = null;
  try {
    body = text.length <= MAX_BODY_CHARS ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  const parsed = ZPlayerErrorInput.safeParse(body);
  if (!parsed.success) return Response.json({ error: "invalid" }, { status: 400, headers: NO_STORE });
  try {
    const stored = await reportPlayerError(learner.id, parsed.data, request.headers.get("user-agent"));
    return Response.json({ stored }, { status: stored ? 202 : 429, headers: NO_STORE });
  } catch (error) {
    logger.error({ err: error }, "player error report failed");
    return Response.json({ error: "unavailable" }, { status: 503, headers: NO_STORE });
  }
}
