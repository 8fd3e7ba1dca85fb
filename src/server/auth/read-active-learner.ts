import "server-only";
import { sqlQuery } from "@/server/sql";
import { readBeatLearner } from "@/server/playback/read-beat-learner";

/**
 * The signed-in, active learner of a request served outside Next.js's request machinery (the
 * exam endpoints), from the session cookie alone: the same checks as `getCurrentLearner` — a
 * learner principal whose session is within its idle and absolute limits (`readBeatLearner`),
 * and who is still ACTIVE in the database, asked on every request (no cache) so that a disabled
 * learner's session stops working at their next request.
 */
export async function readActiveLearner(cookieHeader: string | null): Promise<string | null> {
  const learnerId = await readBeatLearner(cookieHeader);
  if (!learnerId) return null;
  const rows = await sqlQuery<{ id: string }>(`SELECT "id" FROM "Learner" WHERE "id" = $1 AND "status" = 'ACTIVE'`, [
    learnerId,
  ]);
  return rows.length > 0 ? learnerId : null;
}
