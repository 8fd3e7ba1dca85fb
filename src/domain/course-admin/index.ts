/**
 * Course administration rules, pure: course and exam settings, publishing, lessons and their
 * videos, question validation and the question-bank spreadsheet. The server functions in
 * src/server/courses/admin decide through this module.
 */
export {
  COURSE_LIMITS,
  COURSE_STATUS_LABELS,
  CREDIT_CATEGORY_VALUES,
  EXAM_LIMITS,
  canTransition,
  courseTermsLocked,
  publishBlockers,
  type CourseStatus,
  type CourseTransition,
  type PublishReadiness,
} from "./course-rules";
export {
  LESSON_LIMITS,
  formatDurationText,
  lessonStructureLocked,
  mediaUrlProblem,
  parseDurationText,
} from "./lesson-rules";
export {
  MAX_OPTIONS,
  OPTION_LETTERS,
  QUESTION_LIMITS,
  QUESTION_TYPES,
  TRUE_FALSE_LABELS,
  stemKey,
  validateQuestion,
  type QuestionCheck,
  type QuestionDraft,
  type QuestionErrors,
  type QuestionField,
  type ValidQuestion,
} from "./question-rules";
export {
  IMPORT_COLUMNS,
  MAX_IMPORT_FILE_BYTES,
  MAX_IMPORT_ROWS,
  headerProblem,
  isBlankRow,
  parseImportRow,
  planQuestionImport,
  type ImportPlan,
  type ImportRow,
  type InvalidImportRow,
} from "./question-import";
export {
  readMp4Duration,
  readVideoDurationSeconds,
  readWebmDuration,
  sniffContainer,
  type ByteReader,
  type VideoContainer,
} from "./video-duration";
export {
  CONTAINER_CONTENT_TYPES,
  MAX_UPLOAD_BYTES,
  MAX_UPLOAD_MEGABYTES,
  UPLOADS_URL_PREFIX,
  storedNameContainer,
  storedUploadName,
} from "./upload-rules";
