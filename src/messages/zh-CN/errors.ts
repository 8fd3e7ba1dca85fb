// What each error code says (src/lib/error-codes.ts): the sentence an AppError of that code
// carries unless the place that throws it gives a more precise one, which then names the row,
// the district, the year or the limit. `satisfies` makes a code without a sentence a type error.
import { START_REFUSAL_MESSAGES } from "@/domain/exams";
import type { AppErrorCode } from "@/lib/error-codes";
import { authMessages } from "./auth";
import { commonMessages } from "./common";
import { courseMessages } from "./courses";
import { creditMessages } from "./credits";
import { districtMessages } from "./districts";
import { examMessages } from "./exams";
import { importMessages } from "./import";
import { learnerMessages } from "./learners";
import { mediaMessages } from "./media";
import { staffMessages } from "./staff";
import { supportMessages } from "./support";

export const errorMessages = {
  INVALID_INPUT: commonMessages.checkInput,
  INVALID_ANSWER: "答案无效，请重新选择",
  UNREADABLE_TEXT: commonMessages.unreadableText,
  YEAR_OUT_OF_RANGE: "年度不在可选范围内",
  WEAK_PASSWORD: "密码不符合要求，请按提示设置",
  WRONG_PASSWORD: authMessages.wrongCurrentPassword,
  SELF: "不能对自己的账号进行此操作",
  SAME_DISTRICT: "该学员已在所选的区",
  START_YEAR_AFTER_CREDITS: "起始年度不能晚于已有学分记录的年度",
  NO_CREDIT_YEAR: "该年度还不是继续教育年度，目前还不能获得学分",
  NO_OBLIGATION_YEAR: "该学员的继续教育尚未开始，目前还不能登记学分",
  QUESTION_NOT_ON_PAPER: examMessages.questionNotOnPaper,
  UNSUPPORTED_FILE: "不支持该文件格式，请使用下载的模板",
  EMPTY_FILE: importMessages.emptyFile,
  UNREADABLE_FILE: "无法读取该文件，请使用下载的模板",
  FILE_TOO_COMPLEX: importMessages.fileTooComplex,
  TOO_MANY_ROWS: "文件行数超过一次导入的上限，请分批导入",
  NO_ROWS: importMessages.noRows,
  NO_HEADER: "未找到表头，请使用下载的模板",
  NOTHING_TO_IMPORT: importMessages.nothingToImport,
  IMPORT_UNREADABLE: courseMessages.importUnreadable,
  IMPORT_TOO_MANY: "题目数量超过一次导入的上限，请分批导入",
  IMPORT_NOTHING: courseMessages.importNothing,
  IMPORT_FILE_PROBLEM: "文件有问题，请按提示修改后重新上传",
  UPLOAD_EMPTY: mediaMessages.chooseVideo,
  UPLOAD_NOT_VIDEO: mediaMessages.notVideo,
  UNAUTHENTICATED: commonMessages.unauthenticated,
  LOGIN_FAILED: authMessages.learnerLoginFailed,
  FORBIDDEN: commonMessages.forbidden,
  PASSWORD_CHANGE_REQUIRED: commonMessages.passwordChangeRequired,
  DISTRICT_NOT_ALLOWED: learnerMessages.districtNotAllowed,
  NOT_FOUND: "未找到相关内容",
  LEARNER_NOT_FOUND: learnerMessages.notFound,
  STAFF_NOT_FOUND: staffMessages.staffNotFound,
  DISTRICT_NOT_FOUND: districtMessages.notFound,
  COURSE_NOT_FOUND: courseMessages.notFound,
  LESSON_NOT_FOUND: courseMessages.lessonNotFound,
  QUESTION_NOT_FOUND: courseMessages.questionNotFound,
  EXAM_NOT_FOUND: examMessages.examNotFound,
  ATTEMPT_NOT_FOUND: examMessages.attemptNotFound,
  CERTIFICATE_NOT_FOUND: "未找到该学时证明",
  CONFLICT: supportMessages.ticketConflict,
  IDEMPOTENCY_KEY_REUSED: creditMessages.idempotencyKeyReused,
  DUPLICATE_USERNAME: staffMessages.duplicateUsername,
  DUPLICATE_ID_NUMBER: "该身份证号已登记，请勿重复采集",
  INVALID_TRANSITION: supportMessages.invalidTransition,
  ALREADY_PUBLISHED: courseMessages.alreadyPublished,
  NOT_PUBLISHED: courseMessages.notPublished,
  PUBLISH_BLOCKED: "课程还不能发布，请按提示补全内容",
  LESSONS_LOCKED: courseMessages.lessonsLocked,
  LAST_LESSON: courseMessages.lastLesson,
  LAST_QUESTION: courseMessages.lastQuestion,
  QUESTION_USED: courseMessages.questionUsed,
  COURSE_HAS_ENROLLMENTS: courseMessages.hasEnrollments,
  COURSE_HAS_NO_CREDITS: creditMessages.courseHasNoCredits,
  ADJUSTMENT_BELOW_ZERO: "扣减后该年度学分将低于零，请调整扣减数",
  PLAN_CHANGED: importMessages.planChanged,
  IMPORT_CHANGED: courseMessages.importChanged,
  IMPORT_CONFLICT: importMessages.conflict,
  COURSE_TERMS_LOCKED: courseMessages.creditsLocked,
  EXAM_TIME_UP: examMessages.timeUp,
  ATTEMPT_CLOSED: examMessages.attemptClosed,
  NOT_STUDIED: START_REFUSAL_MESSAGES.NOT_STUDIED,
  ALREADY_PASSED: START_REFUSAL_MESSAGES.ALREADY_PASSED,
  RESTUDY_REQUIRED: START_REFUSAL_MESSAGES.RESTUDY_REQUIRED,
  NO_QUESTIONS: START_REFUSAL_MESSAGES.NO_QUESTIONS,
  TOO_LARGE: commonMessages.tooLarge,
  FILE_TOO_LARGE: "文件过大，请缩小后重新上传",
  UPLOAD_TOO_LARGE: "视频文件过大，请压缩后重新上传",
  THROTTLED: "尝试次数过多，请稍后再试",
  IMPORT_FAILED: importMessages.failed,
  INTERNAL: commonMessages.genericError,
  QUERY_TIMEOUT: commonMessages.queryTimeout,
} as const satisfies Record<AppErrorCode, string>;
