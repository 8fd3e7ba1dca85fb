import "server-only";
import { normalizeCreditPolicy, type CreditPolicyRow } from "@/domain/credits";
import { getDb, type DbOrTx } from "@/server/db";
import { asSql, type SqlClient } from "@/server/sql";

// The policy changes perhaps once in years, and a new row is entered ahead of the year it
// governs, so a minute of staleness per instance is harmless and saves a query per page.
const CACHE_MS = 60_000;

let cache: { rows: readonly CreditPolicyRow[]; loadedAt: number } | null = null;

/**
 * The credit policy schedule (table CreditPolicy), sorted and validated, cached in-process for a
 * minute. Pass the transaction when calling from inside one (a Prisma one or the course award's
 * pg one): on a cold cache the query must not wait for a second connection while the transaction
 * holds its own (the embedded database runs one transaction at a time). `fresh` skips the cache
 * (after an administrator changed the policy, and in tests).
 */
export async function getCreditPolicy(
  opts: { fresh?: boolean } = {},
  db: DbOrTx | SqlClient = getDb(),
): Promise<readonly CreditPolicyRow[]> {
  if (!opts.fresh && cache && Date.now() - cache.loadedAt < CACHE_MS) return cache.rows;
  const rows = await asSql(db).query<CreditPolicyRow>(
    `SELECT "fromYear", "requiredTotal", "requiredProfessional", "creditsPerHour" FROM "CreditPolicy" ORDER BY "fromYear"`,
  );
  // An empty or inconsistent table throws here rather than silently applying some other rule.
  const schedule = normalizeCreditPolicy(rows);
  cache = { rows: schedule, loadedAt: Date.now() };
  return schedule;
}
