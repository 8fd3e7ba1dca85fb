import "server-only";
import { AppError } from "@/lib/errors";
import { courseMessages } from "@/messages/zh-CN";

// The expected refusals of course administration, with the words administrators see.
export const courseErrors = {
  courseNotFound: () => new AppError("COURSE_NOT_FOUND", courseMessages.notFound),
  lessonNotFound: () => new AppError("LESSON_NOT_FOUND", courseMessages.lessonNotFound),
  questionNotFound: () => new AppError("QUESTION_NOT_FOUND", courseMessages.questionNotFound),
  termsLocked: (fields: string[]) =>
    new AppError(
      "COURSE_TERMS_LOCKED",
      courseMessages.creditsLocked,
      Object.fromEntries(fields.map((field) => [field, [courseMessages.fieldLocked]])),
    ),
  publishBlocked: (missing: string[]) => new AppError("PUBLISH_BLOCKED", courseMessages.publishBlocked(missing)),
  alreadyPublished: () => new AppError("ALREADY_PUBLISHED", courseMessages.alreadyPublished),
  notPublished: () => new AppError("NOT_PUBLISHED", courseMessages.notPublished),
  hasEnrollments: () => new AppError("COURSE_HAS_ENROLLMENTS", courseMessages.hasEnrollments),
  lessonsLocked: () => new AppError("LESSONS_LOCKED", courseMessages.lessonsLocked),
  lastLesson: () => new AppError("LAST_LESSON", courseMessages.lastLesson),
  lastQuestion: () => new AppError("LAST_QUESTION", courseMessages.lastQuestion),
  questionUsed: () => new AppError("QUESTION_USED", courseMessages.questionUsed),
  importChanged: () => new AppError("IMPORT_CHANGED", courseMessages.importChanged),
  importNothing: () => new AppError("IMPORT_NOTHING", courseMessages.importNothing),
  importUnreadable: () => new AppError("IMPORT_UNREADABLE", courseMessages.importUnreadable),
} as const;
