"use client";

import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { TextField } from "@/components/ui/text-field";
import type { ActionResult } from "@/lib/action-result";
import { loginStaff } from "@/server/actions/staff-session";

export function StaffLoginForm() {
  const [state, formAction, pending] = useActionState<ActionResult<string> | null, FormData>(loginStaff, null);
  const [username, setUsername] = useState("");
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={formAction} className="space-y-5" noValidate>
      <FormAlert state={state} />
      <TextField
        name="username"
        label="用户名"
        autoComplete="username"
        required
        value={username}
        onChange={(e) => setUsername(e.target.value)}
        errors={errors?.username}
      />
      <TextField
        name="password"
        label="密码"
        type="password"
        autoComplete="current-password"
        required
        errors={errors?.password}
      />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "正在登录…" : "登录"}
      </Button>
    </form>
  );
}
