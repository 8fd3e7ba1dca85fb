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
 * administrators' screens and the provincial export agree. Authorization is the caller's.
 */
export async function getStanding(
  learnerId: string,
  opts: { currentYear?: number; db?: DbOrTx } = {},
): Promise<LearnerStanding> {
  const db = opts.db ?? getDb();
  const [learner, lines, policy] = await Promise.all([
    db.learner.findUnique({ where: { id: learnerId }, select: { startYear: true } }),
    readLedgerLines(db, learnerId),
    getCreditPolicy({}, db),
  ]);
  if (!learner) throw new AppError("LEARNER_NOT_FOUND", "未找到该学员");
  const currentYear = opts.currentYear ?? currentYearInShanghai();
  const standing = learnerStanding(lines, { startYear: learner.startYear, currentYear }, policy);
  return { learnerId, startYear: learner.startYear, currentYear, policy, ...standing };
}
