// Sentences shared by several areas: the generic failures every request may meet, and the words
// of forms that many areas repeat. src/lib/errors.ts and src/lib/unreadable-text.ts re-export
// the first ones under their historical names.

export const commonMessages = {
  /** An unexpected failure: logged, and the user sees this. */
  genericError: "系统繁忙，请稍后再试。",
  /** A request whose session is missing, expired, or whose learner or staff user is disabled. */
  unauthenticated: "登录已失效，请重新登录",
  /** Signed in, but the policy (src/server/policy) does not allow this. */
  forbidden: "您没有权限进行此操作",
  /** A staff member whose initial or reset password is still to be changed. */
  passwordChangeRequired: "请先修改初始密码",
  /** A request body beyond its limit, on any path. */
  tooLarge: "提交的内容过大。",
  /** A JSON body that is not JSON, or not of the expected shape, sent by the portal's own pages. */
  malformedBody: "提交的内容格式不正确，请刷新页面后重试。",
  /** A staff report whose query ran over its time limit (QUERY_TIMEOUT, ADR 0022). */
  queryTimeout: "查询超时，请缩小范围后重试",
  /** Text holding a NUL or a lone surrogate (src/lib/unreadable-text.ts). */
  unreadableText: "输入包含无法识别的字符，请删除后重新输入",
  /** A form whose fields did not pass; the field errors say which. */
  checkInput: "请检查填写的内容",
  /** A state-changing request from another origin (or none). */
  badOrigin: "请求来源无效，请刷新页面后重试。",
  /** A server-action body beyond the limit of Next.js. */
  bodyTooLarge: (megabytes: number) => `文件过大：提交的内容不能超过 ${megabytes} MB。`,
  missingId: "缺少编号",
  missingAction: "缺少操作",
  missingLearner: "缺少学员",
  missingCourse: "缺少课程",
  chooseYear: "请选择年度",
  chooseValidYear: "请选择有效的年度",
  enterYear: "请填写年度",
  yearNotWhole: "年度应为整数",
  yearOutOfRange: (first: number, last: number) => `年度应在 ${first}–${last} 年之间`,
  chooseDistrict: "请选择所属区",
  chooseCategory: "请选择科目类别",
  idNumberMalformed: "身份证号格式不正确",
  nameTooLong: "姓名过长",
  /** The author of generated workbooks. */
  siteName: "武汉市会计人员继续教育培训网",
  /** The instructions sheet of a downloadable template. */
  instructionsSheet: "填写说明",
} as const;
