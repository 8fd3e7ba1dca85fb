import "server-only";
import { getDb, type Db, type DbOrTx } from "@/server/db";

/** An interactive transaction client, as opposed to the root client. */
export type LedgerTx = Exclude<DbOrTx, Db>;

// Generous: administrators' writes may queue for a pool of a few connections (and the embedded
// database runs one transaction at a time), while each transaction itself takes milliseconds.
const TRANSACTION_OPTIONS = { maxWait: 20_000, timeout: 20_000 } as const;

/**
 * Runs `work` in the caller's transaction when given one (so that the caller's change and the
 * ledger row commit together), otherwise in a new one. A root client passed as `tx` is no
 * transaction: a row lock taken on it would be released at once, so a transaction is opened.
 *
 * The root client is told apart by `$disconnect`, which transaction clients lack. Not by
 * `$transaction`: since Prisma 7 a transaction client has one too (nested transactions, as
 * savepoints), and the caller's transaction is what must hold the lock, not a nested scope.
 */
export async function runLedgerTransaction<T>(tx: DbOrTx | undefined, work: (tx: LedgerTx) => Promise<T>): Promise<T> {
  if (tx && !("$disconnect" in tx)) return work(tx);
  return (tx ?? getDb()).$transaction(work, TRANSACTION_OPTIONS);
}
