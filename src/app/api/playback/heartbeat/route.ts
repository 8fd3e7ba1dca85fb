import { logger } from "@/lib/logger";
import { readBeatLearner } from "@/server/playback/read-beat-learner";
import { recordHeartbeat, ZHeartbeatInput, type HeartbeatAnswer } from "@/server/playback/record-heartbeat";

const MAX_BODY_CHARS = 1_000;
const NO_STORE = { "cache-control": "no-store" };

// The portal's hottest path: every playing learner, every 15 s, plus on pause, end and page
// hide (sendBeacon, whose body arrives as text/plain). A beat that counts for nothing is
// answered like any other (200 and the state), so that a script learns nothing from it.
export async function POST(request: Request): Promise<Response> {
  const learnerId = await readBeatLearner(request.headers.get("cookie"));
  if (!learnerId) return Response.json({ error: "unauthenticated" }, { status: 401, headers: NO_STORE });

  const text = await request.text();
  let body: unknown = null;
  try {
    body = text.length <= MAX_BODY_CHARS ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  const parsed = ZHeartbeatInput.safeParse(body);
  if (!parsed.success) return Response.json({ error: "invalid" }, { status: 400, headers: NO_STORE });

  try {
    const answer: HeartbeatAnswer = await recordHeartbeat(learnerId, parsed.data);
    return Response.json(answer, { headers: NO_STORE });
  } catch (error) {
    logger.error({ err: error }, "heartbeat failed");
    return Response.json({ error: "unavailable" }, { status: 503, headers: NO_STORE });
  }
}
