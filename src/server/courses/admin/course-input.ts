import "server-only";
import { z } from "zod";
import { COURSE_LIMITS, EXAM_LIMITS, mediaUrlProblem } from "@/domain/course-admin";

const id = z.string().trim().min(1, "缺少编号").max(40);

/** A whole number in [min, max] from a form field, with the range in the message. */
function wholeNumber(name: string, { min, max }: { min: number; max: number }, unit = "") {
  const message = `${name}须为 ${min}–${max}${unit} 的整数`;
  return z.coerce.number({ error: message }).int(message).min(min, message).max(max, message);
}

export const ZCourseId = z.object({ courseId: id });

export const ZCourseInput = z.object({
  title: z
    .string({ error: "请填写课程名称" })
    .trim()
    .min(1, "请填写课程名称")
    .max(COURSE_LIMITS.titleMax, `课程名称不超过 ${COURSE_LIMITS.titleMax} 个字`),
  category: z.enum(["PUBLIC", "PROFESSIONAL"], { error: "请选择科目类别" }),
  credits: wholeNumber("学分", COURSE_LIMITS.credits),
  description: z
    .string({ error: "请填写课程简介" })
    .trim()
    .min(1, "请填写课程简介")
    .max(COURSE_LIMITS.descriptionMax, `课程简介不超过 ${COURSE_LIMITS.descriptionMax} 个字`),
  coverUrl: z
    .string()
    .trim()
    .optional()
    .transform((value, ctx) => {
      if (!value) return null;
      const problem = mediaUrlProblem(value, { anyFile: true, max: COURSE_LIMITS.coverUrlMax });
      if (problem) ctx.addIssue({ code: "custom", message: `封面图片：${problem}` });
      return value;
    }),
});
export type TCourseInput = z.output<typeof ZCourseInput>;

export const ZUpdateCourseInput = ZCourseInput.extend({ courseId: id });
export type TUpdateCourseInput = z.output<typeof ZUpdateCourseInput>;

export const ZExamSettingsInput = z.object({
  courseId: id,
  examQuestionCount: wholeNumber("每份试卷题数", EXAM_LIMITS.questionCount, " 道"),
  examPassScore: wholeNumber("及格分数", EXAM_LIMITS.passScore, " 分"),
  examTimeLimitMinutes: wholeNumber("考试时长", EXAM_LIMITS.timeLimitMinutes, " 分钟"),
  examMaxAttempts: wholeNumber("考试次数", EXAM_LIMITS.maxAttempts, " 次"),
});
export type TExamSettingsInput = z.output<typeof ZExamSettingsInput>;
