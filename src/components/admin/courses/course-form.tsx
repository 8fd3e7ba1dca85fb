"use client";

import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { SavedNotice } from "@/components/ui/saved-notice";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { TextareaField } from "@/components/ui/textarea-field";
import { useKeptForm } from "@/components/ui/use-kept-form";
import { COURSE_LIMITS } from "@/domain/course-admin";
import { CREDIT_CATEGORY_LABELS } from "@/domain/credits";
import type { ActionResult } from "@/lib/action-result";

export interface CourseFormValues {
  id: string;
  title: string;
  category: "PUBLIC" | "PROFESSIONAL";
  credits: number;
  description: string;
  coverUrl: string | null;
}

type Action = (previous: unknown, input: FormData) => Promise<ActionResult<{ courseId: string }>>;

/**
 * 课程信息: new (no `course`) or edit. With learners enrolled (`termsLocked`) credits and
 * category are shown, sent unchanged, and not editable.
 */
export function CourseForm({
  action,
  course,
  termsLocked = false,
}: {
  action: Action;
  course?: CourseFormValues;
  termsLocked?: boolean;
}) {
  const { state, pending, errors, formAction, onSubmit } = useKeptForm(action);
  const { min, max } = COURSE_LIMITS.credits;
  return (
    <form action={formAction} onSubmit={onSubmit} className="space-y-5" noValidate>
      <FormAlert state={state} />
      {course ? <input type="hidden" name="courseId" value={course.id} /> : null}
      <TextField
        name="title"
        label="课程名称"
        required
        maxLength={COURSE_LIMITS.titleMax}
        defaultValue={course?.title}
        errors={errors?.title}
      />
      {termsLocked && course ? (
        <div className="rounded-lg bg-slate-50 p-3 text-sm text-slate-700 ring-1 ring-slate-200">
          <input type="hidden" name="category" value={course.category} />
          <input type="hidden" name="credits" value={course.credits} />
          <p>
            {CREDIT_CATEGORY_LABELS[course.category]} · {course.credits} 学分
          </p>
          <p className="mt-1 text-xs text-slate-500">已有学员选修该课程，学分和科目类别不能再修改。</p>
        </div>
      ) : (
        <div className="grid gap-5 sm:grid-cols-2">
          <SelectField
            name="category"
            label="科目类别"
            required
            defaultValue={course?.category ?? ""}
            errors={errors?.category}
          >
            <option value="" disabled>
              请选择
            </option>
            <option value="PROFESSIONAL">专业科目</option>
            <option value="PUBLIC">公需科目</option>
          </SelectField>
          <TextField
            name="credits"
            label="学分"
            type="number"
            inputMode="numeric"
            min={min}
            max={max}
            step={1}
            required
            hint={`${min}–${max} 的整数；每 3 学分折合 1 学时`}
            defaultValue={course?.credits}
            errors={errors?.credits}
          />
        </div>
      )}
      <TextareaField
        name="description"
        label="课程简介"
        required
        rows={4}
        maxLength={COURSE_LIMITS.descriptionMax}
        defaultValue={course?.description}
        errors={errors?.description}
      />
      <TextField
        name="coverUrl"
        label="封面图片地址（选填）"
        hint="如 https://cdn.example.cn/cover.jpg 或 /media/cover.jpg"
        maxLength={COURSE_LIMITS.coverUrlMax}
        defaultValue={course?.coverUrl ?? ""}
        errors={errors?.coverUrl ?? errors?._form}
      />
      <div className="flex items-center gap-4">
        <Button type="submit" disabled={pending}>
          {pending ? "正在保存…" : course ? "保存课程信息" : "创建课程"}
        </Button>
        <SavedNotice show={Boolean(state?.ok)} />
      </div>
    </form>
  );
}
