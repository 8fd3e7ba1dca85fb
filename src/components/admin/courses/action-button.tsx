"use client";

import { Button } from "@/components/ui/button";
import { useKeptForm } from "@/components/ui/use-kept-form";
import type { ActionResult } from "@/lib/action-result";

type Action = (previous: unknown, input: FormData) => Promise<ActionResult<unknown>>;

/**
 * One button that runs one server action with fixed fields (publish, retire, move, delete…),
 * asking first when `confirm` is set, and showing the refusal next to the button.
 */
export function ActionButton({
  action,
  fields,
  label,
  pendingLabel,
  confirm,
  variant = "secondary",
  accessibleLabel,
}: {
  action: Action;
  fields: Record<string, string>;
  label: string;
  pendingLabel?: string;
  confirm?: string;
  variant?: "primary" | "secondary" | "ghost";
  /** When the visible label alone is ambiguous in a list (上移 of which lesson). */
  accessibleLabel?: string;
}) {
  const { state, pending, formAction, onSubmit } = useKeptForm(action);
  return (
    <form
      action={formAction}
      onSubmit={(event) => {
        if (confirm && !window.confirm(confirm)) {
          event.preventDefault();
          return;
        }
        onSubmit(event);
      }}
      className="inline-block"
    >
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Button
        type="submit"
        variant={variant}
        disabled={pending}
        aria-label={accessibleLabel}
        className="px-3 py-1.5 text-sm"
      >
        {pending ? (pendingLabel ?? "处理中…") : label}
      </Button>
      {state && !state.ok ? (
        <p role="alert" className="mt-1 max-w-md text-sm text-red-700">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
