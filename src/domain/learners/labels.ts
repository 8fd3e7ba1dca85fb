/** Display labels of learner enums, in the words of the bureaus. */
export const LEARNER_STATUS_LABELS = Object.freeze({ ACTIVE: "正常", DISABLED: "已停用" } as const);
export type LearnerStatusValue = keyof typeof LEARNER_STATUS_LABELS;

export const GENDER_LABELS = Object.freeze({ M: "男", F: "女" } as const);
