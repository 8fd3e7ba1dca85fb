// Watching lessons, and the problem reports learners file from the player.

export const playbackMessages = {
  notFound: "该课程不存在或您无权学习",
  describeProblem: "请描述遇到的问题",
  descriptionTooLong: "问题描述不能超过500字",
  phoneFormat: "联系电话格式不正确",
  diagnosticsTooLong: "诊断信息过长",
  diagnosticsMalformed: "诊断信息格式不正确",
} as const;
