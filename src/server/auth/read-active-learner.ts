import "server-only";
import { sqlQuery } from "@/server/sql";
import { currentSessionCondition } from "./auth-sessions";
import { readSessionCookie } from "./session-token";

/**
 * The signed-in, active learner of a request served outside Next.js's request machinery (the
 * exam endpoints), from the session cookie alone: the same checks as `getCurrentLearner` — a
 * learner principal whose session is within its idle and absolute limits and not revoked, and
 * who is still ACTIVE in the database, both asked on every request in one statement (no cache),
 * so that a disabled learner or an ended session stops working at the next request.
 */
export async function readActiveLearner(cookieHeader: string | null): Promise<string | null> {
  const session = await readSessionCookie(cookieHeader);
  if (session?.principal.kind !== "learner") return null;
  const { id, sessionId } = session.principal;
  const rows = await sqlQuery<{ id: string }>(
    `SELECT l."id" FROM "Learner" l WHERE l."id" = $1 AND l."status" = 'ACTIVE' AND ${currentSessionCondition("$2", 'l."id"')}`,
    [id, sessionId],
  );
  return rows.length > 0 ? id : null;
}
