import "server-only";
import { logger } from "@/lib/logger";
import { lockLearnerLedger } from "@/server/credits/lock-learner-ledger";
import { runSqlTransaction, sqlPool } from "@/server/sql";
import { syncYearCertificate } from "./sync-year-certificate";

const BATCH = 500;

/**
 * Issues the certificates of complete learner-years that have none: years completed before
 * certificates existed, once, when an instance starts (the ledger writers issue every later one
 * themselves). Walks the per-year totals in key order, so each row is read once; each year in a
 * transaction of its own under the learner's lock, as the writers do, so a concurrent writer or
 * a second instance doing the same cannot issue twice. Returns how many were issued.
 */
export async function issueMissingCertificates(opts: { batchSize?: number } = {}): Promise<number> {
  const batchSize = opts.batchSize ?? BATCH;
  let cursor = { learnerId: "", year: 0 };
  let issued = 0;
  for (;;) {
    const { rows } = await sqlPool().query<{ learnerId: string; year: number }>(
      `SELECT t."learnerId", t."year"
       FROM "CreditYearTotal" t JOIN "completion_rules"() r ON r."year" = t."year"
       WHERE (t."learnerId", t."year") > ($1, $2::int)
         AND credit_year_complete(t."totalCredits", t."professionalCredits", r.required_total, r.required_professional)
         AND NOT EXISTS (SELECT 1 FROM "Certificate" c WHERE c."learnerId" = t."learnerId" AND c."year" = t."year")
       ORDER BY t."learnerId", t."year"
       LIMIT $3::int`,
      [cursor.learnerId, cursor.year, batchSize],
    );
    for (const row of rows) {
      const change = await runSqlTransaction(async (tx) => {
        await lockLearnerLedger(tx, row.learnerId);
        return syncYearCertificate(tx, row.learnerId, row.year);
      });
      if (change === "issued") issued++;
    }
    if (rows.length < batchSize) break;
    cursor = rows.at(-1)!;
  }
  if (issued > 0) logger.info({ issued }, "certificates: issued for years completed before certificates existed");
  return issued;
}
