/** Audit actions in the administrators' words; an action not listed shows as recorded. */
export const AUDIT_ACTION_LABELS: Readonly<Record<string, string>> = Object.freeze({
  "learner.register": "信息采集",
  "learner.update": "修改学员信息",
  "learner.disable": "停用学员",
  "learner.enable": "恢复学员",
  "learner.transfer": "跨区转移",
  "learner.import": "批量导入",
  "learner.import.create": "批量导入：新增学员",
  "learner.import.update": "批量导入：修改学员",
  "learner.login": "学员登录",
  "credits.activity": "登记其他形式学分",
  "credits.adjustment": "学分调整",
  "exam.restudy_required": "考试未通过，需重新学习",
  "staff.login": "工作人员登录",
  "staff.create": "创建工作人员账号",
  "staff.deactivate": "停用工作人员账号",
  "staff.reactivate": "恢复工作人员账号",
  "staff.password.reset": "重置工作人员密码",
  "staff.sessions.end": "结束工作人员登录会话",
  "staff.password.change": "修改本人密码",
  "district.contact.update": "修改联系方式",
  "course.create": "创建课程",
  "course.update": "修改课程",
  "course.delete": "删除课程",
  "course.publish": "发布课程",
  "course.retire": "停用课程",
  "course.exam-settings": "修改考试设置",
  "lesson.create": "添加课时",
  "lesson.update": "修改课时",
  "lesson.delete": "删除课时",
  "lesson.move": "调整课时顺序",
  "question.create": "添加试题",
  "question.update": "修改试题",
  "question.replace": "替换试题",
  "question.delete": "删除试题",
  "question.import": "导入题库",
  "question.retire": "停用试题",
  "question.reactivate": "恢复试题",
  "question.set-active": "启用/停用试题",
  "media.upload": "上传视频",
  "export.batch.create": "生成报送批次",
  "export.batch.download": "下载报送文件",
  "export.batch.checksum": "更新报送文件校验值（新文件格式）",
  "support.lookup": "技术支持查询学员",
  "support.learner.view": "技术支持查看学员",
  "support.ticket.view": "查看问题工单",
  "support.ticket.update": "处理问题工单",
  "support.ticket.note": "工单备注",
});

export const AUDIT_OUTCOME_LABELS = Object.freeze({ SUCCESS: "成功", FAILURE: "失败", DENIED: "拒绝" } as const);

export const ACTOR_TYPE_LABELS = Object.freeze({
  LEARNER: "学员",
  STAFF: "工作人员",
  SYSTEM: "系统",
  ANONYMOUS: "未登录",
} as const);

export function auditActionLabel(action: string): string {
  return AUDIT_ACTION_LABELS[action] ?? action;
}
