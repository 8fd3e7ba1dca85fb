"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { MAX_IMPORT_FILE_BYTES } from "@/domain/course-admin";
import type { CurrentStaff } from "@/server/auth/session";
import { commitQuestionImport } from "@/server/courses/admin/commit-question-import";
import type { CourseActor } from "@/server/courses/admin/course-actor";
import { ZCourseId, ZCourseInput, ZExamSettingsInput, ZUpdateCourseInput } from "@/server/courses/admin/course-input";
import { createCourse as create } from "@/server/courses/admin/create-course";
import { createLesson as addLesson } from "@/server/courses/admin/create-lesson";
import { createQuestion as addQuestion } from "@/server/courses/admin/create-question";
import { deleteCourse as removeCourse } from "@/server/courses/admin/delete-course";
import { deleteLesson as removeLesson } from "@/server/courses/admin/delete-lesson";
import { deleteQuestion as removeQuestion } from "@/server/courses/admin/delete-question";
import { ZLessonInput, ZLessonRef, ZMoveLessonInput, ZUpdateLessonInput } from "@/server/courses/admin/lesson-input";
import { moveLesson as move } from "@/server/courses/admin/move-lesson";
import { previewQuestionImport } from "@/server/courses/admin/preview-question-import";
import { publishCourse as publish } from "@/server/courses/admin/publish-course";
import {
  ZQuestionInput,
  ZQuestionRef,
  ZSetQuestionActiveInput,
  ZUpdateQuestionInput,
} from "@/server/courses/admin/question-input";
import { retireCourse as retire } from "@/server/courses/admin/retire-course";
import { setQuestionActive as setActive } from "@/server/courses/admin/set-question-active";
import { updateCourse as update } from "@/server/courses/admin/update-course";
import { updateExamSettings as updateExam } from "@/server/courses/admin/update-exam-settings";
import { updateLesson as editLesson } from "@/server/courses/admin/update-lesson";
import { updateQuestion as editQuestion } from "@/server/courses/admin/update-question";
import { action } from "./action";
import { courseMessages } from "@/messages/zh-CN";

// 课程管理: every change to the shared catalogue is the city office's (catalogue.edit); the server
// functions check the role again and write the audit row with the change.

const actor = ({ staff, ip }: { staff: CurrentStaff; ip: string | null }): CourseActor => ({
  id: staff.id,
  role: staff.role,
  ip,
});

/** The course's admin pages show what changed at their next render. */
function refresh(courseId: string): void {
  revalidatePath(`/admin/courses/${courseId}`, "layout");
  revalidatePath("/admin/courses");
}

const staffWrite = { auth: "staff", permission: "catalogue.edit" } as const;

export const createCourse = action(
  { name: "course.create", ...staffWrite, schema: ZCourseInput },
  (input, ctx) => create(actor(ctx), input),
  { redirectTo: ({ courseId }) => `/admin/courses/${courseId}` },
);

export const updateCourse = action(
  { name: "course.update", ...staffWrite, schema: ZUpdateCourseInput },
  async (input, ctx) => {
    const result = await update(actor(ctx), input);
    refresh(input.courseId);
    return result;
  },
);

export const updateExamSettings = action(
  { name: "course.exam-settings", ...staffWrite, schema: ZExamSettingsInput },
  async (input, ctx) => {
    const result = await updateExam(actor(ctx), input);
    refresh(input.courseId);
    return result;
  },
);

export const publishCourse = action(
  { name: "course.publish", ...staffWrite, schema: ZCourseId },
  async (input, ctx) => {
    const result = await publish(actor(ctx), input.courseId);
    refresh(input.courseId);
    return result;
  },
);

export const retireCourse = action({ name: "course.retire", ...staffWrite, schema: ZCourseId }, async (input, ctx) => {
  const result = await retire(actor(ctx), input.courseId);
  refresh(input.courseId);
  return result;
});

export const deleteCourse = action(
  { name: "course.delete", ...staffWrite, schema: ZCourseId },
  (input, ctx) => removeCourse(actor(ctx), input.courseId),
  { redirectTo: () => "/admin/courses" },
);

export const createLesson = action(
  { name: "lesson.create", ...staffWrite, schema: ZLessonInput },
  async (input, ctx) => {
    const result = await addLesson(actor(ctx), input);
    refresh(input.courseId);
    return result;
  },
);

export const updateLesson = action(
  { name: "lesson.update", ...staffWrite, schema: ZUpdateLessonInput },
  async (input, ctx) => ({ ...(await editLesson(actor(ctx), input)), courseId: input.courseId }),
  { redirectTo: ({ courseId }) => `/admin/courses/${courseId}/lessons` },
);

export const moveLesson = action(
  { name: "lesson.move", ...staffWrite, schema: ZMoveLessonInput },
  async (input, ctx) => {
    const result = await move(actor(ctx), input);
    refresh(input.courseId);
    return result;
  },
);

export const deleteLesson = action({ name: "lesson.delete", ...staffWrite, schema: ZLessonRef }, async (input, ctx) => {
  const result = await removeLesson(actor(ctx), input);
  refresh(input.courseId);
  return result;
});

export const createQuestion = action(
  { name: "question.create", ...staffWrite, schema: ZQuestionInput },
  async (input, ctx) => ({ ...(await addQuestion(actor(ctx), input)), courseId: input.courseId }),
  { redirectTo: ({ courseId }) => `/admin/courses/${courseId}/questions` },
);

export const updateQuestion = action(
  { name: "question.update", ...staffWrite, schema: ZUpdateQuestionInput },
  async (input, ctx) => ({ ...(await editQuestion(actor(ctx), input)), courseId: input.courseId }),
  { redirectTo: ({ courseId }) => `/admin/courses/${courseId}/questions` },
);

export const setQuestionActive = action(
  { name: "question.set-active", ...staffWrite, schema: ZSetQuestionActiveInput },
  async (input, ctx) => {
    const result = await setActive(actor(ctx), input);
    refresh(input.courseId);
    return result;
  },
);

export const deleteQuestion = action(
  { name: "question.delete", ...staffWrite, schema: ZQuestionRef },
  async (input, ctx) => {
    const result = await removeQuestion(actor(ctx), input);
    refresh(input.courseId);
    return result;
  },
);

const ZImportQuestionsInput = ZCourseId.extend({
  mode: z.enum(["dry-run", "commit"]).default("dry-run"),
  file: z
    .instanceof(File, { error: courseMessages.chooseImportFile })
    .refine((file) => file.size > 0, courseMessages.chooseImportFile)
    .refine((file) => file.size <= MAX_IMPORT_FILE_BYTES, courseMessages.importFileTooLarge),
  checksum: z.string().max(64).optional(),
  expectedCount: z.coerce.number().int().min(0).max(100_000).optional(),
});

/** 题库导入: `mode` dry-run checks the file and lists its invalid rows; commit adds the valid ones. */
export const importQuestions = action(
  { name: "question.import", ...staffWrite, schema: ZImportQuestionsInput },
  async (input, ctx) => {
    const data = await input.file.arrayBuffer();
    if (input.mode === "dry-run") return previewQuestionImport(actor(ctx), { courseId: input.courseId, data });
    const result = await commitQuestionImport(actor(ctx), {
      courseId: input.courseId,
      data,
      fileName: input.file.name.slice(0, 200),
      checksum: input.checksum ?? "",
      expectedCount: input.expectedCount ?? -1,
    });
    refresh(input.courseId);
    return result;
  },
);
