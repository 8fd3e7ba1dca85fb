import "server-only";
import { learnerStanding, type CreditPolicyRow, type Standing } from "@/domain/credits";
import { AppError } from "@/lib/errors";
import { currentYear as currentYearInShanghai } from "@/lib/time";
import { getDb, type DbOrTx } from "@/server/db";
import { getCreditPolicy } from "./get-credit-policy";
import { readLedgerLines } from "./read-ledger-lines";

export interface LearnerStanding extends Standing {
  learnerId: string;
  startYear: number;
  currentYear: number;
  /** The schedule the summaries were computed with, for pages that show the requirement. */
  policy: readonly CreditPolicyRow[];
}

/**
 * A learner's credits per obligation year, and where their next course credits go: the ledger
 * summed in one aggregate query, judged by the pure rules, so that the learner's pages, the
 * administrators' screens and the provincial export agree. Pass the learner with their start
 * year when the page has already read it (the signed-in learner): one query fewer. Authorization
 * is the caller's.
 */
export async function getStanding(
  learner: string | { id: string; startYear: number },
  opts: { currentYear?: number; db?: DbOrTx } = {},
): Promise<LearnerStanding> {
  const db = opts.db ?? getDb();
  const learnerId = typeof learner === "string" ? learner : learner.id;
  const [startYear, lines, policy] = await Promise.all([
    typeof learner === "string" ? readStartYear(db, learnerId) : learner.startYear,
    readLedgerLines(db, learnerId),
    getCreditPolicy({}, db),
  ]);
  const currentYear = opts.currentYear ?? currentYearInShanghai();
  const standing = learnerStanding(lines, { startYear, currentYear }, policy);
  return { learnerId, startYear, currentYear, policy, ...standing };
}

async function readStartYear(db: DbOrTx, learnerId: string): Promise<number> {
  const learner = await db.learner.findUnique({ where: { id: learnerId }, select: { startYear: true } });
  if (!learner) throw new AppError("LEARNER_NOT_FOUND");
  return learner.startYear;
}
