import "server-only";
import type { ActivityType, CreditCategory, CreditSource } from "@/generated/prisma/enums";
import { asSql, utc, type SqlTx } from "@/server/sql";
import type { LedgerTx } from "./ledger-transaction";

export interface NewCreditEntry {
  learnerId: string;
  year: number;
  category: CreditCategory;
  credits: number;
  source: CreditSource;
  sourceKey: string;
  courseId?: string | null;
  activityType?: ActivityType | null;
  note?: string | null;
  recordedById?: string | null;
}

/** An entry as the ledger writers use it; the bigint id as text, as both drivers can give it. */
export interface LedgerEntry {
  id: string;
  learnerId: string;
  year: number;
  category: CreditCategory;
  credits: number;
  recordedAt: Date;
}

const ENTRY_COLUMNS = `"id"::text AS "id", "learnerId", "year", "category"::text AS "category", "credits", "recordedAt"`;

/**
 * Inserts a ledger entry unless one with its `sourceKey` exists, and returns the entry that is in
 * the ledger either way. ON CONFLICT DO NOTHING rather than catching a unique violation: that
 * would abort the whole transaction, the caller's included, while a skipped insert leaves it
 * usable. A concurrent inserter of the same key is waited for by PostgreSQL, and the next
 * statement sees its row once it has committed. Takes the course award's pg transaction or an
 * administrator's Prisma one.
 */
export async function insertCreditEntryOnce(
  tx: SqlTx | LedgerTx,
  data: NewCreditEntry,
  now: Date = new Date(),
): Promise<{ entry: LedgerEntry; created: boolean }> {
  const sql = asSql(tx);
  const [inserted] = await sql.query<LedgerEntry>(
    `INSERT INTO "CreditEntry"
       ("learnerId", "year", "category", "credits", "source", "sourceKey", "courseId", "activityType", "note",
        "recordedById", "recordedAt")
     VALUES ($1, $2::int, $3::"CreditCategory", $4::int, $5::"CreditSource", $6, $7, $8::"ActivityType", $9, $10,
             $11::timestamp)
     ON CONFLICT DO NOTHING
     RETURNING ${ENTRY_COLUMNS}`,
    [
      data.learnerId,
      data.year,
      data.category,
      data.credits,
      data.source,
      data.sourceKey,
      data.courseId ?? null,
      data.activityType ?? null,
      data.note ?? null,
      data.recordedById ?? null,
      utc(now),
    ],
  );
  if (inserted) return { entry: inserted, created: true };
  const [existing] = await sql.query<LedgerEntry>(`SELECT ${ENTRY_COLUMNS} FROM "CreditEntry" WHERE "sourceKey" = $1`, [
    data.sourceKey,
  ]);
  // Entries are never deleted, so the row that made the insert a no-op is still there.
  if (!existing) throw new Error(`credit entry ${data.sourceKey} was skipped as a duplicate but cannot be found`);
  return { entry: existing, created: false };
}
