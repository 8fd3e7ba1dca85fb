import "server-only";
import { logger } from "@/lib/logger";
import { findUnreadableText } from "@/lib/unreadable-text";
import { readBeatLearner } from "./read-beat-learner";
import { recordHeartbeat, ZHeartbeatInput } from "./record-heartbeat";

const MAX_BODY_CHARS = 1_000;

export interface HeartbeatResponse {
  status: number;
  body: object;
}

/**
 * A heartbeat request, whatever serves it (the Next.js route in development, the portal's own
 * HTTP listener in production — see src/server/http/routes.ts): the cookie, the body (JSON, or
 * the text of a sendBeacon Blob; null when it was larger than MAX_HEARTBEAT_BODY_CHARS, refused
 * before the cookie is looked at), the answer. A beat that counts for nothing is answered like
 * any other, so that a script learns nothing from it.
 */
export async function answerHeartbeat(
  cookieHeader: string | null,
  bodyText: string | null,
): Promise<HeartbeatResponse> {
  if (bodyText === null) return { status: 413, body: { error: "too large" } };
  const learnerId = await readBeatLearner(cookieHeader);
  if (!learnerId) return { status: 401, body: { error: "unauthenticated" } };
  let body: unknown = null;
  try {
    body = bodyText.length <= MAX_BODY_CHARS ? JSON.parse(bodyText) : null;
  } catch {
    body = null;
  }
  const parsed = findUnreadableText(body) === null ? ZHeartbeatInput.safeParse(body) : null;
  if (!parsed?.success) return { status: 400, body: { error: "invalid" } };
  try {
    return { status: 200, body: await recordHeartbeat(learnerId, parsed.data) };
  } catch (error) {
    logger.error({ err: error }, "heartbeat failed");
    return { status: 503, body: { error: "unavailable" } };
  }
}

export { MAX_BODY_CHARS as MAX_HEARTBEAT_BODY_CHARS };
