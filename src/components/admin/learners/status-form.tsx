"use client";

import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { TextField } from "@/components/ui/text-field";
import { useKeptForm } from "@/components/ui/use-kept-form";
import { setLearnerStatusByStaff } from "@/server/actions/learners";

/**
 * Disable (the learner can no longer log in, and an open session ends at its next request) or
 * re-enable. The reason goes into the audit log.
 */
export function LearnerStatusForm({ learnerId, status }: { learnerId: string; status: "ACTIVE" | "DISABLED" }) {
  const { state, pending, errors, formAction, onSubmit } = useKeptForm(setLearnerStatusByStaff);
  const disabling = status === "ACTIVE";
  return (
    <form action={formAction} onSubmit={onSubmit} className="space-y-3" noValidate>
      <input type="hidden" name="learnerId" value={learnerId} />
      <input type="hidden" name="status" value={disabling ? "DISABLED" : "ACTIVE"} />
      <FormAlert state={state} />
      <p className="text-sm text-slate-600">
        {disabling
          ? "停用后学员不能再登录，正在学习的会话将在其下一次操作时结束；学分记录保留。"
          : "该学员已停用。恢复后学员可以重新登录学习。"}
      </p>
      <TextField
        idPrefix="status"
        name="reason"
        label={disabling ? "停用原因" : "恢复原因（选填）"}
        maxLength={200}
        errors={errors?.reason}
      />
      <Button type="submit" variant={disabling ? "secondary" : "primary"} disabled={pending}>
        {pending ? "正在处理…" : disabling ? "停用该学员" : "恢复启用"}
      </Button>
    </form>
  );
}
