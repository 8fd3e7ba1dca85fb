import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";

// Columns that must never be selected by accident: they are asked for explicitly where needed.
const omit = {
  learner: { idNumberEncrypted: true },
  staffUser: { passwordHash: true },
} as const;

interface PoolOptions {
  /** Seen in pg_stat_activity: which pool a connection belongs to. */
  name: string;
  max: number;
  statementTimeoutMs: number;
}

function createClient(pool: PoolOptions) {
  const config = env();
  const adapter = new PrismaPg(
    {
      connectionString: config.DATABASE_URL,
      max: pool.max,
      application_name: pool.name,
      // Sent by node-postgres as startup parameters of each connection (ADR 0022): the server
      // cancels a longer statement (57014) and ends a session left idle inside a transaction,
      // whose locks would otherwise hold the learners' rows.
      statement_timeout: pool.statementTimeoutMs,
      idle_in_transaction_session_timeout: config.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS,
    },
    // The error carries the whole pg client; its message is all that is worth logging.
    { onPoolError: (err) => logger.error({ error: err.message, pool: pool.name }, "database pool error") },
  );
  return new PrismaClient({ adapter, omit });
}

export type Db = ReturnType<typeof createClient>;
/** A client or an interactive transaction: functions that write accept one to compose. */
export type DbOrTx = Db | Parameters<Parameters<Db["$transaction"]>[0]>[0];

// One client per pool and process. Created on first use so that `next build` needs no database
// configuration, and kept on globalThis so that dev-mode hot reloads do not open new pools.
const holder = globalThis as typeof globalThis & { __portalDb?: Db; __reportDb?: Db };

/**
 * The client of the pages, the server actions and the heartbeats: every learner path, and every
 * staff write. Its statements get the short learner limit (DATABASE_STATEMENT_TIMEOUT_MS).
 */
export function getDb(): Db {
  if (!holder.__portalDb) {
    const config = env();
    holder.__portalDb = createClient({
      name: "wh_kjxx_pages",
      max: config.DATABASE_POOL_SIZE,
      statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS,
    });
  }
  return holder.__portalDb;
}

/**
 * A second client with a small pool of its own (DATABASE_REPORT_POOL_SIZE) for the staff
 * reports' heavy reads: the learner list, the completion review, the audit log, the support
 * queue and overview. However many administrators open them at once, they wait for these few
 * connections, never for the learners'. Read through readReport (src/server/read-report.ts),
 * which answers a statement over the longer staff limit with QUERY_TIMEOUT. Reads only: a
 * report's writes, if any, stay on getDb() with their transactions.
 */
export function getReportDb(): Db {
  if (!holder.__reportDb) {
    const config = env();
    holder.__reportDb = createClient({
      name: "wh_kjxx_reports",
      max: config.DATABASE_REPORT_POOL_SIZE,
      statementTimeoutMs: config.DATABASE_REPORT_STATEMENT_TIMEOUT_MS,
    });
  }
  return holder.__reportDb;
}
