"use client";

import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { useKeptForm } from "@/components/ui/use-kept-form";
import { MAX_IMPORT_ROWS } from "@/domain/course-admin";
import { QUESTION_TYPE_LABELS } from "@/domain/exams";
import type { ActionResult } from "@/lib/action-result";
import type { QuestionImportResult } from "@/server/courses/admin/commit-question-import";
import type { QuestionImportPreview } from "@/server/courses/admin/preview-question-import";

type Action = (
  previous: unknown,
  input: FormData,
) => Promise<ActionResult<QuestionImportPreview | QuestionImportResult>>;

/**
 * 题库导入: choose the file, 检查文件 (dry run: every invalid row with its reasons), then 确认导入
 * of the same file (the checksum and the count checked go with it). Choosing another file
 * discards the check.
 */
export function QuestionImportForm({ action, courseId }: { action: Action; courseId: string }) {
  const { state, pending, errors, formAction, onSubmit } = useKeptForm(action);
  // The result current when another file was chosen no longer describes the chosen file.
  const [staleState, setStaleState] = useState<typeof state>(null);
  const current = state === staleState ? null : state;
  const preview = current?.ok && current.data.mode === "dry-run" ? current.data : null;
  const done = current?.ok && current.data.mode === "commit" ? current.data : null;

  return (
    <form action={formAction} onSubmit={onSubmit} className="space-y-5" noValidate>
      <FormAlert state={state} />
      <input type="hidden" name="courseId" value={courseId} />
      <div>
        <label htmlFor="field-file" className="block text-sm font-medium text-slate-800">
          题库文件（.xlsx）
        </label>
        <input
          id="field-file"
          name="file"
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-describedby={errors?.file ? "field-file-error" : "field-file-hint"}
          aria-invalid={errors?.file ? true : undefined}
          onChange={() => setStaleState(state)}
          className="mt-1 block text-sm"
        />
        <p id="field-file-hint" className="mt-1 text-xs text-slate-500">
          请使用
          <a href="/admin/courses/question-template" className="mx-1 text-brand-700 underline" download>
            题库导入模板
          </a>
          填写，每次最多 {MAX_IMPORT_ROWS} 道题，文件不超过 1 MB。
        </p>
        {errors?.file ? (
          <p id="field-file-error" className="mt-1 text-sm text-red-700">
            {errors.file.join("；")}
          </p>
        ) : null}
      </div>
      <Button type="submit" name="mode" value="dry-run" variant={preview ? "secondary" : "primary"} disabled={pending}>
        {pending ? "正在处理…" : "检查文件"}
      </Button>

      {preview ? <PreviewReport preview={preview} pending={pending} /> : null}
      {done ? (
        <div role="status" className="rounded-lg bg-emerald-50 p-4 text-sm text-emerald-900 ring-1 ring-emerald-200">
          已导入 {done.imported} 道题
          {done.skippedRows.length > 0 ? `，跳过第 ${done.skippedRows.join("、")} 行` : ""}。
          <Link href={`/admin/courses/${courseId}/questions`} className="ml-2 text-brand-700 underline">
            查看题库
          </Link>
        </div>
      ) : null}
    </form>
  );
}

function PreviewReport({ preview, pending }: { preview: QuestionImportPreview; pending: boolean }) {
  if (preview.fileProblem) {
    return (
      <p role="alert" className="rounded-lg bg-red-50 p-4 text-sm text-red-800 ring-1 ring-red-200">
        {preview.fileProblem}
      </p>
    );
  }
  return (
    <section
      aria-labelledby="import-check-title"
      className="space-y-4 rounded-xl bg-slate-50 p-4 ring-1 ring-slate-200"
    >
      <h2 id="import-check-title" className="font-semibold text-slate-900">
        检查结果
      </h2>
      <p role="status" className="text-sm text-slate-800">
        可以导入 {preview.validCount} 道题
        {preview.invalid.length > 0 ? `；${preview.invalid.length} 行有问题，不会导入` : "；没有发现问题"}。
      </p>
      {preview.invalid.length > 0 ? (
        <table className="w-full text-left text-sm">
          <caption className="sr-only">有问题的行</caption>
          <thead>
            <tr className="text-slate-600">
              <th scope="col" className="w-20 py-1">
                行号
              </th>
              <th scope="col" className="py-1">
                原因
              </th>
            </tr>
          </thead>
          <tbody>
            {preview.invalid.map((row) => (
              <tr key={row.rowNumber} className="border-t border-slate-200 align-top">
                <td className="py-1">第 {row.rowNumber} 行</td>
                <td className="py-1 text-red-800">{row.reasons.join("；")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {preview.valid.length > 0 ? (
        <details className="text-sm">
          <summary className="cursor-pointer text-slate-700">查看可以导入的题目</summary>
          <ol className="mt-2 space-y-1 text-slate-700">
            {preview.valid.map((row) => (
              <li key={row.rowNumber}>
                第 {row.rowNumber} 行 · {QUESTION_TYPE_LABELS[row.type]} · {row.stem}
              </li>
            ))}
          </ol>
          {preview.validCount > preview.valid.length ? (
            <p className="mt-1 text-slate-500">……共 {preview.validCount} 道</p>
          ) : null}
        </details>
      ) : null}
      {preview.validCount > 0 ? (
        <>
          <input type="hidden" name="checksum" value={preview.checksum} />
          <input type="hidden" name="expectedCount" value={preview.validCount} />
          <Button type="submit" name="mode" value="commit" disabled={pending}>
            确认导入 {preview.validCount} 道题
          </Button>
        </>
      ) : null}
    </section>
  );
}
