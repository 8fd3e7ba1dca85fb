import "server-only";
import { z } from "zod";
import { COURSE_LIMITS, EXAM_LIMITS, mediaUrlProblem } from "@/domain/course-admin";
import { commonMessages, courseMessages } from "@/messages/zh-CN";

const id = z.string().trim().min(1, commonMessages.missingId).max(40);

/** A whole number in [min, max] from a form field, with the range in the message. */
function wholeNumber({ name, unit }: { name: string; unit: string }, { min, max }: { min: number; max: number }) {
  const message = courseMessages.wholeNumberRange(name, min, max, unit);
  return z.coerce.number({ error: message }).int(message).min(min, message).max(max, message);
}

export const ZCourseId = z.object({ courseId: id });

export const ZCourseInput = z.object({
  title: z
    .string({ error: courseMessages.enterTitle })
    .trim()
    .min(1, courseMessages.enterTitle)
    .max(COURSE_LIMITS.titleMax, courseMessages.titleTooLong(COURSE_LIMITS.titleMax)),
  category: z.enum(["PUBLIC", "PROFESSIONAL"], { error: commonMessages.chooseCategory }),
  credits: wholeNumber(courseMessages.numbers.credits, COURSE_LIMITS.credits),
  description: z
    .string({ error: courseMessages.enterDescription })
    .trim()
    .min(1, courseMessages.enterDescription)
    .max(COURSE_LIMITS.descriptionMax, courseMessages.descriptionTooLong(COURSE_LIMITS.descriptionMax)),
  coverUrl: z
    .string()
    .trim()
    .optional()
    .transform((value, ctx) => {
      if (!value) return null;
      const problem = mediaUrlProblem(value, { anyFile: true, max: COURSE_LIMITS.coverUrlMax });
      if (problem) ctx.addIssue({ code: "custom", message: courseMessages.coverProblem(problem) });
      return value;
    }),
});
export type TCourseInput = z.output<typeof ZCourseInput>;

export const ZUpdateCourseInput = ZCourseInput.extend({ courseId: id });
export type TUpdateCourseInput = z.output<typeof ZUpdateCourseInput>;

export const ZExamSettingsInput = z.object({
  courseId: id,
  examQuestionCount: wholeNumber(courseMessages.numbers.examQuestionCount, EXAM_LIMITS.questionCount),
  examPassScore: wholeNumber(courseMessages.numbers.examPassScore, EXAM_LIMITS.passScore),
  examTimeLimitMinutes: wholeNumber(courseMessages.numbers.examTimeLimitMinutes, EXAM_LIMITS.timeLimitMinutes),
  examMaxAttempts: wholeNumber(courseMessages.numbers.examMaxAttempts, EXAM_LIMITS.maxAttempts),
});
export type TExamSettingsInput = z.output<typeof ZExamSettingsInput>;
