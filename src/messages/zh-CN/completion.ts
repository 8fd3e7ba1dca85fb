// The completion dashboard.

export const completionMessages = {
  forbidden: "您没有权限查看完成情况",
} as const;
