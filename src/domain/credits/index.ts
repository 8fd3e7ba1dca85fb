/**
 * The credit rules of the notice (鄂财会发〔2018〕13号), pure: at least 90 credits a year, 60 of
 * them professional (专业科目), 1 学时 = 3 学分, no carry-over, and the earlier year first.
 * Pages, the provincial export and the ledger all decide through this module, so they agree;
 * the SQL that judges many learner-years at once (completion review, export) calls
 * credit_year_complete, the database twin of isYearComplete, held equal by an integration test.
 */
export { DEFAULT_CREDIT_POLICY, RULES_START_YEAR, normalizeCreditPolicy, pickPolicyRow, policyForYear } from "./policy";
export type { CreditPolicyInput, CreditPolicyRow, CreditRequirement } from "./policy";
export { CREDIT_CATEGORIES, isYearComplete, learnerStanding, obligationYears, summarizeYear } from "./summary";
export type { CreditCategory, CreditLine, Standing, YearSummary } from "./summary";
export { CREDIT_CATEGORY_LABELS, explainYear, formatHours } from "./explain";
export { ACTIVITY_TYPES, ACTIVITY_TYPE_RULES, defaultActivityCredits } from "./activities";
export type { ActivityType, ActivityTypeRule } from "./activities";
