"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { useKeptForm } from "@/components/ui/use-kept-form";
import { endStaffSessionsByAdmin, resetStaffPasswordByAdmin, setStaffActiveByAdmin } from "@/server/actions/staff";

/**
 * Deactivate / reactivate an account, end its sessions (each stops at its next request), and reset
 * its password (forcing a change at sign-in).
 */
export function StaffRowActions({ staff }: { staff: { id: string; username: string; active: boolean } }) {
  const active = useKeptForm(setStaffActiveByAdmin);
  const reset = useKeptForm(resetStaffPasswordByAdmin);
  const end = useKeptForm(endStaffSessionsByAdmin);
  const [resetting, setResetting] = useState(false);
  // A successful reset closes the password field (state adjusted while rendering, not in an effect).
  const [handled, setHandled] = useState(reset.state);
  if (reset.state !== handled) {
    setHandled(reset.state);
    if (reset.state?.ok) setResetting(false);
  }
  const message = [active.state, reset.state, end.state].map((s) => (s && !s.ok ? s.message : null)).find(Boolean);
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        <form action={active.formAction} onSubmit={active.onSubmit}>
          <input type="hidden" name="staffId" value={staff.id} />
          <input type="hidden" name="active" value={staff.active ? "false" : "true"} />
          <Button type="submit" variant="secondary" className="px-3 py-1.5 text-sm" disabled={active.pending}>
            {staff.active ? "停用" : "恢复"}
            <span className="sr-only"> {staff.username}</span>
          </Button>
        </form>
        <form action={end.formAction} onSubmit={end.onSubmit}>
          <input type="hidden" name="staffId" value={staff.id} />
          <Button type="submit" variant="secondary" className="px-3 py-1.5 text-sm" disabled={end.pending}>
            结束登录会话<span className="sr-only"> {staff.username}</span>
          </Button>
        </form>
        <Button
          type="button"
          variant="ghost"
          className="px-3 py-1.5 text-sm"
          aria-expanded={resetting}
          aria-controls={`reset-${staff.id}`}
          onClick={() => setResetting((v) => !v)}
        >
          重置密码<span className="sr-only"> {staff.username}</span>
        </Button>
      </div>
      {resetting ? (
        <form
          id={`reset-${staff.id}`}
          action={reset.formAction}
          onSubmit={reset.onSubmit}
          className="flex flex-wrap items-end gap-2"
          noValidate
        >
          <input type="hidden" name="staffId" value={staff.id} />
          <TextField
            idPrefix={`reset-${staff.id}`}
            name="password"
            label={`${staff.username} 的临时密码`}
            type="password"
            autoComplete="new-password"
            errors={reset.errors?.password}
            className="min-w-48"
          />
          <Button type="submit" className="px-3 py-2 text-sm" disabled={reset.pending}>
            确认重置
          </Button>
        </form>
      ) : null}
      <p role="status" className="text-xs">
        {message ? (
          <span className="text-red-700">{message}</span>
        ) : reset.state?.ok ? (
          <span className="text-emerald-700">密码已重置，对方下次登录须修改</span>
        ) : end.state?.ok ? (
          <span className="text-emerald-700">
            {end.state.data.ended > 0 ? `已结束 ${end.state.data.ended} 个登录会话` : "该账号当前没有登录会话"}
          </span>
        ) : null}
      </p>
    </div>
  );
}
