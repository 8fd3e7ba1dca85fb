import "server-only";
import pg from "pg";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";

const holder = globalThis as typeof globalThis & { __exportPool?: pg.Pool };

/**
 * A small pg pool for the export's bulk reads and writes, beside the one Prisma client: files of
 * 500,000 lines go through here because Prisma's row mapping costs ~3× the time and memory of
 * pg's array rows (measured: +138 MB against +44 MB of resident memory per 100,000 rows). Used
 * by the export process (0016), which does one thing: two connections are enough for a
 * download reading the next page while it writes one, and a batch's transaction takes one.
 */
export function exportPool(): pg.Pool {
  if (!holder.__exportPool) {
    const config = env();
    holder.__exportPool = new pg.Pool({
      connectionString: config.DATABASE_URL,
      application_name: "wh_kjxx_exports",
      max: 2,
      idleTimeoutMillis: 10_000,
      // Nothing waits forever, but exports are long by nature: a batch's snapshot of 500,000
      // learners is one statement of ~15 s (a page ~0.1 s), and its transaction stays open
      // while the file's checksum is streamed. Their own limits, far above the pages' (ADR 0022).
      connectionTimeoutMillis: 30_000,
      statement_timeout: config.DATABASE_EXPORT_STATEMENT_TIMEOUT_MS,
      idle_in_transaction_session_timeout: config.DATABASE_EXPORT_IDLE_IN_TRANSACTION_TIMEOUT_MS,
    });
    holder.__exportPool.on("error", (error) => logger.error({ error: error.message }, "export pool error"));
  }
  return holder.__exportPool;
}

/** Something that runs a query: the pool, or one client holding a transaction. */
export type Queryable = Pick<pg.Pool, "query"> | Pick<pg.PoolClient, "query">;
