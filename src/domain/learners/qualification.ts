/**
 * 会计专业技术资格: the qualification level recorded at information collection. The labels are
 * the words administrators type in spreadsheets; `parseQualification` also accepts the usual
 * longer forms (初级会计师, 中级职称, 正高级会计师…).
 */
export const QUALIFICATIONS = ["NONE", "JUNIOR", "INTERMEDIATE", "SENIOR"] as const;
export type QualificationLevel = (typeof QUALIFICATIONS)[number];

export const QUALIFICATION_LABELS: Readonly<Record<QualificationLevel, string>> = Object.freeze({
  NONE: "无",
  JUNIOR: "初级",
  INTERMEDIATE: "中级",
  SENIOR: "高级",
});

export const QUALIFICATION_REASON = "会计专业技术资格应为 无、初级、中级 或 高级";

const BY_LABEL = new Map<string, QualificationLevel>([
  ["无", "NONE"],
  ["没有", "NONE"],
  ["暂无", "NONE"],
  ["初级", "JUNIOR"],
  ["中级", "INTERMEDIATE"],
  ["高级", "SENIOR"],
  // 正高级会计师 is a senior title for our purposes: the provincial system knows four levels.
  ["正高级", "SENIOR"],
]);

/** The level named by a cell or form value, or null when it names none. */
export function parseQualification(input: string): QualificationLevel | null {
  const text = input
    .normalize("NFKC")
    .replace(/\s+/gu, "")
    .replace(/(会计师|会计|职称|资格)$/u, "");
  const upper = text.toUpperCase();
  return QUALIFICATIONS.find((level) => level === upper) ?? BY_LABEL.get(text) ?? null;
}
