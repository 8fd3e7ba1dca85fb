// Signing in and passwords, for learners and staff.

export const authMessages = {
  learnerLoginFailed:
    "身份证号和姓名与已登记的学员信息不符，或学员信息已暂停使用。请核对后重新输入；尚未进行信息采集的人员，请持单位工作证明、会计专业技术资格证书等材料到属地区财政局进行信息采集；信息已暂停使用的，请联系所属区财政局。",
  learnerThrottled: (until: string) => `登录失败次数过多，请于 ${until} 后再试。`,
  staffLoginFailed: "用户名或密码不正确。",
  staffThrottled: (until: string) => `登录失败次数过多，账号已暂时锁定，请于 ${until} 后再试。`,
  enterUsername: "请输入用户名",
  usernameInvalid: "用户名不正确",
  enterPassword: "请输入密码",
  passwordTooLong: "密码过长",
  enterCurrentPassword: "请输入当前密码",
  newPasswordsDiffer: "两次输入的新密码不一致",
  wrongCurrentPassword: "当前密码不正确",
  newPasswordSameAsCurrent: "新密码不能与当前密码相同",
} as const;
