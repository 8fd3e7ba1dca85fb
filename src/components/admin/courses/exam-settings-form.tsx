"use client";

import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { SavedNotice } from "@/components/ui/saved-notice";
import { TextField } from "@/components/ui/text-field";
import { useKeptForm } from "@/components/ui/use-kept-form";
import { EXAM_LIMITS } from "@/domain/course-admin";
import type { ActionResult } from "@/lib/action-result";

export interface ExamSettingsValues {
  examQuestionCount: number;
  examPassScore: number;
  examTimeLimitMinutes: number;
  examMaxAttempts: number;
}

type Action = (previous: unknown, input: FormData) => Promise<ActionResult<{ courseId: string }>>;

const FIELDS: readonly {
  name: keyof ExamSettingsValues;
  label: string;
  range: { min: number; max: number };
  unit: string;
}[] = [
  { name: "examQuestionCount", label: "每份试卷题数", range: EXAM_LIMITS.questionCount, unit: "道" },
  { name: "examPassScore", label: "及格分数（满分 100）", range: EXAM_LIMITS.passScore, unit: "分" },
  { name: "examTimeLimitMinutes", label: "考试时长（分钟）", range: EXAM_LIMITS.timeLimitMinutes, unit: "分钟" },
  { name: "examMaxAttempts", label: "考试次数", range: EXAM_LIMITS.maxAttempts, unit: "次" },
];

/** 考试规则 of a course (city administrators; others see the figures on the page). */
export function ExamSettingsForm({
  action,
  courseId,
  values,
  activeQuestionCount,
}: {
  action: Action;
  courseId: string;
  values: ExamSettingsValues;
  activeQuestionCount: number;
}) {
  const { state, pending, errors, formAction, onSubmit } = useKeptForm(action);
  return (
    <form action={formAction} onSubmit={onSubmit} className="space-y-5" noValidate>
      <FormAlert state={state} />
      <input type="hidden" name="courseId" value={courseId} />
      <div className="grid gap-5 sm:grid-cols-2">
        {FIELDS.map(({ name, label, range, unit }) => (
          <TextField
            key={name}
            name={name}
            label={label}
            type="number"
            inputMode="numeric"
            min={range.min}
            max={range.max}
            step={1}
            required
            hint={`${range.min}–${range.max} ${unit}`}
            defaultValue={values[name]}
            errors={errors?.[name]}
          />
        ))}
      </div>
      {values.examQuestionCount > activeQuestionCount ? (
        <p className="text-sm text-amber-800">
          题库中启用的题目（{activeQuestionCount} 道）少于每份试卷题数，试卷将包含全部启用的题目。
        </p>
      ) : null}
      <p className="text-xs text-slate-500">修改后对之后开始的考试生效；考试次数用完仍未通过的学员须重新学习课程。</p>
      <div className="flex items-center gap-4">
        <Button type="submit" disabled={pending}>
          {pending ? "正在保存…" : "保存考试规则"}
        </Button>
        <SavedNotice show={Boolean(state?.ok)} />
      </div>
    </form>
  );
}
