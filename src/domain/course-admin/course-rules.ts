// The course settings an administrator may choose, and when a course may change status.
// Pure: the server functions validate with these, the forms show the same ranges as hints.
import type { CreditCategory } from "@/domain/credits";

export type CourseStatus = "DRAFT" | "PUBLISHED" | "RETIRED";

export const COURSE_STATUS_LABELS: Readonly<Record<CourseStatus, string>> = {
  DRAFT: "草稿",
  PUBLISHED: "已发布",
  RETIRED: "已下架",
};

export const CREDIT_CATEGORY_VALUES = ["PUBLIC", "PROFESSIONAL"] as const satisfies readonly CreditCategory[];

/** Field limits of a course. Credits are whole numbers: a year needs 90, so no course gives more. */
export const COURSE_LIMITS = {
  titleMax: 100,
  descriptionMax: 2000,
  coverUrlMax: 500,
  credits: { min: 1, max: 90 },
} as const;

/** 考试规则: the ranges of the exam settings of a course. */
export const EXAM_LIMITS = {
  questionCount: { min: 1, max: 50 },
  passScore: { min: 1, max: 100 },
  timeLimitMinutes: { min: 5, max: 180 },
  maxAttempts: { min: 1, max: 10 },
} as const;

export interface PublishReadiness {
  lessonCount: number;
  activeQuestionCount: number;
}

/**
 * What still keeps a course from being published, in Chinese (empty: it may be published).
 * A published course must be studiable and examinable: at least one lesson and one question.
 */
export function publishBlockers(course: PublishReadiness): string[] {
  const missing: string[] = [];
  if (course.lessonCount < 1) missing.push("至少需要 1 个课时");
  if (course.activeQuestionCount < 1) missing.push("题库中至少需要 1 道启用的题目");
  return missing;
}

export type CourseTransition = "publish" | "retire";

/** DRAFT or RETIRED → PUBLISHED (a retired course may be offered again); PUBLISHED → RETIRED. */
export function canTransition(from: CourseStatus, transition: CourseTransition): boolean {
  return transition === "publish" ? from !== "PUBLISHED" : from === "PUBLISHED";
}

/**
 * Once anyone has enrolled, a course's credits and category are the terms they enrolled under
 * (credits are read from the course when awarded), so they no longer change.
 */
export function courseTermsLocked(enrollmentCount: number): boolean {
  return enrollmentCount > 0;
}
