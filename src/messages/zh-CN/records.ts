// The learner's study record (/records): on screen and as printed.

export const recordMessages = {
  pageTitle: "学分记录",
  intro: "每一笔学分都记录在取得它的年度，学分当年有效，不结转到以后年度。",
  notStartedYet: (startYear: number) => `您的继续教育从 ${startYear} 年开始。`,
  /** The heading of the printed record (the print view's own title; the screen's is pageTitle). */
  printTitle: "武汉市会计人员继续教育学习记录",
  printButton: "打印学习记录",
  printHint: "打印时只保留学习记录，不含导航和按钮；也可在打印对话框中选择“另存为 PDF”。",
  name: "姓名",
  idNumber: "身份证号",
  district: "所属区",
  printDate: "打印日期",
  yearHeading: (year: number) => `${year} 年度`,
  // Year totals
  publicCredits: "公需科目",
  professionalCredits: "专业科目",
  totalCredits: "合计",
  hours: "学时",
  incompleteStatus: (explanation: string) => `未完成：${explanation}`,
  creditsUnit: (credits: number) => `${credits} 学分`,
  // The year's ledger
  linesCaption: (year: number) => `${year} 年度学分明细`,
  // Not "暂无学分记录": the printed record must not repeat the navigation's 学分记录.
  noLines: "本年度尚未取得学分。",
  date: "日期",
  source: "类型",
  item: "课程或项目",
  category: "类别",
  exam: "考试",
  credits: "学分",
  sources: { COURSE: "课程学习", ACTIVITY: "其他形式", ADJUSTMENT: "学分调整" },
  courseFallback: "课程学习",
  activityFallback: "其他形式的继续教育",
  adjustmentFallback: "学分更正",
  /** A credited course's exam: the passing score, and how many graded attempts it took. */
  examPassed: (score: number, attempts: number) => `${score} 分 · 通过${attempts > 1 ? `（共考 ${attempts} 次）` : ""}`,
  noExam: "—",
  // Graded attempts of courses without credits (yet)
  openExamsHeading: "尚未通过的考试",
  openExamsCaption: (year: number) => `${year} 年度尚未通过的考试`,
  course: "课程",
  attempt: "次数",
  score: "成绩",
  result: "结果",
  attemptNumber: (cycle: number, number: number) => (cycle > 1 ? `第 ${cycle} 轮第 ${number} 次` : `第 ${number} 次`),
  scoreValue: (score: number) => `${score} 分`,
  failed: "未通过",
} as const;
