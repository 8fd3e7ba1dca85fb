import "server-only";
import type { CreditPolicyRow } from "@/domain/credits";
import { EXPORT_FORMAT, EXPORT_FORMAT_VERSION } from "@/domain/exports";
import { logger } from "@/lib/logger";
import { csvChecksum } from "./csv-chunks";
import { exportPool, type Queryable } from "./export-pool";
import type { CreatedExportBatch } from "./export-task";
import { insertDueExportRows } from "./insert-due-export-rows";

// Prisma keeps DateTime columns as UTC in `timestamp without time zone`; written here in SQL,
// the value must be UTC whatever the session's TimeZone.
const UTC_NOW = `(now() AT TIME ZONE 'UTC')`;
// Key of the transaction-level advisory lock (with the year as second key): "EXPT".
const EXPORT_LOCK_KEY = 0x45585054;

/**
 * Brings the checksums of the year's batches written in an earlier file format up to date: a
 * batch is downloaded in the current format whatever its age, so its stored checksum must be of
 * those bytes. Each such batch is hashed again and gets the current formatVersion and an audit
 * row keeping the checksum first handed over (`previousChecksum`). Under the caller's lock for
 * the year; each batch in a savepoint, so that one that cannot be read (and so cannot be
 * downloaded either) is logged and keeps its checksum.
 */
async function refreshOlderChecksums(client: Queryable, year: number): Promise<void> {
  const older = await client.query<{ id: number; checksum: string; formatVersion: number }>(
    `SELECT "id", "checksum", "formatVersion" FROM "ExportBatch"
     WHERE "year" = $1 AND "formatVersion" < $2 ORDER BY "id"`,
    [year, EXPORT_FORMAT],
  );
  for (const batch of older.rows) {
    await client.query("SAVEPOINT checksum");
    try {
      const checksum = await csvChecksum(client, batch.id);
      await client.query(`UPDATE "ExportBatch" SET "checksum" = $2, "formatVersion" = $3 WHERE "id" = $1`, [
        batch.id,
        checksum,
        EXPORT_FORMAT,
      ]);
      await client.query(
        `INSERT INTO "AuditLog" ("actorType", "action", "targetType", "targetId", "outcome", "details", "at")
         VALUES ('SYSTEM', 'export.batch.checksum', 'ExportBatch', $1, 'SUCCESS', $2, ${UTC_NOW})`,
        [
          String(batch.id),
          JSON.stringify({
            format: EXPORT_FORMAT_VERSION,
            previousFormat: batch.formatVersion,
            previousChecksum: batch.checksum,
            checksum,
          }),
        ],
      );
      await client.query("RELEASE SAVEPOINT checksum");
    } catch (error) {
      await client.query("ROLLBACK TO SAVEPOINT checksum");
      logger.warn({ err: error, batchId: batch.id }, "export batch checksum not refreshed");
    }
  }
}

/**
 * Writes the export batch of a year, in the export process (createExportBatch starts it): every
 * learner-year that is complete and was never exported, or whose figures changed since its last
 * export. One transaction holds it whole: an advisory lock per year (two batches of one year
 * never overlap, on any number of instances: the second waits, then finds nothing due), the
 * snapshot rows written by one INSERT … SELECT (no row passes through Node), the CSV checksum
 * streamed from the snapshot, and the audit row, which names the file format the checksum is of.
 * Nothing due: no batch. Either way, the year's batches checksummed in an earlier format first
 * get the checksum of the bytes they download as now (refreshOlderChecksums). Runs on the export
 * pool (pg), whose array rows keep a 500,000-line checksum light; hence the audit row written
 * here in SQL rather than through recordAudit, so that it commits with the batch. The year, the
 * policy row and the authorization are the caller's.
 */
export async function writeExportBatch(input: {
  year: number;
  trigger: "MANUAL" | "SCHEDULED";
  createdById: string | null;
  rule: CreditPolicyRow;
}): Promise<CreatedExportBatch> {
  const { year, trigger, createdById, rule } = input;
  const client = await exportPool().connect();
  try {
    await client.query("BEGIN");
    // The snapshot sorts and windows the whole year's ledger (2,000,000 entries for 500,000
    // learners): in memory rather than in temporary files, and without JIT compilation, which
    // took a second to compile a plan run once (measured).
    await client.query("SET LOCAL work_mem = '64MB'");
    await client.query("SET LOCAL jit = off");
    await client.query("SELECT pg_advisory_xact_lock($1::int, $2::int)", [EXPORT_LOCK_KEY, year]);
    await refreshOlderChecksums(client, year);
    await client.query("SAVEPOINT batch");
    const inserted = await client.query<{ id: number }>(
      `INSERT INTO "ExportBatch" ("year", "trigger", "createdById", "rowCount", "checksum", "createdAt")
       VALUES ($1, $2, $3, 0, '', ${UTC_NOW}) RETURNING "id"`,
      [year, trigger, createdById],
    );
    const batchId = inserted.rows[0]?.id;
    if (batchId === undefined) throw new Error("export batch: INSERT returned no id");
    const rowCount = await insertDueExportRows(client, { batchId, year, rule });
    if (rowCount === 0) {
      await client.query("ROLLBACK TO SAVEPOINT batch");
      await client.query("COMMIT");
      return { batchId: null, year, rowCount: 0 };
    }
    // Fresh statistics, committed with the rows: planned with stale ones (the new batch unknown),
    // each page of a download became a bitmap scan and sort of the whole batch (measured 30×
    // slower). ANALYZE counts this transaction's own rows.
    await client.query(`ANALYZE "ExportRow"`);
    await client.query(
      `INSERT INTO "ExportBatchDistrict" ("batchId", "districtId", "districtName", "rowCount")
       SELECT $1, "districtId", MIN("districtName"), COUNT(*) FROM "ExportRow" WHERE "batchId" = $1 GROUP BY "districtId"`,
      [batchId],
    );
    const checksum = await csvChecksum(client, batchId);
    await client.query(`UPDATE "ExportBatch" SET "rowCount" = $2, "checksum" = $3 WHERE "id" = $1`, [
      batchId,
      rowCount,
      checksum,
    ]);
    await client.query(
      `INSERT INTO "AuditLog" ("actorType", "actorId", "action", "targetType", "targetId", "outcome", "details", "at")
       VALUES ($1, $2, 'export.batch.create', 'ExportBatch', $3, 'SUCCESS', $4, ${UTC_NOW})`,
      [
        createdById ? "STAFF" : "SYSTEM",
        createdById,
        String(batchId),
        JSON.stringify({ year, trigger, rowCount, checksum, format: EXPORT_FORMAT_VERSION }),
      ],
    );
    await client.query("COMMIT");
    return { batchId, year, rowCount };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
