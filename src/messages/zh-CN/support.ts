// Support: tickets (problem reports), learner lookups and the overview.

export const supportMessages = {
  ticketNotFound: "未找到该问题编号",
  ticketConflict: "该工单刚刚已被他人更新，请刷新页面查看最新状态",
  invalidTransition: "工单不能改为该状态",
  enterNote: "请填写备注",
  noteTooLong: (max: number) => `备注不能超过${max}字`,
  resolutionTooLong: (max: number) => `处理结果不能超过${max}字`,
  enterResolution: "请填写处理结果（学员可以看到）",
  reopenedNote: (resolution: string) => `重新处理。原处理结果：${resolution}`,
  // Lookups
  lookupReasonTooShort: (min: number) => `请填写查询原因（至少${min}个字）`,
  lookupReasonTooLong: (max: number) => `查询原因不能超过${max}个字`,
  enterReference: "请输入问题编号",
  enterFullIdNumber: "请输入完整的身份证号",
  chooseLearnerDistrict: "请选择所在区",
  referenceFormat: "问题编号应为8位字母和数字，例如 K7Q9-M2XD",
  idNumberProblem: (reason: string) => `${reason}（须输入完整的身份证号）`,
  grantReason: (reference: string) => `问题编号 ${reference}`,
  // Labels of what the overview and tickets show
  lessonTitle: (position: number, title: string) => `第${position}讲 ${title}`,
  unknownBrowser: "未知浏览器",
  unknownDevice: "未知",
  deletedCourse: "（已删除的课程）",
  noCourse: "（未关联课程）",
  deletedLesson: "（已删除的章节）",
} as const;
