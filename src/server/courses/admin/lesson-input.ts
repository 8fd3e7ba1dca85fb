import "server-only";
import { z } from "zod";
import { LESSON_LIMITS, mediaUrlProblem, parseDurationText } from "@/domain/course-admin";
import { commonMessages, courseMessages } from "@/messages/zh-CN";

const id = z.string().trim().min(1, commonMessages.missingId).max(40);

/** A lesson as the form sends it: the duration typed as minutes:seconds (or read from an upload). */
export const ZLessonInput = z.object({
  courseId: id,
  title: z
    .string({ error: courseMessages.enterLessonTitle })
    .trim()
    .min(1, courseMessages.enterLessonTitle)
    .max(LESSON_LIMITS.titleMax, courseMessages.lessonTitleTooLong(LESSON_LIMITS.titleMax)),
  videoUrl: z
    .string({ error: courseMessages.enterVideoUrl })
    .trim()
    .transform((value, ctx) => {
      const problem = mediaUrlProblem(value);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
      return value;
    }),
  duration: z.string({ error: courseMessages.enterDuration }).transform((value, ctx) => {
    const seconds = parseDurationText(value);
    if (seconds === null) ctx.addIssue({ code: "custom", message: courseMessages.durationFormat });
    return seconds ?? 0;
  }),
});
export type TLessonInput = z.output<typeof ZLessonInput>;

export const ZUpdateLessonInput = ZLessonInput.extend({ lessonId: id });
export type TUpdateLessonInput = z.output<typeof ZUpdateLessonInput>;

export const ZLessonRef = z.object({ courseId: id, lessonId: id });

export const ZMoveLessonInput = ZLessonRef.extend({
  direction: z.enum(["up", "down"], { error: courseMessages.missingDirection }),
});
export type TMoveLessonInput = z.output<typeof ZMoveLessonInput>;
