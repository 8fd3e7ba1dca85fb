// Every code an expected failure may carry (AppError, ActionResult, the JSON endpoints), with the
// HTTP status it is answered with where a status is sent (the exam and upload endpoints, route
// handlers). Server actions always answer 200 and the page reads the code. What each code says
// is in src/messages/zh-CN/errors.ts: an AppError carries that sentence unless the place that
// throws it gives a more precise one (naming the row, the district, the limit).
export const ERROR_STATUS = {
  // 400: the input cannot be used as sent.
  INVALID_INPUT: 400,
  INVALID_ANSWER: 400,
  UNREADABLE_TEXT: 400,
  YEAR_OUT_OF_RANGE: 400,
  WEAK_PASSWORD: 400,
  WRONG_PASSWORD: 400,
  SELF: 400,
  SAME_DISTRICT: 400,
  START_YEAR_AFTER_CREDITS: 400,
  NO_CREDIT_YEAR: 400,
  NO_OBLIGATION_YEAR: 400,
  QUESTION_NOT_ON_PAPER: 400,
  UNSUPPORTED_FILE: 400,
  EMPTY_FILE: 400,
  UNREADABLE_FILE: 400,
  FILE_TOO_COMPLEX: 400,
  TOO_MANY_ROWS: 400,
  NO_ROWS: 400,
  NO_HEADER: 400,
  NOTHING_TO_IMPORT: 400,
  IMPORT_UNREADABLE: 400,
  IMPORT_TOO_MANY: 400,
  IMPORT_NOTHING: 400,
  IMPORT_FILE_PROBLEM: 400,
  UPLOAD_EMPTY: 400,
  UPLOAD_NOT_VIDEO: 400,
  // 401/403: who is asking.
  UNAUTHENTICATED: 401,
  LOGIN_FAILED: 401,
  FORBIDDEN: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  DISTRICT_NOT_ALLOWED: 403,
  // 404: not there, or not the asker's (the same answer: nothing is learnt from it).
  NOT_FOUND: 404,
  LEARNER_NOT_FOUND: 404,
  STAFF_NOT_FOUND: 404,
  DISTRICT_NOT_FOUND: 404,
  COURSE_NOT_FOUND: 404,
  LESSON_NOT_FOUND: 404,
  QUESTION_NOT_FOUND: 404,
  EXAM_NOT_FOUND: 404,
  ATTEMPT_NOT_FOUND: 404,
  // 409: the request is fine, the state it meets does not allow it.
  CONFLICT: 409,
  IDEMPOTENCY_KEY_REUSED: 409,
  DUPLICATE_USERNAME: 409,
  DUPLICATE_ID_NUMBER: 409,
  INVALID_TRANSITION: 409,
  ALREADY_PUBLISHED: 409,
  NOT_PUBLISHED: 409,
  PUBLISH_BLOCKED: 409,
  LESSONS_LOCKED: 409,
  LAST_LESSON: 409,
  LAST_QUESTION: 409,
  QUESTION_USED: 409,
  COURSE_HAS_ENROLLMENTS: 409,
  COURSE_HAS_NO_CREDITS: 409,
  ADJUSTMENT_BELOW_ZERO: 409,
  PLAN_CHANGED: 409,
  IMPORT_CHANGED: 409,
  IMPORT_CONFLICT: 409,
  COURSE_TERMS_LOCKED: 409,
  EXAM_TIME_UP: 409,
  ATTEMPT_CLOSED: 409,
  // Why an exam cannot start (src/domain/exams: START_REFUSAL_MESSAGES).
  NOT_STUDIED: 409,
  ALREADY_PASSED: 409,
  RESTUDY_REQUIRED: 409,
  NO_QUESTIONS: 409,
  // 413/429/500/503.
  TOO_LARGE: 413,
  FILE_TOO_LARGE: 413,
  UPLOAD_TOO_LARGE: 413,
  THROTTLED: 429,
  IMPORT_FAILED: 500,
  INTERNAL: 500,
  // A staff report's statement ran over its limit and the server cancelled it (57014, ADR 0022):
  // nothing is wrong with the request, a narrower one may pass.
  QUERY_TIMEOUT: 503,
} as const;

export type AppErrorCode = keyof typeof ERROR_STATUS;
