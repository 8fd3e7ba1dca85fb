import "server-only";
import type { CreditLine } from "@/domain/credits";
import type { DbOrTx } from "@/server/db";

/**
 * A learner's ledger as one line per year and category: a single aggregate query, whatever the
 * number of entries. Reversals are already netted into the sums.
 */
export async function readLedgerLines(db: DbOrTx, learnerId: string): Promise<CreditLine[]> {
  const groups = await db.creditEntry.groupBy({
    by: ["year", "category"],
    where: { learnerId },
    _sum: { credits: true },
  });
  return groups.map((group) => ({ year: group.year, category: group.category, credits: group._sum.credits ?? 0 }));
}
