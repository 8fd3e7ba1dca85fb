"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { TextField } from "@/components/ui/text-field";
import type { ActionResult } from "@/lib/action-result";
import { changePassword } from "@/server/actions/staff-session";

export function PasswordForm() {
  const [state, formAction, pending] = useActionState<ActionResult<string> | null, FormData>(changePassword, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={formAction} className="space-y-5" noValidate>
      <FormAlert state={state} />
      <TextField
        name="currentPassword"
        label="当前密码"
        type="password"
        autoComplete="current-password"
        required
        errors={errors?.currentPassword}
      />
      <TextField
        name="newPassword"
        label="新密码"
        type="password"
        autoComplete="new-password"
        required
        hint="至少12个字符，不要使用常见密码、连续或重复的字符、用户名"
        errors={errors?.newPassword}
      />
      <TextField
        name="confirmPassword"
        label="再次输入新密码"
        type="password"
        autoComplete="new-password"
        required
        errors={errors?.confirmPassword}
      />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "正在保存…" : "修改密码"}
      </Button>
    </form>
  );
}
