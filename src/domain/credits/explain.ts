import type { CreditCategory, YearSummary } from "./summary";

export const CREDIT_CATEGORY_LABELS: Readonly<Record<CreditCategory, string>> = Object.freeze({
  PUBLIC: "公需科目",
  PROFESSIONAL: "专业科目",
});

/** Class hours (学时) to one decimal, e.g. 14.0. */
export function formatHours(hours: number): string {
  // Round once, here, so that every screen and export shows the same figure; `+ 0` turns -0 into 0.
  return (Math.round(hours * 10) / 10 + 0).toFixed(1);
}

/**
 * What is done and what is missing, in the words a learner or an administrator reads:
 * 已完成：共 96 学分（专业科目 60 学分） / 还需 48 学分，其中专业科目 30 学分 / 还需 12 学分 /
 * 还需专业科目 10 学分.
 */
export function explainYear(summary: YearSummary): string {
  const { missingTotal, missingProfessional } = summary;
  if (summary.complete) {
    return `已完成：共 ${summary.totalCredits} 学分（专业科目 ${summary.professionalCredits} 学分）`;
  }
  if (missingProfessional === 0) return `还需 ${missingTotal} 学分`;
  if (missingTotal === 0) return `还需专业科目 ${missingProfessional} 学分`;
  // Professional credits count toward the total too, so the credits still needed are the larger of
  // the two gaps: 80 public credits and no professional ones need 60 more, all professional, not 10.
  return `还需 ${Math.max(missingTotal, missingProfessional)} 学分，其中专业科目 ${missingProfessional} 学分`;
}
