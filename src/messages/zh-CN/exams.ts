// Exams: attempts, answers, submission.

export const examMessages = {
  examNotFound: "未找到该课程的考试",
  attemptNotFound: "未找到该试卷",
  attemptClosed: "本次考试已交卷，答案不能再修改",
  timeUp: "考试时间已到，该答案未能保存；试卷已按截止前保存的答案自动评分。",
  questionNotOnPaper: "这道题不在本次试卷中",
  /** What an id names, for the three messages below. */
  subjects: { attempt: "试卷", question: "题目", option: "选项" },
  missingOrInvalidId: (subject: string) => `缺少${subject}或${subject}编号无效`,
  missingId: (subject: string) => `缺少${subject}`,
  invalidId: (subject: string) => `${subject}编号无效`,
  courseIdInvalid: "课程编号无效",
  answerMalformed: "答案格式不正确",
  tooManyOptions: "选项过多",
} as const;
