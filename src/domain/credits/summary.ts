import { DEFAULT_CREDIT_POLICY, normalizeCreditPolicy, pickPolicyRow, RULES_START_YEAR } from "./policy";
import type { CreditPolicyInput, CreditPolicyRow } from "./policy";

/** 公需科目 (general) and 专业科目 (professional). */
export const CREDIT_CATEGORIES = ["PUBLIC", "PROFESSIONAL"] as const;
export type CreditCategory = (typeof CREDIT_CATEGORIES)[number];

/** One ledger entry, or the sum of several of one year and category. */
export interface CreditLine {
  year: number;
  category: CreditCategory;
  /** Integer; negative for a reversal. */
  credits: number;
}

export interface YearSummary {
  year: number;
  totalCredits: number;
  /** 专业科目 */
  professionalCredits: number;
  /** 公需科目: counts toward the total only. */
  publicCredits: number;
  /** totalCredits / creditsPerHour, unrounded: format with formatHours. */
  hours: number;
  complete: boolean;
  missingTotal: number;
  missingProfessional: number;
}

export interface Standing {
  /** Every obligation year, ascending. */
  years: YearSummary[];
  /** The earliest incomplete obligation year; null when all are complete. */
  activeYear: number | null;
  /** Where the next course credits go: activeYear ?? currentYear; null without obligation years. */
  creditYear: number | null;
}

/**
 * Whether a year's credits complete it under the policy row in force that year: the total
 * (专业科目 and 公需科目 together, reversals netted) reaches `requiredTotal` and the professional
 * credits reach `requiredProfessional`. 公需科目 count toward the total only, without limit, so
 * beyond requiredTotal − requiredProfessional they cannot make up for missing professional credits.
 * The rule's one TypeScript definition; its SQL twin, for queries over many learner-years, is the
 * database function credit_year_complete (migration 20261203170000_credit_year_complete), and
 * tests/integration/credit-year-complete.test.ts holds the two equal.
 */
export function isYearComplete(
  totalCredits: number,
  professionalCredits: number,
  rule: Pick<CreditPolicyRow, "requiredTotal" | "requiredProfessional">,
): boolean {
  return totalCredits >= rule.requiredTotal && professionalCredits >= rule.requiredProfessional;
}

function checkYear(name: string, value: number): void {
  if (!Number.isInteger(value)) throw new RangeError(`${name} must be an integer year, got ${value}`);
}

function summarize(lines: readonly CreditLine[], year: number, rule: CreditPolicyRow): YearSummary {
  let professionalCredits = 0;
  let publicCredits = 0;
  for (const line of lines) {
    // Credits are summed, so a fraction would drift silently: refuse it at the door.
    if (!Number.isInteger(line.credits)) throw new RangeError(`credits must be integers, got ${line.credits}`);
    // No carry-over: a line counts for its own year and no other.
    if (line.year !== year) continue;
    if (line.category === "PROFESSIONAL") professionalCredits += line.credits;
    else publicCredits += line.credits;
  }
  const totalCredits = professionalCredits + publicCredits;
  const missingTotal = Math.max(0, rule.requiredTotal - totalCredits);
  const missingProfessional = Math.max(0, rule.requiredProfessional - professionalCredits);
  return {
    year,
    totalCredits,
    professionalCredits,
    publicCredits,
    hours: totalCredits / rule.creditsPerHour,
    complete: isYearComplete(totalCredits, professionalCredits, rule),
    missingTotal,
    missingProfessional,
  };
}

/** The credits of one year (any year, obligation or not) against the rule in force that year. */
export function summarizeYear(
  lines: readonly CreditLine[],
  year: number,
  policy: CreditPolicyInput = DEFAULT_CREDIT_POLICY,
): YearSummary {
  checkYear("year", year);
  return summarize(lines, year, pickPolicyRow(normalizeCreditPolicy(policy), year));
}

/**
 * The years a learner must complete: from their start year, never before the rules began,
 * to the current year. Empty when the start year is still ahead.
 */
export function obligationYears(startYear: number, currentYear: number): number[] {
  checkYear("startYear", startYear);
  checkYear("currentYear", currentYear);
  const years: number[] = [];
  for (let year = Math.max(startYear, RULES_START_YEAR); year <= currentYear; year++) years.push(year);
  return years;
}

/**
 * A learner's standing: every obligation year summarized, and where the next course credits go.
 * Prior year first (先完成上一年度): the earliest incomplete year is the active year; only when
 * every year is complete do new credits go to the current year, as surplus.
 */
export function learnerStanding(
  lines: readonly CreditLine[],
  opts: { startYear: number; currentYear: number },
  policy: CreditPolicyInput = DEFAULT_CREDIT_POLICY,
): Standing {
  const rows = normalizeCreditPolicy(policy);
  const byYear = new Map<number, CreditLine[]>();
  for (const line of lines) {
    if (!Number.isInteger(line.credits)) throw new RangeError(`credits must be integers, got ${line.credits}`);
    const bucket = byYear.get(line.year);
    if (bucket) bucket.push(line);
    else byYear.set(line.year, [line]);
  }
  const years = obligationYears(opts.startYear, opts.currentYear).map((year) =>
    summarize(byYear.get(year) ?? [], year, pickPolicyRow(rows, year)),
  );
  const activeYear = years.find((summary) => !summary.complete)?.year ?? null;
  const creditYear = years.length === 0 ? null : (activeYear ?? opts.currentYear);
  return { years, activeYear, creditYear };
}
