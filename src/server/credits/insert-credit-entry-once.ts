import "server-only";
import type { CreditEntry, Prisma } from "@/generated/prisma/client";
import type { LedgerTx } from "./ledger-transaction";

/**
 * Inserts a ledger entry unless one with its `sourceKey` exists, and returns the entry that is in
 * the ledger either way. ON CONFLICT DO NOTHING (skipDuplicates) rather than catching P2002: a
 * unique violation would abort the whole transaction, the caller's included, while a skipped
 * insert leaves it usable. A concurrent inserter of the same key is waited for by PostgreSQL, and
 * the next statement sees its row once it has committed.
 */
export async function insertCreditEntryOnce(
  tx: LedgerTx,
  data: Prisma.CreditEntryCreateManyInput,
): Promise<{ entry: CreditEntry; created: boolean }> {
  const [inserted] = await tx.creditEntry.createManyAndReturn({ data: [data], skipDuplicates: true });
  if (inserted) return { entry: inserted, created: true };
  const existing = await tx.creditEntry.findUnique({ where: { sourceKey: data.sourceKey } });
  // Entries are never deleted, so the row that made the insert a no-op is still there.
  if (!existing) throw new Error(`credit entry ${data.sourceKey} was skipped as a duplicate but cannot be found`);
  return { entry: existing, created: false };
}
