// Districts: the registration offices' contacts.

export const districtMessages = {
  notFound: "未找到该区",
  fieldTooLong: (label: string, max: number) => `${label}不能超过${max}个字符`,
  fields: { officeName: "办公机构", phone: "电话", address: "地址", hours: "办公时间" },
  enterOfficeName: "请填写办公机构名称",
  phoneFormat: "电话只能包含数字、短横线和括号，多个号码用顿号分隔",
} as const;
