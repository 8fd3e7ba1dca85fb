"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { useKeptForm } from "@/components/ui/use-kept-form";
import { QUALIFICATION_LABELS, QUALIFICATIONS } from "@/domain/learners";
import { registerLearnerByStaff } from "@/server/actions/learners";
import { IdNumberPreview } from "./id-number-preview";

const FORM = "register";

/**
 * 信息采集: one learner. A district bureau's district is fixed (the server checks it again); the
 * city office chooses among districts and zones.
 */
export function RegisterLearnerForm({
  districts,
  defaultStartYear,
}: {
  districts: { id: number; name: string }[];
  defaultStartYear: number;
}) {
  const { state, pending, errors, formAction, onSubmit } = useKeptForm(registerLearnerByStaff);
  const [idNumber, setIdNumber] = useState("");
  const only = districts.length === 1 ? districts[0] : undefined;
  return (
    <form action={formAction} onSubmit={onSubmit} className="grid gap-5 sm:grid-cols-2" noValidate>
      <div className="empty:hidden sm:col-span-2">
        <FormAlert state={state} />
      </div>
      <div className="sm:col-span-2">
        <TextField
          idPrefix={FORM}
          name="idNumber"
          label="身份证号"
          required
          autoComplete="off"
          spellCheck={false}
          maxLength={40}
          value={idNumber}
          onChange={(e) => setIdNumber(e.target.value)}
          errors={errors?.idNumber}
          describedBy={`${FORM}-idNumber-preview`}
          hint="身份证号登记后不能修改，请与证件仔细核对。"
        />
        <IdNumberPreview id={`${FORM}-idNumber-preview`} value={idNumber} />
      </div>
      <TextField
        idPrefix={FORM}
        name="name"
        label="姓名"
        required
        autoComplete="off"
        maxLength={60}
        errors={errors?.name}
      />
      {only ? (
        <div>
          <p className="block text-sm font-medium text-slate-800">所属区</p>
          <p className="mt-1 rounded-lg bg-slate-100 px-3 py-2 text-base text-slate-800">{only.name}</p>
          <input type="hidden" name="districtId" value={only.id} />
          {errors?.districtId ? <p className="mt-1 text-sm text-red-700">{errors.districtId.join("；")}</p> : null}
        </div>
      ) : (
        <SelectField
          idPrefix={FORM}
          name="districtId"
          label="所属区"
          required
          defaultValue=""
          errors={errors?.districtId}
        >
          <option value="" disabled>
            请选择
          </option>
          {districts.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </SelectField>
      )}
      <TextField
        idPrefix={FORM}
        name="employer"
        label="工作单位"
        required
        maxLength={100}
        className="sm:col-span-2"
        errors={errors?.employer}
      />
      <SelectField
        idPrefix={FORM}
        name="qualification"
        label="会计专业技术资格"
        defaultValue="NONE"
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
        name="startYear"
        label="起始年度"
        inputMode="numeric"
        maxLength={4}
        defaultValue={defaultStartYear}
        hint="开始参加继续教育的年度，默认当年"
        errors={errors?.startYear}
      />
      <TextField
        idPrefix={FORM}
        name="mobile"
        label="手机号码（选填）"
        type="tel"
        inputMode="numeric"
        autoComplete="off"
        maxLength={20}
        errors={errors?.mobile}
      />
      <div className="flex items-end sm:col-span-2">
        <Button type="submit" disabled={pending}>
          {pending ? "正在登记…" : "登记学员"}
        </Button>
      </div>
    </form>
  );
}
