"use client";

import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { SavedNotice } from "@/components/ui/saved-notice";
import { SelectField } from "@/components/ui/select-field";
import { useKeptForm } from "@/components/ui/use-kept-form";
import { transferLearnerByStaff } from "@/server/actions/learners";

/** 跨区转移 (city office only): the learner's records move with them. */
export function TransferForm({
  learnerId,
  currentDistrictId,
  districts,
}: {
  learnerId: string;
  currentDistrictId: number;
  districts: { id: number; name: string }[];
}) {
  const { state, pending, errors, formAction, onSubmit } = useKeptForm(transferLearnerByStaff);
  return (
    <form action={formAction} onSubmit={onSubmit} className="space-y-3" noValidate>
      <input type="hidden" name="learnerId" value={learnerId} />
      <FormAlert state={state} />
      <SelectField idPrefix="transfer" name="districtId" label="转入的区" defaultValue="" errors={errors?.districtId}>
        <option value="" disabled>
          请选择
        </option>
        {districts
          .filter((d) => d.id !== currentDistrictId)
          .map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
      </SelectField>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "正在转移…" : "转移"}
        </Button>
        <SavedNotice show={Boolean(state?.ok)}>{state?.ok ? `已转入${state.data.districtName}` : null}</SavedNotice>
      </div>
    </form>
  );
}
