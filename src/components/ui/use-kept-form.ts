"use client";

import { startTransition, useActionState, type FormEvent } from "react";
import type { ActionResult } from "@/lib/action-result";

type FormAction<T> = (previous: unknown, input: FormData) => Promise<ActionResult<T>>;

/**
 * useActionState for forms that keep what was typed: React resets a form after its action runs,
 * which would wipe the administrator's input whenever the server refuses it. Submitting through
 * onSubmit (with the clicked button's name/value) avoids the reset; `action` stays on the form
 * for the page before hydration.
 */
export function useKeptForm<T>(action: FormAction<T>) {
  const [state, dispatch, pending] = useActionState<ActionResult<T> | null, FormData>(action, null);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = event.nativeEvent instanceof SubmitEvent ? event.nativeEvent.submitter : null;
    const data = new FormData(event.currentTarget, submitter);
    startTransition(() => dispatch(data));
  };
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return { state, pending, errors, formAction: dispatch, onSubmit };
}
