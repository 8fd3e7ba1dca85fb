import type { AppErrorCode, FieldErrors } from "./errors";

/** The one result shape of every form action, consumed with useActionState. */
export type ActionResult<T = void> =
  { ok: true; data: T } | { ok: false; code: AppErrorCode; message: string; fieldErrors?: FieldErrors };
