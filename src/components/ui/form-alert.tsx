import type { ActionResult } from "@/lib/action-result";

/** The form-level message of a failed action (field messages sit next to their fields). */
export function FormAlert({ state }: { state: ActionResult<unknown> | null }) {
  if (!state || state.ok || state.fieldErrors) return null;
  return (
    <div role="alert" className="rounded-lg bg-red-50 p-4 text-sm leading-relaxed text-red-800 ring-1 ring-red-200">
      {state.message}
    </div>
  );
}
