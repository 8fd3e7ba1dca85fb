"use client";

import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { useKeptForm } from "@/components/ui/use-kept-form";
import { findLearnerByIdNumberForStaff } from "@/server/actions/learners";

/**
 * Look-up by full ID number: posted, never put in the address (which ends up in logs and browser
 * history). A match opens the learner's page.
 */
export function FindByIdNumberForm() {
  const { state, pending, formAction, onSubmit } = useKeptForm(findLearnerByIdNumberForStaff);
  const message = state && !state.ok ? state.message : undefined;
  return (
    <form action={formAction} onSubmit={onSubmit} className="flex flex-wrap items-end gap-3" noValidate>
      <TextField
        idPrefix="find"
        name="idNumber"
        label="按身份证号查找"
        autoComplete="off"
        spellCheck={false}
        maxLength={40}
        className="min-w-0 flex-1 sm:max-w-sm"
        errors={message ? [message] : undefined}
        hint="需输入完整的18位身份证号"
      />
      <Button type="submit" variant="secondary" disabled={pending} className="mb-5">
        {pending ? "正在查找…" : "查找"}
      </Button>
    </form>
  );
}
