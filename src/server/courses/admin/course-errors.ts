import "server-only";
import { AppError } from "@/lib/errors";
import { courseMessages } from "@/messages/zh-CN";

// The expected refusals of course administration, with the words administrators see.
export const courseErrors = {
  courseNotFound: () => new AppError("COURSE_NOT_FOUND"),
  lessonNotFound: () => new AppError("LESSON_NOT_FOUND"),
  questionNotFound: () => new AppError("QUESTION_NOT_FOUND"),
  termsLocked: (fields: string[]) =>
    new AppError(
      "COURSE_TERMS_LOCKED",
      courseMessages.creditsLocked,
      Object.fromEntries(fields.map((field) => [field, [courseMessages.fieldLocked]])),
    ),
  publishBlocked: (missing: string[]) => new AppError("PUBLISH_BLOCKED", courseMessages.publishBlocked(missing)),
  alreadyPublished: () => new AppError("ALREADY_PUBLISHED"),
  notPublished: () => new AppError("NOT_PUBLISHED"),
  hasEnrollments: () => new AppError("COURSE_HAS_ENROLLMENTS"),
  lessonsLocked: () => new AppError("LESSONS_LOCKED"),
  lastLesson: () => new AppError("LAST_LESSON"),
  lastQuestion: () => new AppError("LAST_QUESTION"),
  questionUsed: () => new AppError("QUESTION_USED"),
  importChanged: () => new AppError("IMPORT_CHANGED"),
  importNothing: () => new AppError("IMPORT_NOTHING"),
  importUnreadable: () => new AppError("IMPORT_UNREADABLE"),
} as const;
