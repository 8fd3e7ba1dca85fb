import "server-only";
import {
  GENERIC_ERROR_MESSAGE,
  MALFORMED_BODY_MESSAGE,
  TOO_LARGE_MESSAGE,
  UNAUTHENTICATED_MESSAGE,
} from "@/lib/errors";
import { logger } from "@/lib/logger";
import { findUnreadableText, UNREADABLE_TEXT_MESSAGE } from "@/lib/unreadable-text";
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
  if (bodyText === null) return { status: 413, body: { error: "too large", message: TOO_LARGE_MESSAGE } };
  const learnerId = await readBeatLearner(cookieHeader);
  if (!learnerId) return { status: 401, body: { error: "unauthenticated", message: UNAUTHENTICATED_MESSAGE } };
  let body: unknown = null;
  try {
    body = bodyText.length <= MAX_BODY_CHARS ? JSON.parse(bodyText) : null;
  } catch {
    body = null;
  }
  if (findUnreadableText(body) !== null) {
    return { status: 400, body: { error: "invalid", message: UNREADABLE_TEXT_MESSAGE } };
  }
  const parsed = ZHeartbeatInput.safeParse(body);
  if (!parsed.success) return { status: 400, body: { error: "invalid", message: MALFORMED_BODY_MESSAGE } };
  try {
    return { status: 200, body: await recordHeartbeat(learnerId, parsed.data) };
  } catch (error) {
    logger.error({ err: error }, "heartbeat failed");
    return { status: 503, body: { error: "unavailable", message: GENERIC_ERROR_MESSAGE } };
  }
}

export { MAX_BODY_CHARS as MAX_HEARTBEAT_BODY_CHARS };
