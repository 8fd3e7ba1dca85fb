/**
 * Continuing education other than the portal's courses, as the national rules (《会计专业技术人员
 * 继续教育规定》) convert it into credits. Administrators record these per learner and year; the
 * defaults below pre-fill their form and may be overridden.
 */
export const ACTIVITY_TYPES = [
  "QUALIFICATION_EXAM",
  "CONFERENCE",
  "DEGREE_COURSE",
  "RESEARCH_LEAD",
  "RESEARCH_MEMBER",
  "PAPER_FIRST",
  "PAPER_OTHER",
  "BOOK_FIRST",
  "BOOK_OTHER",
  "OTHER",
] as const;

export type ActivityType = (typeof ACTIVITY_TYPES)[number];

export interface ActivityTypeRule {
  label: string;
  /** Credits for one activity; null when there is no default (OTHER) or it depends on days. */
  defaultCredits: number | null;
  /** Credits per day of attendance (conferences only). */
  creditsPerDay: number | null;
}

export const ACTIVITY_TYPE_RULES: Readonly<Record<ActivityType, ActivityTypeRule>> = Object.freeze({
  QUALIFICATION_EXAM: {
    label: "参加会计专业技术资格等会计相关考试（每通过一科）",
    defaultCredits: 90,
    creditsPerDay: null,
  },
  CONFERENCE: { label: "参加会计类专业会议（每天）", defaultCredits: null, creditsPerDay: 10 },
  DEGREE_COURSE: {
    label: "参加会计类专业学历（学位）教育（每通过一门课程考试）",
    defaultCredits: 90,
    creditsPerDay: null,
  },
  RESEARCH_LEAD: { label: "主持会计类研究课题（结项）", defaultCredits: 90, creditsPerDay: null },
  RESEARCH_MEMBER: { label: "参与会计类研究课题（结项）", defaultCredits: 60, creditsPerDay: null },
  PAPER_FIRST: { label: "发表会计类论文（独立或第一作者）", defaultCredits: 30, creditsPerDay: null },
  PAPER_OTHER: { label: "发表会计类论文（其他作者）", defaultCredits: 10, creditsPerDay: null },
  BOOK_FIRST: { label: "出版会计类书籍（独立或第一作者）", defaultCredits: 90, creditsPerDay: null },
  BOOK_OTHER: { label: "出版会计类书籍（其他作者）", defaultCredits: 60, creditsPerDay: null },
  OTHER: { label: "其他形式的继续教育", defaultCredits: null, creditsPerDay: null },
});

/**
 * The default credits of an activity: the fixed amount, or credits per day × days for a
 * conference. Null when the administrator must enter them (OTHER, or a conference without days).
 */
export function defaultActivityCredits(type: ActivityType, days?: number): number | null {
  const rule = ACTIVITY_TYPE_RULES[type];
  if (rule.creditsPerDay !== null) {
    return days !== undefined && Number.isInteger(days) && days > 0 ? rule.creditsPerDay * days : null;
  }
  return rule.defaultCredits;
}
