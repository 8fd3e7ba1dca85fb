// How a course stands for one learner, in the words the learner sees.
export type LearnerCourseStatus = "NOT_STARTED" | "STUDYING" | "EXAM_PENDING" | "CREDITED";

export const LEARNER_COURSE_STATUS_LABELS: Readonly<Record<LearnerCourseStatus, string>> = {
  NOT_STARTED: "未学习",
  STUDYING: "学习中",
  EXAM_PENDING: "待考试",
  CREDITED: "已获得学分",
};

export function learnerCourseStatus(
  enrollment: { status: Exclude<LearnerCourseStatus, "NOT_STARTED"> } | null | undefined,
): LearnerCourseStatus {
  return enrollment?.status ?? "NOT_STARTED";
}

/** Whole seconds as 时长, e.g. 1小时5分 / 12分30秒 / 45秒. */
export function formatDuration(totalSeconds: number): string {
  const h = Math.floor(totalSeconds / 3600);
  const m = Math.floor((totalSeconds % 3600) / 60);
  const s = totalSeconds % 60;
  if (h > 0) return `${h}小时${m ? `${m}分` : ""}`;
  if (m > 0) return `${m}分${s ? `${s}秒` : ""}`;
  return `${s}秒`;
}
