import "server-only";
import { AppError } from "@/lib/errors";

// The expected refusals of course administration, with the words administrators see.
export const courseErrors = {
  courseNotFound: () => new AppError("COURSE_NOT_FOUND", "未找到该课程"),
  lessonNotFound: () => new AppError("LESSON_NOT_FOUND", "未找到该课时"),
  questionNotFound: () => new AppError("QUESTION_NOT_FOUND", "未找到该题目"),
  termsLocked: (fields: string[]) =>
    new AppError(
      "COURSE_TERMS_LOCKED",
      "已有学员选修该课程，学分和科目类别不能再修改",
      Object.fromEntries(fields.map((field) => [field, ["已有学员选修该课程，不能修改"]])),
    ),
  publishBlocked: (missing: string[]) => new AppError("PUBLISH_BLOCKED", `课程还不能发布：${missing.join("；")}`),
  alreadyPublished: () => new AppError("ALREADY_PUBLISHED", "该课程已发布"),
  notPublished: () => new AppError("NOT_PUBLISHED", "只有已发布的课程可以下架"),
  hasEnrollments: () =>
    new AppError("COURSE_HAS_ENROLLMENTS", "已有学员选修该课程，不能删除；如不再开放，请将课程下架"),
  lessonsLocked: () =>
    new AppError("LESSONS_LOCKED", "已有学员选修该课程，课时不能删除或调整顺序（可以修改课时或在末尾添加新课时）"),
  lastLesson: () => new AppError("LAST_LESSON", "已发布的课程至少须保留 1 个课时"),
  lastQuestion: () => new AppError("LAST_QUESTION", "已发布的课程题库中至少须保留 1 道启用的题目"),
  questionUsed: () => new AppError("QUESTION_USED", "该题已用于考试试卷，不能删除，只能停用"),
  importChanged: () => new AppError("IMPORT_CHANGED", "文件或题库在检查后有变化，请重新检查后再导入"),
  importNothing: () => new AppError("IMPORT_NOTHING", "文件中没有可以导入的题目"),
  importUnreadable: () => new AppError("IMPORT_UNREADABLE", "无法读取该文件，请使用下载的模板填写后另存为 .xlsx 文件"),
} as const;
