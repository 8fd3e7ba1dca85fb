import "server-only";
import pg from "pg";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import type { DbOrTx } from "@/server/db";

/**
 * Runs one statement with `$1, $2, …` parameters and returns its rows. The one interface of the
 * functions that run both on the exam's `pg` transactions and inside the Prisma transactions of
 * the administrators' ledger writes (ledger lock, ledger insert, credit policy, audit row): a
 * `SqlTx` is one, and `asSql` makes one of a Prisma client or transaction.
 *
 * Write such statements so that both drivers return the same values: cast bigint and numeric to
 * text or int, enums to text, and pass instants as `utc(date)` cast to `::timestamp`.
 */
export interface SqlClient {
  query<R>(text: string, values?: readonly unknown[]): Promise<R[]>;
}

/** A Prisma client or transaction, or already a SqlClient, as a SqlClient. */
export function asSql(db: DbOrTx | SqlClient): SqlClient {
  if (!("$queryRawUnsafe" in db)) return db;
  return { query: <R>(text: string, values: readonly unknown[] = []) => db.$queryRawUnsafe<R[]>(text, ...values) };
}

/**
 * An instant as a parameter for a `timestamp without time zone` column, which holds UTC (Prisma's
 * convention): the ISO text in UTC, whose `Z` PostgreSQL ignores for that type. (node-postgres
 * would send a Date in the process's local zone.)
 */
export function utc(date: Date): string {
  return date.toISOString();
}

// `timestamp without time zone` holds UTC; node-postgres would read it in the local zone.
const TIMESTAMP_OID = 1114;
const parseUtcTimestamp = (text: string) => new Date(`${text.replace(" ", "T")}Z`);
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === TIMESTAMP_OID ? parseUtcTimestamp : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

const holder = globalThis as typeof globalThis & { __sqlPool?: pg.Pool };

/**
 * A small pg pool beside the Prisma client, for the exam's hot requests (start, save, hand-in,
 * the course award they commit, the learner check of their endpoints): a statement through
 * node-postgres costs the portal a fraction of the CPU of the same statement through Prisma
 * (0015). Half of DATABASE_POOL_SIZE: the Prisma client keeps its own pool for the pages.
 */
export function sqlPool(): pg.Pool {
  if (!holder.__sqlPool) {
    const config = env();
    holder.__sqlPool = new pg.Pool({
      connectionString: config.DATABASE_URL,
      max: Math.max(2, Math.ceil(config.DATABASE_POOL_SIZE / 2)),
      // Generous, as Prisma's maxWait was: at a year-end rush hundreds of requests queue here.
      connectionTimeoutMillis: 20_000,
      idleTimeoutMillis: 30_000,
      // Scripts that award credits (the demo seed) end without closing the pool.
      allowExitOnIdle: true,
      application_name: "wh_kjxx_exams",
      // A stuck statement, a lock wait or a transaction left open would hold one of a few
      // connections and the learner's locks: the server ends them instead (the learner limits of
      // every page, ADR 0022; a lock wait counts as statement time), and dead peers are noticed.
      // The client gives up a little after the server would have.
      statement_timeout: config.DATABASE_STATEMENT_TIMEOUT_MS,
      idle_in_transaction_session_timeout: config.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS,
      query_timeout: config.DATABASE_STATEMENT_TIMEOUT_MS + 5_000,
      keepAlive: true,
      types,
    });
    holder.__sqlPool.on("error", (error) => logger.error({ error: error.message }, "sql pool error"));
  }
  return holder.__sqlPool;
}

/** One pooled connection holding a transaction (see runSqlTransaction). */
export class SqlTx implements SqlClient {
  readonly #client: pg.PoolClient;

  constructor(client: pg.PoolClient) {
    this.#client = client;
  }

  async query<R>(text: string, values?: readonly unknown[]): Promise<R[]> {
    const result = await this.#client.query(text, values as unknown[] | undefined);
    return result.rows as R[];
  }
}

/** One statement outside a transaction, on a connection of the pool. */
export async function sqlQuery<R>(text: string, values?: readonly unknown[]): Promise<R[]> {
  const result = await sqlPool().query(text, values as unknown[] | undefined);
  return result.rows as R[];
}

/**
 * Runs `work` in a transaction on one connection of the pool: BEGIN, then COMMIT when it
 * resolves, ROLLBACK when it throws (the error is rethrown). A connection whose ROLLBACK fails is
 * closed rather than returned to the pool.
 */
export async function runSqlTransaction<T>(work: (tx: SqlTx) => Promise<T>): Promise<T> {
  const client = await sqlPool().connect();
  let broken: Error | undefined;
  // A checked-out client has no pool listener: a connection lost mid-transaction would otherwise
  // be an unhandled 'error' event. The failing query rejects as well; the client is discarded.
  const onError = (error: Error) => {
    broken = error;
    logger.warn({ error: error.message }, "sql connection lost");
  };
  client.on("error", onError);
  try {
    await client.query("BEGIN");
    const result = await work(new SqlTx(client));
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch((rollbackError: Error) => {
      broken = rollbackError;
    });
    throw error;
  } finally {
    client.off("error", onError);
    client.release(broken);
  }
}
