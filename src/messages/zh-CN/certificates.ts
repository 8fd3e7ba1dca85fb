// Certificates (学时证明): the title, labels and sentences of the printed certificate (PDF).

export const certificateMessages = {
  title: "会计人员继续教育学时证明",
  /** The PDF's Title metadata: the title and the certificate's number, nothing personal. */
  documentTitle: (code: string) => `会计人员继续教育学时证明 ${code}`,
  // The fields, in the order they are printed.
  codeLabel: "证书编号",
  nameLabel: "姓名",
  idNumberLabel: "身份证号",
  districtLabel: "所在区",
  employerLabel: "工作单位",
  yearLabel: "学分年度",
  publicCreditsLabel: "公需科目学分",
  professionalCreditsLabel: "专业科目学分",
  totalCreditsLabel: "合计学分",
  hoursLabel: "学时",
  completedOnLabel: "完成日期",
  issuerLabel: "发证机构",
  issuedOnLabel: "发证日期",
  verifyUrlLabel: "验证网址",
  year: (year: number) => `${year} 年度`,
  credits: (credits: number) => `${credits} 学分`,
  hours: (hours: string) => `${hours} 学时（1 学时 = 3 学分）`,
  date: (year: number, month: number, day: number) => `${year} 年 ${month} 月 ${day} 日`,
  statement: "兹证明上述人员已完成该年度会计人员继续教育，特此证明。",
  verifyHint: "扫描左侧二维码，或在浏览器中打开上述验证网址，即可核验本证明的真伪与内容。",
} as const;

// Issuing, revoking and reissuing (src/server/certificates).
export const certificateLifecycleMessages = {
  /** Why a certificate was revoked when a ledger correction took its year below completion. */
  correctionRevocationReason: "学分更正",
  notFound: "未找到该学时证明",
  enterRevocationReason: "请填写撤销原因（至少2个字）",
  revocationReasonTooLong: "撤销原因不能超过200个字符",
  notCurrent: "该证明已被撤销或已更新，不能再撤销",
  alreadyCurrent: "该年度已有有效的学时证明，无需重新签发",
  yearNotComplete: "该年度学分未达到要求，不能签发学时证明",
  /** The downloaded PDF's file name. */
  fileName: (year: number, code: string) => `学时证明-${year}-${code}.pdf`,
} as const;
