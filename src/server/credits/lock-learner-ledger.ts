import "server-only";
import { asSql, type SqlTx } from "@/server/sql";
import type { LedgerTx } from "./ledger-transaction";

/**
 * Locks the learner's row for the rest of the transaction, so that every writer of one learner's
 * ledger (course awards, activities, adjustments) reads the ledger and writes its entry without
 * another writer in between: the prior-year-first decision and the no-negative check are made on
 * the ledger as it is, not as it was. Learners never wait for each other.
 *
 * FOR NO KEY UPDATE rather than FOR UPDATE: it excludes the other ledger writers just the same but
 * not the key-share locks that inserts referencing the learner (enrollments, entries) take.
 * Returns null when there is no such learner. Takes the course award's pg transaction or an
 * administrator's Prisma one.
 */
export async function lockLearnerLedger(
  tx: SqlTx | LedgerTx,
  learnerId: string,
): Promise<{ startYear: number } | null> {
  const rows = await asSql(tx).query<{ startYear: number }>(
    `SELECT "startYear" FROM "Learner" WHERE "id" = $1 FOR NO KEY UPDATE`,
    [learnerId],
  );
  return rows[0] ?? null;
}
