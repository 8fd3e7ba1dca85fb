import "server-only";
import type { LedgerTx } from "@/server/credits/ledger-transaction";
import { getDb } from "@/server/db";

/** An interactive transaction of the exam functions (the same kind the ledger composes with). */
export type ExamTx = LedgerTx;

// Generous: at a year-end rush hundreds of starts and submits queue for a pool of a few
// connections, while each transaction itself takes milliseconds.
const TRANSACTION_OPTIONS = { maxWait: 20_000, timeout: 20_000 } as const;

export function runExamTransaction<T>(work: (tx: ExamTx) => Promise<T>): Promise<T> {
  return getDb().$transaction(work, TRANSACTION_OPTIONS);
}
