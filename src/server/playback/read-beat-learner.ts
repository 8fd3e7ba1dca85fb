import "server-only";
import { isSessionCurrentForBeat } from "@/server/auth/auth-sessions";
import { readSessionCookie } from "@/server/auth/session-token";

/**
 * The learner of a heartbeat request, from the session cookie alone (at most one decryption per
 * cookie value: a player sends the same cookie beat after beat), with the same checks as the
 * pages' session: a learner principal within the idle and absolute limits, whose session the
 * server has not revoked (asked at most every HEARTBEAT_RECHECK_MS per session). Whether the
 * learner is still ACTIVE is checked by the beat's own query.
 */
export async function readBeatLearner(cookieHeader: string | null): Promise<string | null> {
  const session = await readSessionCookie(cookieHeader);
  if (session?.principal.kind !== "learner") return null;
  const { id, sessionId } = session.principal;
  return (await isSessionCurrentForBeat(sessionId, id)) ? id : null;
}
