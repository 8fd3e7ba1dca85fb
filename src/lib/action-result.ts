import type { FieldErrors } from "./errors";

/** The one result shape of every form action, consumed with useActionState. */
export type ActionResult<T = void> =
  { ok: true; data: T } | { ok: false; code: string; message: string; fieldErrors?: FieldErrors };
