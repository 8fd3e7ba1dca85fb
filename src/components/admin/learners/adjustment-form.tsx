"use client";

import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { SavedNotice } from "@/components/ui/saved-notice";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { TextareaField } from "@/components/ui/textarea-field";
import { useKeptForm } from "@/components/ui/use-kept-form";
import { CREDIT_CATEGORIES, CREDIT_CATEGORY_LABELS } from "@/domain/credits";
import { recordLearnerAdjustmentByStaff } from "@/server/actions/learners";

const FORM = "adjustment";

/**
 * A compensating entry: the ledger is never edited, a mistake is corrected by adding (positive)
 * or reversing (negative) credits, always with a reason.
 */
export function AdjustmentForm({
  learnerId,
  years,
  idempotencyKey,
}: {
  learnerId: string;
  years: readonly number[];
  idempotencyKey: string;
}) {
  const { state, pending, errors, formAction, onSubmit } = useKeptForm(recordLearnerAdjustmentByStaff);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok) form.current?.reset();
  }, [state]);
  return (
    <form ref={form} action={formAction} onSubmit={onSubmit} className="grid gap-4 sm:grid-cols-3" noValidate>
      <input type="hidden" name="learnerId" value={learnerId} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <div className="empty:hidden sm:col-span-3">
        <FormAlert state={state} />
      </div>
      <SelectField
        idPrefix={FORM}
        name="year"
        label="年度"
        defaultValue={years[years.length - 1]}
        errors={errors?.year}
      >
        {[...years].reverse().map((y) => (
          <option key={y} value={y}>
            {y} 年度
          </option>
        ))}
      </SelectField>
      <SelectField
        idPrefix={FORM}
        name="category"
        label="科目类别"
        defaultValue="PROFESSIONAL"
        errors={errors?.category}
      >
        {CREDIT_CATEGORIES.map((c) => (
          <option key={c} value={c}>
            {CREDIT_CATEGORY_LABELS[c]}
          </option>
        ))}
      </SelectField>
      <TextField
        idPrefix={FORM}
        name="credits"
        label="调整学分"
        inputMode="numeric"
        hint="增加填正数，扣减填负数，如 -10"
        errors={errors?.credits}
      />
      <TextareaField
        idPrefix={FORM}
        name="reason"
        label="调整原因"
        required
        className="sm:col-span-3"
        maxLength={500}
        errors={errors?.reason}
      />
      <div className="flex flex-wrap items-center gap-3 sm:col-span-3">
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "正在保存…" : "记录调整"}
        </Button>
        <SavedNotice show={Boolean(state?.ok)}>
          {state?.ok
            ? `已记录 ${state.data.year} 年度 ${state.data.credits > 0 ? "+" : ""}${state.data.credits} 学分`
            : null}
        </SavedNotice>
      </div>
    </form>
  );
}
