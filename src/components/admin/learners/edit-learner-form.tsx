"use client";

import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { SavedNotice } from "@/components/ui/saved-notice";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { useKeptForm } from "@/components/ui/use-kept-form";
import { QUALIFICATION_LABELS, QUALIFICATIONS, type QualificationLevel } from "@/domain/learners";
import { updateLearnerByStaff } from "@/server/actions/learners";

const FORM = "edit";

/** Name, employer, qualification, mobile and start year; the ID number is not editable. */
export function EditLearnerForm({
  learner,
}: {
  learner: {
    id: string;
    name: string;
    employer: string;
    qualification: QualificationLevel;
    mobile: string | null;
    startYear: number;
  };
}) {
  const { state, pending, errors, formAction, onSubmit } = useKeptForm(updateLearnerByStaff);
  return (
    <form action={formAction} onSubmit={onSubmit} className="grid gap-4 sm:grid-cols-2" noValidate>
      <input type="hidden" name="learnerId" value={learner.id} />
      <div className="empty:hidden sm:col-span-2">
        <FormAlert state={state} />
      </div>
      <TextField
        idPrefix={FORM}
        name="name"
        label="姓名"
        defaultValue={learner.name}
        maxLength={60}
        errors={errors?.name}
      />
      <TextField
        idPrefix={FORM}
        name="employer"
        label="工作单位"
        defaultValue={learner.employer}
        maxLength={100}
        errors={errors?.employer}
      />
      <SelectField
        idPrefix={FORM}
        name="qualification"
        label="会计专业技术资格"
        defaultValue={learner.qualification}
        errors={errors?.qualification}
      >
        {QUALIFICATIONS.map((q) => (
          <option key={q} value={q}>
            {QUALIFICATION_LABELS[q]}
          </option>
        ))}
      </SelectField>
      <TextField
        idPrefix={FORM}
        name="mobile"
        label="手机号码"
        type="tel"
        defaultValue={learner.mobile ?? ""}
        maxLength={20}
        errors={errors?.mobile}
      />
      <TextField
        idPrefix={FORM}
        name="startYear"
        label="起始年度"
        inputMode="numeric"
        maxLength={4}
        defaultValue={learner.startYear}
        errors={errors?.startYear}
      />
      <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
        <Button type="submit" disabled={pending}>
          {pending ? "正在保存…" : "保存修改"}
        </Button>
        <SavedNotice show={Boolean(state?.ok)}>
          {state?.ok && state.data.changed ? "已保存" : "没有需要保存的修改"}
        </SavedNotice>
      </div>
      <p className="text-xs leading-relaxed text-slate-500 sm:col-span-2">
        身份证号不能修改。如身份证号登记有误，请停用该学员，再以正确的身份证号重新进行信息采集。
      </p>
    </form>
  );
}
