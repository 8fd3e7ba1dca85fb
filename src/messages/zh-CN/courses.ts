// Courses: administration (courses, lessons, question banks and their import template) and
// enrolment.

export const courseMessages = {
  notFound: "未找到该课程",
  lessonNotFound: "未找到该课时",
  questionNotFound: "未找到该题目",
  creditsLocked: "已有学员选修该课程，学分和科目类别不能再修改",
  fieldLocked: "已有学员选修该课程，不能修改",
  publishBlocked: (missing: readonly string[]) => `课程还不能发布：${missing.join("；")}`,
  alreadyPublished: "该课程已发布",
  notPublished: "只有已发布的课程可以下架",
  hasEnrollments: "已有学员选修该课程，不能删除；如不再开放，请将课程下架",
  lessonsLocked: "已有学员选修该课程，课时不能删除或调整顺序（可以修改课时或在末尾添加新课时）",
  lastLesson: "已发布的课程至少须保留 1 个课时",
  lastQuestion: "已发布的课程题库中至少须保留 1 道启用的题目",
  questionUsed: "该题已用于考试试卷，不能删除，只能停用",
  // Course form
  enterTitle: "请填写课程名称",
  titleTooLong: (max: number) => `课程名称不超过 ${max} 个字`,
  enterDescription: "请填写课程简介",
  descriptionTooLong: (max: number) => `课程简介不超过 ${max} 个字`,
  coverProblem: (problem: string) => `封面图片：${problem}`,
  wholeNumberRange: (name: string, min: number, max: number, unit: string) => `${name}须为 ${min}–${max}${unit} 的整数`,
  /** The names and units of the whole numbers of the course and exam settings forms. */
  numbers: {
    credits: { name: "学分", unit: "" },
    examQuestionCount: { name: "每份试卷题数", unit: " 道" },
    examPassScore: { name: "及格分数", unit: " 分" },
    examTimeLimitMinutes: { name: "考试时长", unit: " 分钟" },
    examMaxAttempts: { name: "考试次数", unit: " 次" },
  },
  // Lesson form
  enterLessonTitle: "请填写课时名称",
  lessonTitleTooLong: (max: number) => `课时名称不超过 ${max} 个字`,
  enterVideoUrl: "请填写视频地址",
  enterDuration: "请填写时长",
  durationFormat: "请按“分:秒”填写时长，如 45:30（最长 10 小时）",
  missingDirection: "缺少移动方向",
  // Question form and import
  chooseQuestionType: "请选择题型",
  chooseImportFile: "请选择要导入的 .xlsx 文件",
  importFileTooLarge: "文件不能超过 1 MB，请分批导入",
  importTooMany: (max: number) => `一次最多导入 ${max} 道题，请分批导入`,
  importChanged: "文件或题库在检查后有变化，请重新检查后再导入",
  importNothing: "文件中没有可以导入的题目",
  importUnreadable: "无法读取该文件，请使用下载的模板填写后另存为 .xlsx 文件",
  // Enrolment
  unavailable: "该课程不存在或已下架",
  enrolFromStartYear: (startYear: number) => `您的继续教育从 ${startYear} 年开始，届时即可选课学习。`,
} as const;

/** The downloadable question-bank template: its sheets, instructions and example rows. */
export const questionTemplateMessages = {
  questionsSheet: "题目",
  instructions: (maxRows: number) => [
    "题库导入模板填写说明",
    "1. 在“题目”工作表中从第 2 行开始，每行填写一道题；请勿修改第 1 行表头。",
    "2. 题型填写：单选、多选 或 判断。",
    "3. 单选题填写 2–5 个选项，正确答案填 1 个字母，如 B。",
    "4. 多选题填写 3–5 个选项，正确答案填 2 个或以上字母，如 ACD，且至少保留 1 个错误选项。",
    "5. 判断题选项可留空（系统自动使用“正确”“错误”），正确答案填写 正确 或 错误。",
    "6. 解析可留空；题库中已有相同题干的题目不会重复导入。",
    `7. 每次最多导入 ${maxRows} 道题。上传后系统先检查并列出有问题的行，确认后再导入。`,
  ],
  examplesHeading: "填写示例（请填写在“题目”工作表中）",
  examples: [
    [
      "单选",
      "会计人员每年参加继续教育取得的学分不得少于多少学分？",
      "60",
      "72",
      "90",
      "120",
      "",
      "C",
      "每年不少于90学分。",
    ],
    [
      "多选",
      "继续教育的学习课程分为哪两类？",
      "公需科目",
      "专业科目",
      "选修科目",
      "",
      "",
      "AB",
      "课程分为公需科目和专业科目。",
    ],
    ["判断", "继续教育学分当年有效，不得结转以后年度。", "", "", "", "", "", "正确", ""],
  ],
  /** The data validation of the question-type column. */
  typeList: '"单选,多选,判断"',
  typeTitle: "题型",
  typeError: "请选择：单选、多选 或 判断",
} as const;
