"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { SelectField } from "@/components/ui/select-field";
import { TextareaField } from "@/components/ui/textarea-field";
import { useKeptForm } from "@/components/ui/use-kept-form";
import { OPTION_LETTERS, QUESTION_LIMITS, TRUE_FALSE_LABELS } from "@/domain/course-admin";
import { QUESTION_TYPE_LABELS, type QuestionType } from "@/domain/exams";
import type { ActionResult } from "@/lib/action-result";

export interface QuestionFormValues {
  id: string;
  type: QuestionType;
  stem: string;
  explanation: string;
  options: { label: string; correct: boolean }[];
  used: boolean;
}

type Action = (previous: unknown, input: FormData) => Promise<ActionResult<unknown>>;

/**
 * 题目编辑: type, stem, options A–E with their correct flags (one for 单选/判断, several for
 * 多选), explanation. 判断题 has the fixed options 正确 / 错误.
 */
export function QuestionForm({
  action,
  courseId,
  question,
}: {
  action: Action;
  courseId: string;
  question?: QuestionFormValues;
}) {
  const { state, pending, errors, formAction, onSubmit } = useKeptForm(action);
  const [type, setType] = useState<QuestionType>(question?.type ?? "SINGLE");
  const optionErrors = [...(errors?.options ?? []), ...(errors?.correct ?? [])];
  const describedBy = optionErrors.length ? "question-options-error" : undefined;
  const initial = (index: number) => question?.options[index];

  return (
    <form action={formAction} onSubmit={onSubmit} className="space-y-5" noValidate>
      <FormAlert state={state} />
      {question?.used ? (
        <p className="rounded-lg bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-200">
          该题已用于考试试卷：保存后原题停用并保留在历史试卷中，修改后的内容作为新题加入题库。
        </p>
      ) : null}
      <input type="hidden" name="courseId" value={courseId} />
      {question ? <input type="hidden" name="questionId" value={question.id} /> : null}
      <SelectField
        name="type"
        label="题型"
        value={type}
        onChange={(event) =>
          setType(
            event.target.value === "MULTIPLE" || event.target.value === "TRUE_FALSE" ? event.target.value : "SINGLE",
          )
        }
        errors={errors?.type}
        className="max-w-xs"
      >
        {(["SINGLE", "MULTIPLE", "TRUE_FALSE"] as const).map((value) => (
          <option key={value} value={value}>
            {QUESTION_TYPE_LABELS[value]}
          </option>
        ))}
      </SelectField>
      <TextareaField
        name="stem"
        label="题干"
        required
        rows={3}
        maxLength={QUESTION_LIMITS.stemMax}
        defaultValue={question?.stem}
        errors={errors?.stem}
      />
      <fieldset aria-describedby={describedBy} className="space-y-3 rounded-lg p-4 ring-1 ring-slate-200">
        <legend className="px-1 text-sm font-medium text-slate-800">
          {type === "TRUE_FALSE"
            ? "正确答案"
            : type === "SINGLE"
              ? "选项（选中 1 个正确答案）"
              : "选项（选中 2 个或以上正确答案）"}
        </legend>
        {type === "TRUE_FALSE" ? (
          <div className="flex gap-6">
            <input type="hidden" name="optionA" value={TRUE_FALSE_LABELS[0]} />
            <input type="hidden" name="optionB" value={TRUE_FALSE_LABELS[1]} />
            {TRUE_FALSE_LABELS.map((label, index) => (
              <label key={label} className="flex items-center gap-2">
                <input
                  type="radio"
                  name="correct"
                  value={OPTION_LETTERS[index]}
                  defaultChecked={question?.type === "TRUE_FALSE" && initial(index)?.correct}
                />
                {label}
              </label>
            ))}
          </div>
        ) : (
          OPTION_LETTERS.map((letter, index) => (
            <div key={letter} className="flex items-center gap-3">
              <label htmlFor={`field-option${letter}`} className="w-12 shrink-0 text-sm font-medium text-slate-800">
                选项{letter}
              </label>
              <input
                id={`field-option${letter}`}
                name={`option${letter}`}
                maxLength={QUESTION_LIMITS.optionMax}
                defaultValue={question?.type === "TRUE_FALSE" ? "" : initial(index)?.label}
                placeholder={index >= (type === "SINGLE" ? 2 : 3) ? "选填" : undefined}
                className="block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 shadow-sm outline-none focus:border-brand-600 focus:ring-2 focus:ring-brand-600/30"
              />
              <label className="flex shrink-0 items-center gap-1 text-sm text-slate-700">
                <input
                  type={type === "SINGLE" ? "radio" : "checkbox"}
                  name="correct"
                  value={letter}
                  aria-label={`选项${letter}为正确答案`}
                  defaultChecked={question?.type !== "TRUE_FALSE" && initial(index)?.correct}
                />
                正确
              </label>
            </div>
          ))
        )}
        {describedBy ? (
          <p id={describedBy} className="text-sm text-red-700">
            {optionErrors.join("；")}
          </p>
        ) : null}
      </fieldset>
      <TextareaField
        name="explanation"
        label="解析（选填）"
        rows={3}
        maxLength={QUESTION_LIMITS.explanationMax}
        hint="交卷后向学员展示，说明正确答案的依据"
        defaultValue={question?.explanation}
        errors={errors?.explanation}
      />
      <Button type="submit" disabled={pending}>
        {pending ? "正在保存…" : question ? "保存题目" : "添加题目"}
      </Button>
    </form>
  );
}
