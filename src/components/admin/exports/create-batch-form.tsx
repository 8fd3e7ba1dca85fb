"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import type { ActionResult } from "@/lib/action-result";
import { createExportBatchAction } from "@/server/actions/exports";

type Result = ActionResult<{ batchId: number | null; year: number; rowCount: number }>;

/** The city office's button: a batch of the chosen year, now (besides the nightly one). */
export function CreateBatchForm({ years, defaultYear }: { years: readonly number[]; defaultYear: number }) {
  const [state, formAction, pending] = useActionState<Result | null, FormData>(createExportBatchAction, null);
  const router = useRouter();
  useEffect(() => {
    // The list below is rendered on the server: fetch it again to show the new batch.
    if (state?.ok) router.refresh();
  }, [state, router]);
  const yearError = state && !state.ok ? state.fieldErrors?.year : undefined;
  return (
    <form action={formAction} className="space-y-3 rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
      <h2 className="text-lg font-semibold">生成报送批次</h2>
      <p className="text-sm leading-relaxed text-slate-600">
        批次包含该年度已完成、尚未报送或报送后学分有变化的全部学员。系统每天夜间也会自动生成。
      </p>
      <FormAlert state={state} />
      <div className="flex flex-wrap items-end gap-3">
        <label className="text-sm text-slate-700">
          <span className="block">年度</span>
          <select
            name="year"
            defaultValue={defaultYear}
            aria-describedby={yearError ? "year-error" : undefined}
            className="mt-1 rounded-lg border border-slate-300 bg-white px-3 py-2 text-slate-900"
          >
            {[...years].reverse().map((year) => (
              <option key={year} value={year}>
                {year} 年度
              </option>
            ))}
          </select>
        </label>
        <Button type="submit" disabled={pending}>
          {pending ? "正在生成…" : "生成批次"}
        </Button>
      </div>
      {yearError ? (
        <p id="year-error" className="text-sm text-red-700">
          {yearError.join("，")}
        </p>
      ) : null}
      <p role="status" className="text-sm text-slate-800">
        {state?.ok
          ? state.data.batchId === null
            ? `${state.data.year} 年度没有需要报送的记录。`
            : `已生成第 ${state.data.batchId} 批（${state.data.year} 年度），共 ${state.data.rowCount} 条。`
          : ""}
      </p>
    </form>
  );
}
