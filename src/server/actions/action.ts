import "server-only";
import { headers } from "next/headers";
import { redirect, unstable_rethrow } from "next/navigation";
import { z } from "zod";
import type { ActionResult } from "@/lib/action-result";
import {
  AppError,
  FORBIDDEN_MESSAGE,
  GENERIC_ERROR_MESSAGE,
  PASSWORD_CHANGE_REQUIRED_MESSAGE,
  QUERY_TIMEOUT_MESSAGE,
  UNAUTHENTICATED_MESSAGE,
  type FieldErrors,
} from "@/lib/errors";
import { logger } from "@/lib/logger";
import { findUnreadableText, UNREADABLE_TEXT_MESSAGE } from "@/lib/unreadable-text";
import { getCurrentLearner, getCurrentStaff, type CurrentLearner, type CurrentStaff } from "@/server/auth/session";
import { staffMay, type StaffPermission } from "@/server/policy/staff-permissions";
import { isQueryTimeout } from "@/server/read-report";
import { clientAddress } from "@/server/request/client-address";
import { commonMessages } from "@/messages/zh-CN";

export type { ActionResult };

/** What a form sends, before validation: FormData from a form, an object from code and tests. */
export type ActionInput = FormData | Record<string, unknown>;

/** Who may call: anyone, a signed-in learner, or signed-in staff holding the permission. */
type AuthKind = "public" | "learner" | "staff";

type Context<K extends AuthKind> = { ip: string | null } & (K extends "learner"
  ? { learner: CurrentLearner }
  : K extends "staff"
    ? { staff: CurrentStaff }
    : object);

export { FORBIDDEN_MESSAGE, UNAUTHENTICATED_MESSAGE };

function toObject(input: ActionInput): Record<string, unknown> {
  if (!(input instanceof FormData)) return input;
  const object: Record<string, unknown> = {};
  for (const [key, value] of input.entries()) {
    if (key.startsWith("$ACTION")) continue; // React's own fields
    object[key] = key in object ? ([] as unknown[]).concat(object[key], value) : value;
  }
  return object;
}

function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const fieldErrors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_form";
    (fieldErrors[key] ??= []).push(issue.message);
  }
  return fieldErrors;
}

/**
 * Wraps a server action: session -> input validation -> role check -> handler -> typed result.
 * The handler receives validated input and the principal found on the server; nothing the
 * client says about who it is counts. Expected failures (AppError) become a Chinese message;
 * anything else is logged and the user sees a generic one. `after.redirectTo` is followed
 * after success, outside the try, as Next.js requires.
 */
export function action<S extends z.ZodType, K extends AuthKind, T>(
  options: {
    name: string;
    auth: K;
    /** Required with auth "staff" (src/server/policy/staff-permissions.ts): none means nobody. */
    permission?: StaffPermission;
    /** The one staff action allowed before a pending password change is done: making it. */
    allowPendingPasswordChange?: boolean;
    schema: S;
  },
  handler: (input: z.output<S>, ctx: Context<K>) => Promise<T>,
  after: { redirectTo?: (data: T) => string } = {},
) {
  return async (_previous: unknown, input: ActionInput): Promise<ActionResult<T>> => {
    let result: ActionResult<T>;
    try {
      const ip = clientAddress(await headers());
      const ctx = { ip } as Record<string, unknown>;
      if (options.auth === "learner") {
        const learner = await getCurrentLearner();
        if (!learner) return { ok: false, code: "UNAUTHENTICATED", message: UNAUTHENTICATED_MESSAGE };
        ctx.learner = learner;
      } else if (options.auth === "staff") {
        const staff = await getCurrentStaff();
        if (!staff) return { ok: false, code: "UNAUTHENTICATED", message: UNAUTHENTICATED_MESSAGE };
        if (staff.mustChangePassword && !options.allowPendingPasswordChange) {
          return { ok: false, code: "PASSWORD_CHANGE_REQUIRED", message: PASSWORD_CHANGE_REQUIRED_MESSAGE };
        }
        if (!options.permission || !staffMay(staff, options.permission)) {
          logger.warn({ action: options.name, staffId: staff.id, role: staff.role }, "action refused: role");
          return { ok: false, code: "FORBIDDEN", message: FORBIDDEN_MESSAGE };
        }
        ctx.staff = staff;
      }
      const fields = toObject(input);
      const unreadable = findUnreadableText(fields);
      if (unreadable !== null) {
        return {
          ok: false,
          code: "UNREADABLE_TEXT",
          message: UNREADABLE_TEXT_MESSAGE,
          fieldErrors: { [unreadable.split(".")[0]!]: [UNREADABLE_TEXT_MESSAGE] },
        };
      }
      const parsed = options.schema.safeParse(fields);
      if (!parsed.success) {
        return {
          ok: false,
          code: "INVALID_INPUT",
          message: commonMessages.checkInput,
          fieldErrors: fieldErrorsOf(parsed.error),
        };
      }
      result = { ok: true, data: await handler(parsed.data, ctx as Context<K>) };
    } catch (error) {
      unstable_rethrow(error);
      if (error instanceof AppError) {
        return { ok: false, code: error.code, message: error.message, fieldErrors: error.fieldErrors };
      }
      // Staff reading through an action (a lookup): a statement over its limit is said plainly
      // (ADR 0022). A learner's stays the generic failure: there is no range to narrow.
      if (options.auth === "staff" && isQueryTimeout(error)) {
        logger.warn({ action: options.name }, "action query timed out");
        return { ok: false, code: "QUERY_TIMEOUT", message: QUERY_TIMEOUT_MESSAGE };
      }
      logger.error({ err: error, action: options.name }, "action failed");
      return { ok: false, code: "INTERNAL", message: GENERIC_ERROR_MESSAGE };
    }
    if (after.redirectTo) redirect(after.redirectTo(result.data));
    return result;
  };
}
