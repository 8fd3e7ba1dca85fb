"use client";

import { startTransition, useActionState, type FormEvent } from "react";
import type { ActionResult } from "@/lib/action-result";

type FormAction<T> = (previous: unknown, input: FormData) => Promise<ActionResult<T>>;

/**
 * useActionState for forms that keep what was typed. React resets a form after its action runs,
 * which would wipe the administrator's input whenever the server refuses it; submitting through
 * onSubmit (with the clicked button's name and value) does not. `formAction` stays on the form so
 * that it also works before hydration.
 */
export function useKeptForm<T>(action: FormAction<T>) {
  const [state, formAction, pending] = useActionState<ActionResult<T> | null, FormData>(action, null);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = event.nativeEvent instanceof SubmitEvent ? event.nativeEvent.submitter : null;
    const data = new FormData(event.currentTarget, submitter);
    startTransition(() => formAction(data));
  };
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return { state, pending, errors, formAction, onSubmit };
}
