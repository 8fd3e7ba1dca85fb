/**
 * A learner's state in one obligation year, as the learner list shows it: 已完成 (requirement
 * met), 未开始 (no credits that year), else 未完成. A year outside the learner's obligation
 * years (before their start year, or before the rules) is not theirs to complete.
 */
import { RULES_START_YEAR, type YearSummary } from "@/domain/credits";

export type YearProgress = "COMPLETE" | "INCOMPLETE" | "NOT_STARTED" | "NOT_APPLICABLE";

export const YEAR_PROGRESS_LABELS: Readonly<Record<YearProgress, string>> = Object.freeze({
  COMPLETE: "已完成",
  INCOMPLETE: "未完成",
  NOT_STARTED: "未开始",
  NOT_APPLICABLE: "非学习年度",
});

export function yearProgress(summary: YearSummary, startYear: number, currentYear: number): YearProgress {
  if (summary.year < Math.max(startYear, RULES_START_YEAR) || summary.year > currentYear) return "NOT_APPLICABLE";
  if (summary.complete) return "COMPLETE";
  if (summary.totalCredits <= 0) return "NOT_STARTED";
  return "INCOMPLETE";
}
