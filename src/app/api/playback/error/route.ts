import {
  GENERIC_ERROR_MESSAGE,
  MALFORMED_BODY_MESSAGE,
  TOO_LARGE_MESSAGE,
  UNAUTHENTICATED_MESSAGE,
} from "@/lib/errors";
import { logger } from "@/lib/logger";
import { findUnreadableText, UNREADABLE_TEXT_MESSAGE } from "@/lib/unreadable-text";
import { getCurrentLearner } from "@/server/auth/session";
import { reportPlayerError, ZPlayerErrorInput } from "@/server/playback/report-player-error";
import { readCappedBody } from "@/server/request/read-capped-body";

const MAX_BODY_CHARS = 4_000;
const NO_STORE = { "cache-control": "no-store" };

// Errors the player meets, reported automatically (fetch or sendBeacon). Rate limited per
// learner and per instance; a dropped report is answered 429 and never retried by the player.
export async function POST(request: Request): Promise<Response> {
  const learner = await getCurrentLearner();
  const refuse = (status: number, error: string, message: string) =>
    Response.json({ error, message }, { status, headers: NO_STORE });
  if (!learner) return refuse(401, "unauthenticated", UNAUTHENTICATED_MESSAGE);
  // Read no further than the limit, whatever the client declares or sends.
  const text = await readCappedBody(request, MAX_BODY_CHARS);
  if (text === null) return refuse(413, "too large", TOO_LARGE_MESSAGE);
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    body = null;
  }
  if (findUnreadableText(body) !== null) return refuse(400, "invalid", UNREADABLE_TEXT_MESSAGE);
  const parsed = ZPlayerErrorInput.safeParse(body);
  if (!parsed.success) return refuse(400, "invalid", MALFORMED_BODY_MESSAGE);
  try {
    const stored = await reportPlayerError(learner.id, parsed.data, request.headers.get("user-agent"));
    return Response.json({ stored }, { status: stored ? 202 : 429, headers: NO_STORE });
  } catch (error) {
    logger.error({ err: error }, "player error report failed");
    return refuse(503, "unavailable", GENERIC_ERROR_MESSAGE);
  }
}
