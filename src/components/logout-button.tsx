"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/action-result";
import { logout } from "@/server/actions/session";

export function LogoutButton() {
  const [, formAction, pending] = useActionState<ActionResult | null, FormData>(logout, null);
  return (
    <form action={formAction}>
      <button
        type="submit"
        disabled={pending}
        className="rounded px-3 py-2 text-sm ring-1 ring-white/30 hover:bg-white/10"
      >
        退出
      </button>
    </form>
  );
}
