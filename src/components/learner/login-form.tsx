"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import type { ActionResult } from "@/lib/action-result";
import { loginLearner } from "@/server/actions/session";

export function LoginForm() {
  const [state, formAction, pending] = useActionState<ActionResult<void> | null, FormData>(loginLearner, null);
  // Controlled, so that a refused attempt keeps what was typed.
  const [idNumber, setIdNumber] = useState("");
  const [name, setName] = useState("");
  const failed = state && !state.ok ? state : null;
  const fieldErrors = failed?.fieldErrors;
  const formMessage = failed && !fieldErrors ? failed : null;

  return (
    <form action={formAction} className="space-y-5" noValidate>
      {formMessage ? (
        <div role="alert" className="rounded-lg bg-red-50 p-4 text-sm leading-relaxed text-red-800 ring-1 ring-red-200">
          <p>{formMessage.message}</p>
          {formMessage.code === "LOGIN_FAILED" ? (
            <p className="mt-2">
              <Link href="/help/contacts" className="font-medium underline underline-offset-2">
                查看各区财政局联系方式
              </Link>
            </p>
          ) : null}
        </div>
      ) : null}
      <TextField
        name="idNumber"
        label="身份证号"
        autoComplete="off"
        inputMode="text"
        spellCheck={false}
        maxLength={30}
        required
        value={idNumber}
        onChange={(e) => setIdNumber(e.target.value)}
        hint="18位身份证号，最后一位可以是X"
        errors={fieldErrors?.idNumber}
      />
      <TextField
        name="name"
        label="姓名"
        autoComplete="name"
        maxLength={60}
        required
        value={name}
        onChange={(e) => setName(e.target.value)}
        errors={fieldErrors?.name}
      />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "正在登录…" : "登录"}
      </Button>
    </form>
  );
}
