/**
 * The yearly requirement as a schedule of rows, the same shape as the CreditPolicy table: a row
 * applies from its `fromYear` until the next row's, so a change of policy is a new row, never an
 * edit of the years it did not govern.
 */
export interface CreditPolicyRow {
  fromYear: number;
  requiredTotal: number;
  requiredProfessional: number;
  /** Credits per class hour (学时). */
  creditsPerHour: number;
}

/** One rule for every year: a row whose `fromYear` may be left out. */
export type CreditRequirement = Omit<CreditPolicyRow, "fromYear"> & { fromYear?: number };

/** A whole schedule, or one rule for callers (and tests) that need a single one. */
export type CreditPolicyInput = CreditRequirement | readonly CreditPolicyRow[];

/** 鄂财会发〔2018〕13号 took effect in 2018: no year before it is an obligation year. */
export const RULES_START_YEAR = 2018;

/** The notice: 90 credits a year, 60 of them professional; 1 学时 = 3 学分. */
export const DEFAULT_CREDIT_POLICY: readonly CreditPolicyRow[] = Object.freeze([
  Object.freeze({ fromYear: RULES_START_YEAR, requiredTotal: 90, requiredProfessional: 60, creditsPerHour: 3 }),
]);

function isSchedule(policy: CreditPolicyInput): policy is readonly CreditPolicyRow[] {
  return Array.isArray(policy);
}

function isPositiveInteger(value: number): boolean {
  return Number.isInteger(value) && value > 0;
}

function checkRow(row: CreditPolicyRow): void {
  // A broken policy row is a data error that would mislead every learner: fail loudly.
  if (!Number.isInteger(row.fromYear)) throw new RangeError(`credit policy: fromYear ${row.fromYear} is not a year`);
  if (!isPositiveInteger(row.requiredTotal) || !isPositiveInteger(row.creditsPerHour)) {
    throw new RangeError(`credit policy ${row.fromYear}: requiredTotal and creditsPerHour must be positive integers`);
  }
  if (!Number.isInteger(row.requiredProfessional) || row.requiredProfessional < 0) {
    throw new RangeError(`credit policy ${row.fromYear}: requiredProfessional must be a non-negative integer`);
  }
  if (row.requiredProfessional > row.requiredTotal) {
    throw new RangeError(`credit policy ${row.fromYear}: requiredProfessional exceeds requiredTotal`);
  }
}

/** Validates a schedule and returns its rows sorted by `fromYear` (one row per year at most). */
export function normalizeCreditPolicy(policy: CreditPolicyInput = DEFAULT_CREDIT_POLICY): readonly CreditPolicyRow[] {
  const rows: CreditPolicyRow[] = isSchedule(policy)
    ? [...policy]
    : [{ ...policy, fromYear: policy.fromYear ?? RULES_START_YEAR }];
  if (rows.length === 0) throw new RangeError("credit policy: the schedule is empty");
  rows.forEach(checkRow);
  rows.sort((a, b) => a.fromYear - b.fromYear);
  for (let i = 1; i < rows.length; i++) {
    if (rows[i]?.fromYear === rows[i - 1]?.fromYear) {
      throw new RangeError(`credit policy: two rows from ${rows[i]?.fromYear}`);
    }
  }
  return rows;
}

/**
 * The row in force for `year`: the latest one starting on or before it. A year before the first
 * row (only asked about for display, never an obligation year) falls under the first row.
 */
export function policyForYear(policy: CreditPolicyInput, year: number): CreditPolicyRow {
  return pickPolicyRow(normalizeCreditPolicy(policy), year);
}

/** policyForYear for rows already normalized (sorted, validated): no re-check per year. */
export function pickPolicyRow(sortedRows: readonly CreditPolicyRow[], year: number): CreditPolicyRow {
  let chosen = sortedRows[0];
  for (const row of sortedRows) {
    if (row.fromYear <= year) chosen = row;
    else break;
  }
  if (!chosen) throw new RangeError("credit policy: the schedule is empty");
  return chosen;
}
