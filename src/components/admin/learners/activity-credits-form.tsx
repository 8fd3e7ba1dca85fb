"use client";

import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { SavedNotice } from "@/components/ui/saved-notice";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { TextareaField } from "@/components/ui/textarea-field";
import { useKeptForm } from "@/components/ui/use-kept-form";
import {
  ACTIVITY_TYPE_RULES,
  ACTIVITY_TYPES,
  CREDIT_CATEGORIES,
  CREDIT_CATEGORY_LABELS,
  defaultActivityCredits,
  type ActivityType,
} from "@/domain/credits";
import { recordLearnerActivityByStaff } from "@/server/actions/learners";

const FORM = "activity";

function isActivityType(value: string): value is ActivityType {
  return ACTIVITY_TYPES.some((type) => type === value);
}

/**
 * Credits for continuing education outside the portal, in the year it took place. Credits are
 * prefilled from the activity type (per day for conferences) and may be changed.
 */
export function ActivityCreditsForm({
  learnerId,
  years,
  idempotencyKey,
}: {
  learnerId: string;
  years: readonly number[];
  idempotencyKey: string;
}) {
  const { state, pending, errors, formAction, onSubmit } = useKeptForm(recordLearnerActivityByStaff);
  const [type, setType] = useState<ActivityType>("QUALIFICATION_EXAM");
  const [days, setDays] = useState("");
  const [credits, setCredits] = useState(String(defaultActivityCredits("QUALIFICATION_EXAM") ?? ""));
  const form = useRef<HTMLFormElement>(null);
  // After a recorded entry, start over: state is reset while rendering (React's pattern for
  // state derived from a change), the uncontrolled fields by the form's own reset.
  const [handled, setHandled] = useState(state);
  if (state !== handled) {
    setHandled(state);
    if (state?.ok) {
      setType("QUALIFICATION_EXAM");
      setDays("");
      setCredits(String(defaultActivityCredits("QUALIFICATION_EXAM") ?? ""));
    }
  }
  useEffect(() => {
    if (state?.ok) form.current?.reset();
  }, [state]);

  const prefill = (nextType: ActivityType, nextDays: string) => {
    const value = defaultActivityCredits(nextType, nextDays === "" ? undefined : Number(nextDays));
    setCredits(value === null ? "" : String(value));
  };
  const conference = ACTIVITY_TYPE_RULES[type].creditsPerDay !== null;
  return (
    <form ref={form} action={formAction} onSubmit={onSubmit} className="grid gap-4 sm:grid-cols-2" noValidate>
      <input type="hidden" name="learnerId" value={learnerId} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <div className="empty:hidden sm:col-span-2">
        <FormAlert state={state} />
      </div>
      <SelectField
        idPrefix={FORM}
        name="activityType"
        label="继续教育形式"
        className="sm:col-span-2"
        value={type}
        onChange={(e) => {
          if (!isActivityType(e.target.value)) return;
          setType(e.target.value);
          prefill(e.target.value, days);
        }}
        errors={errors?.activityType}
      >
        {ACTIVITY_TYPES.map((t) => (
          <option key={t} value={t}>
            {ACTIVITY_TYPE_RULES[t].label}
          </option>
        ))}
      </SelectField>
      <SelectField
        idPrefix={FORM}
        name="year"
        label="计入年度"
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
      {conference ? (
        <TextField
          idPrefix={FORM}
          name="days"
          label="会议天数"
          inputMode="numeric"
          value={days}
          onChange={(e) => {
            setDays(e.target.value);
            prefill(type, e.target.value);
          }}
          errors={errors?.days}
        />
      ) : null}
      <TextField
        idPrefix={FORM}
        name="credits"
        label="学分"
        inputMode="numeric"
        value={credits}
        onChange={(e) => setCredits(e.target.value)}
        hint="已按规定自动填写，可修改"
        errors={errors?.credits}
      />
      <TextareaField
        idPrefix={FORM}
        name="note"
        label="说明"
        className="sm:col-span-2"
        maxLength={500}
        hint="如会议名称、论文题目、考试科目"
        errors={errors?.note}
      />
      <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
        <Button type="submit" disabled={pending}>
          {pending ? "正在登记…" : "登记学分"}
        </Button>
        <SavedNotice show={Boolean(state?.ok)}>
          {state?.ok ? `已登记 ${state.data.year} 年度 ${state.data.credits} 学分` : null}
        </SavedNotice>
      </div>
    </form>
  );
}
