import "server-only";
import { readSessionCookie } from "@/server/auth/session-token";

/**
 * The learner of a heartbeat request, from the session cookie alone (at most one decryption per
 * cookie value: a player sends the same cookie beat after beat), with the same checks as the
 * pages' session: a learner principal within the idle and absolute limits. Whether the learner
 * is still ACTIVE is checked by the beat's own query.
 */
export async function readBeatLearner(cookieHeader: string | null): Promise<string | null> {
  const session = await readSessionCookie(cookieHeader);
  return session?.principal.kind === "learner" ? session.principal.id : null;
}
