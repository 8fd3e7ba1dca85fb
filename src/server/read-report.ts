import "server-only";
import { randomUUID } from "node:crypto";
import { AppError, QUERY_TIMEOUT_DIGEST_PREFIX, QUERY_TIMEOUT_MESSAGE } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { getReportDb, type Db } from "@/server/db";

/** PostgreSQL's query_canceled: a statement over statement_timeout (or cancelled by an operator). */
const QUERY_CANCELED = "57014";

function field(value: unknown, key: string): unknown {
  return typeof value === "object" && value !== null ? Reflect.get(value, key) : undefined;
}

/**
 * Whether `error` is a statement the server cancelled. node-postgres (the exam and export pools)
 * rejects with the server's own code; Prisma over the driver adapter with a
 * PrismaClientKnownRequestError (P2010 for raw queries, P2039 for the model's) whose
 * `meta.driverAdapterError.cause` holds the server's code as `originalCode` (ADR 0022).
 */
export function isQueryTimeout(error: unknown): boolean {
  if (field(error, "code") === QUERY_CANCELED) return true;
  const cause = field(field(field(error, "meta"), "driverAdapterError"), "cause");
  return field(cause, "originalCode") === QUERY_CANCELED || field(cause, "code") === QUERY_CANCELED;
}

/** The answer to a staff member whose report ran over its limit: 查询超时，请缩小范围后重试. */
export class QueryTimeoutError extends AppError {
  /** Kept by Next.js on its way to the page's error boundary, which shows the message (0022). */
  readonly digest = `${QUERY_TIMEOUT_DIGEST_PREFIX}${randomUUID().slice(0, 8)}`;

  constructor() {
    super("QUERY_TIMEOUT", QUERY_TIMEOUT_MESSAGE);
  }
}

/**
 * Runs a staff report's reads on the report pool (getReportDb: its own few connections and the
 * longer staff statement limit). A statement over the limit becomes QueryTimeoutError, an
 * AppError that server actions answer as such and pages show through their error boundary;
 * anything else is rethrown unchanged.
 */
export async function readReport<T>(report: string, work: (db: Db) => Promise<T>): Promise<T> {
  try {
    return await work(getReportDb());
  } catch (error) {
    if (!isQueryTimeout(error)) throw error;
    const timeout = new QueryTimeoutError();
    logger.warn({ report, digest: timeout.digest }, "staff report query timed out");
    throw timeout;
  }
}
