import "server-only";
import { z } from "zod";
import { LESSON_LIMITS, mediaUrlProblem, parseDurationText } from "@/domain/course-admin";

const id = z.string().trim().min(1, "缺少编号").max(40);

/** A lesson as the form sends it: the duration typed as minutes:seconds (or read from an upload). */
export const ZLessonInput = z.object({
  courseId: id,
  title: z
    .string({ error: "请填写课时名称" })
    .trim()
    .min(1, "请填写课时名称")
    .max(LESSON_LIMITS.titleMax, `课时名称不超过 ${LESSON_LIMITS.titleMax} 个字`),
  videoUrl: z
    .string({ error: "请填写视频地址" })
    .trim()
    .transform((value, ctx) => {
      const problem = mediaUrlProblem(value);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
      return value;
    }),
  duration: z.string({ error: "请填写时长" }).transform((value, ctx) => {
    const seconds = parseDurationText(value);
    if (seconds === null) ctx.addIssue({ code: "custom", message: "请按“分:秒”填写时长，如 45:30（最长 10 小时）" });
    return seconds ?? 0;
  }),
});
export type TLessonInput = z.output<typeof ZLessonInput>;

export const ZUpdateLessonInput = ZLessonInput.extend({ lessonId: id });
export type TUpdateLessonInput = z.output<typeof ZUpdateLessonInput>;

export const ZLessonRef = z.object({ courseId: id, lessonId: id });

export const ZMoveLessonInput = ZLessonRef.extend({
  direction: z.enum(["up", "down"], { error: "缺少移动方向" }),
});
export type TMoveLessonInput = z.output<typeof ZMoveLessonInput>;
