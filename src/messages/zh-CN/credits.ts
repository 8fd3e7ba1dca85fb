// Credits: awarded for courses, recorded for activities, adjusted by administrators.

export const creditMessages = {
  creditsNotWhole: "学分应为整数",
  enterCredits: "请填写学分",
  missingRecorder: "缺少登记人",
  idempotencyKeyReused: "该登记编号已被其他记录使用，请刷新后重新提交",
  courseHasNoCredits: "该课程未设置学分，请联系管理员",
  noCreditYearYet: (startYear: number) => `您的继续教育从 ${startYear} 年开始，目前还不能获得学分`,
  // Activities (conferences, papers, ...)
  chooseActivityType: "请选择继续教育形式",
  creditsNotPositive: "学分应大于0",
  activityCreditsMax: (max: number) => `单项学分不能超过 ${max}`,
  daysNotWhole: "天数应为整数",
  daysNotPositive: "天数应大于0",
  daysMax: "天数不能超过30天",
  enterActivityNote: "请填写说明（如会议名称、论文题目）",
  activityNoteTooLong: "说明不能超过500个字符",
  daysOnlyForConference: "只有会计类专业会议按天计算学分",
  enterDaysOrCredits: "请填写会议天数或学分",
  // Adjustments
  adjustmentMax: (max: number) => `调整学分不能超过 ${max}`,
  adjustmentZero: "调整学分不能为0",
  enterAdjustmentReason: "请填写调整原因",
  adjustmentReasonTooLong: "调整原因不能超过500个字符",
  deductAtMost: (credits: number) => `最多只能扣减 ${credits} 学分`,
  nothingToDeduct: "没有可扣减的学分",
  belowZero: (year: number, category: string, credits: number, limit: string) =>
    `${year} 年度${category}现有 ${credits} 学分，${limit}`,
  // The learner's obligation years
  noObligationYear: (startYear: number) => `该学员的继续教育从 ${startYear} 年开始，目前还不能登记学分`,
  noObligationYearField: "该学员目前没有可登记学分的年度",
  yearRange: (first: number, last: number) => (first === last ? `${first} 年` : `${first}–${last} 年`),
  notObligationYear: (range: string) => `年度应为该学员的继续教育年度（${range}）`,
  yearBetween: (range: string) => `年度应在 ${range} 之间`,
} as const;
