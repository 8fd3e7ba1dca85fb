"use client";

import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { SavedNotice } from "@/components/ui/saved-notice";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { useKeptForm } from "@/components/ui/use-kept-form";
import { createStaffByAdmin } from "@/server/actions/staff";

const FORM = "new-staff";

/** A new staff account with an initial password, which the holder must change at first sign-in. */
export function CreateStaffForm({ districts }: { districts: { id: number; name: string }[] }) {
  const { state, pending, errors, formAction, onSubmit } = useKeptForm(createStaffByAdmin);
  const [role, setRole] = useState("DISTRICT_ADMIN");
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok) form.current?.reset();
  }, [state]);
  return (
    <form
      ref={form}
      action={formAction}
      onSubmit={onSubmit}
      className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3"
      noValidate
    >
      <div className="empty:hidden sm:col-span-2 lg:col-span-3">
        <FormAlert state={state} />
      </div>
      <TextField
        idPrefix={FORM}
        name="username"
        label="用户名"
        autoComplete="off"
        maxLength={32}
        hint="小写字母开头，3-32位"
        errors={errors?.username}
      />
      <TextField
        idPrefix={FORM}
        name="displayName"
        label="姓名"
        autoComplete="off"
        maxLength={50}
        errors={errors?.displayName}
      />
      <SelectField
        idPrefix={FORM}
        name="role"
        label="角色"
        value={role}
        onChange={(e) => setRole(e.target.value)}
        errors={errors?.role}
      >
        <option value="DISTRICT_ADMIN">区财政局管理员</option>
        <option value="CITY_ADMIN">市会计考办管理员</option>
        <option value="SUPPORT">技术支持</option>
      </SelectField>
      <SelectField
        idPrefix={FORM}
        name="districtId"
        label="所属区"
        defaultValue=""
        disabled={role !== "DISTRICT_ADMIN"}
        hint={role === "DISTRICT_ADMIN" ? undefined : "仅区财政局管理员需要"}
        errors={errors?.districtId}
      >
        <option value="">{role === "DISTRICT_ADMIN" ? "请选择" : "—"}</option>
        {districts.map((d) => (
          <option key={d.id} value={d.id}>
            {d.name}
          </option>
        ))}
      </SelectField>
      <TextField
        idPrefix={FORM}
        name="password"
        label="初始密码"
        type="password"
        autoComplete="new-password"
        hint="至少12个字符；对方首次登录须修改"
        errors={errors?.password}
      />
      <TextField
        idPrefix={FORM}
        name="confirmPassword"
        label="再次输入初始密码"
        type="password"
        autoComplete="new-password"
        errors={errors?.confirmPassword}
      />
      <div className="flex flex-wrap items-center gap-3 sm:col-span-2 lg:col-span-3">
        <Button type="submit" disabled={pending}>
          {pending ? "正在创建…" : "创建账号"}
        </Button>
        <SavedNotice show={Boolean(state?.ok)}>
          {state?.ok ? `已创建账号 ${state.data.username}，请将初始密码当面或电话告知本人` : null}
        </SavedNotice>
      </div>
    </form>
  );
}
