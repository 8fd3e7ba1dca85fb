"use client";

import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { SavedNotice } from "@/components/ui/saved-notice";
import { TextField } from "@/components/ui/text-field";
import { useKeptForm } from "@/components/ui/use-kept-form";
import { updateDistrictContactByStaff } from "@/server/actions/districts";

/** One district's registration-office contact, as learners see it on 联系方式. */
export function ContactForm({
  district,
}: {
  district: { id: number; name: string; officeName: string; phone: string; address: string; hours: string };
}) {
  const { state, pending, errors, formAction, onSubmit } = useKeptForm(updateDistrictContactByStaff);
  const formId = `district-${district.id}`;
  return (
    <form
      action={formAction}
      onSubmit={onSubmit}
      className="grid gap-3 sm:grid-cols-2"
      noValidate
      aria-label={`${district.name}联系方式`}
    >
      <input type="hidden" name="districtId" value={district.id} />
      <div className="empty:hidden sm:col-span-2">
        <FormAlert state={state} />
      </div>
      <TextField
        idPrefix={formId}
        name="officeName"
        label="办公机构"
        defaultValue={district.officeName}
        maxLength={50}
        errors={errors?.officeName}
      />
      <TextField
        idPrefix={formId}
        name="phone"
        label="电话"
        type="tel"
        defaultValue={district.phone}
        maxLength={60}
        errors={errors?.phone}
      />
      <TextField
        idPrefix={formId}
        name="address"
        label="地址"
        defaultValue={district.address}
        maxLength={200}
        className="sm:col-span-2"
        errors={errors?.address}
      />
      <TextField
        idPrefix={formId}
        name="hours"
        label="办公时间"
        defaultValue={district.hours}
        maxLength={100}
        className="sm:col-span-2"
        errors={errors?.hours}
      />
      <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "正在保存…" : "保存"}
          <span className="sr-only">{district.name}联系方式</span>
        </Button>
        <SavedNotice show={Boolean(state?.ok)}>
          {state?.ok && state.data.changed ? "已保存，学员端即时更新" : "没有修改"}
        </SavedNotice>
      </div>
    </form>
  );
}
