/**
 * An audit entry's details as short Chinese lines for the log browser. Known keys get their
 * words; `changes` becomes "字段：前 → 后". Details never hold a full ID number (masked only),
 * so showing them is safe.
 */
const FIELD_LABELS: Readonly<Record<string, string>> = {
  name: "姓名",
  employer: "工作单位",
  qualification: "资格",
  mobile: "手机号码",
  startYear: "起始年度",
  status: "状态",
  district: "所属区",
  districtId: "所属区编号",
  active: "账号状态",
  officeName: "办公机构",
  phone: "电话",
  address: "地址",
  hours: "办公时间",
};

const VALUE_LABELS: Readonly<Record<string, string>> = {
  ACTIVE: "正常",
  DISABLED: "已停用",
  PUBLIC: "公需科目",
  PROFESSIONAL: "专业科目",
  true: "启用",
  false: "停用",
};

const REASON_LABELS: Readonly<Record<string, string>> = {
  unknown: "账号或身份证号不存在",
  password: "密码错误",
  inactive: "账号已停用",
  locked: "账号已锁定",
  throttled: "失败次数过多",
  malformed: "格式不正确",
  disabled: "学员已停用",
  name: "姓名不符",
};

const KEY_LABELS: Readonly<Record<string, string>> = {
  idNumberMasked: "身份证号",
  name: "姓名",
  username: "用户名",
  district: "区",
  year: "年度",
  category: "类别",
  credits: "学分",
  activityLabel: "形式",
  days: "天数",
  note: "说明",
  fileName: "文件",
  rowNumber: "行号",
  startYear: "起始年度",
  qualification: "资格",
  role: "角色",
};

function show(value: unknown): string {
  if (value === null || value === undefined || value === "") return "（空）";
  const text = typeof value === "object" ? JSON.stringify(value) : String(value);
  return VALUE_LABELS[text] ?? text;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function describeAuditDetails(details: unknown): string[] {
  if (!isRecord(details)) return [];
  const lines: string[] = [];
  const { changes, reason, counts, ...rest } = details;
  if (isRecord(changes)) {
    for (const [field, change] of Object.entries(changes)) {
      // A transfer records the district's id and name: the name says it.
      if (!isRecord(change) || (field === "districtId" && "district" in changes)) continue;
      lines.push(`${FIELD_LABELS[field] ?? field}：${show(change.before)} → ${show(change.after)}`);
    }
  }
  if (isRecord(counts)) {
    lines.push(
      `新增 ${show(counts.new)}，变更 ${show(counts.changed)}，未变 ${show(counts.unchanged)}，无效 ${show(counts.invalid)}`,
    );
  }
  if (typeof reason === "string" && reason) lines.push(`原因：${REASON_LABELS[reason] ?? reason}`);
  for (const [key, value] of Object.entries(rest)) {
    const label = KEY_LABELS[key];
    if (label && value !== undefined && value !== null) lines.push(`${label}：${show(value)}`);
  }
  return lines;
}
