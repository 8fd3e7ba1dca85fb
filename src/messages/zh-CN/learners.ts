// Learners: registration, changes, status and transfers between districts.

export const learnerMessages = {
  notFound: "未找到该学员",
  enterEmployer: "请输入工作单位",
  employerTooLong: "工作单位不能超过100个字符",
  mobileFormat: "手机号码应为11位数字",
  startYearTooEarly: "起始年度不能早于2018年",
  startYearTooLate: "起始年度不能晚于下一年度",
  startYearAfterCredits: (year: number) => `该学员在 ${year} 年已有学分记录，起始年度不能晚于 ${year} 年`,
  duplicateIdNumber: (district: string) => `该身份证号已在${district}登记，请勿重复采集`,
  idNumberRegistered: (district: string) => `该身份证号已在${district}登记`,
  districtNotAllowed: "您不能为该区登记学员",
  chooseOwnDistrict: "请选择您负责的区",
  statusInvalid: "状态不正确",
  statusReasonTooLong: "原因不能超过200个字符",
  chooseTargetDistrict: "请选择转入的区",
  transferCityAdminOnly: "只有市会计考办可以办理跨区转移",
  alreadyInDistrict: (district: string) => `该学员已在${district}`,
  chooseAnotherDistrict: "请选择另一个区",
  // The administrators' learner list (ADR 0024: counted up to a cap, paged by cursors).
  listCount: (scope: string, total: number, capped: boolean) =>
    capped
      ? `${scope}已登记学员，超过 ${total.toLocaleString("en-US")} 人符合条件。`
      : `${scope}已登记学员，共 ${total} 人符合条件。`,
  listPageSummary: (pageSize: number) => `按登记时间从新到旧，每页 ${pageSize} 人`,
  listJumpHint: "显示该日及以前登记的学员",
} as const;
