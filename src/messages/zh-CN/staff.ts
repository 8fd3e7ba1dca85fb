// Staff accounts, managed by the city office.

export const staffMessages = {
  cityAdminOnly: "只有市会计考办可以管理工作人员账号",
  staffNotFound: "未找到该工作人员",
  missingAccount: "缺少账号",
  accountInvalid: "账号无效",
  passwordsDiffer: "两次输入的密码不一致",
  /** The create-account form: its district select. */
  districtOnlyForDistrictAdminForm: "区财政局管理员必须选择所属区，其他角色不选",
  districtOnlyForDistrictAdmin: "区财政局管理员必须指定所属区，其他角色不能指定",
  usernameFormat: "用户名为3-32位小写字母、数字、下划线、点或短横线，以字母开头",
  enterDisplayName: "请输入姓名",
  roleInvalid: "角色不正确",
  duplicateUsername: "该用户名已被使用",
  endOwnSessionsRefused: "请用“退出登录”结束自己的会话",
  resetOwnPasswordRefused: "请在“修改密码”页面修改自己的密码",
  disableSelfRefused: "不能停用自己的账号",
} as const;
