import "server-only";
import { FORBIDDEN_MESSAGE, PASSWORD_CHANGE_REQUIRED_MESSAGE, UNAUTHENTICATED_MESSAGE } from "@/lib/errors";
import { getCurrentStaff, type CurrentStaff } from "@/server/auth/session";
import { staffMay, type StaffPermission } from "@/server/policy/staff-permissions";

export type StaffRequestAuthorization =
  | { ok: true; staff: CurrentStaff }
  | {
      ok: false;
      status: 401 | 403;
      code: "UNAUTHENTICATED" | "PASSWORD_CHANGE_REQUIRED" | "FORBIDDEN";
      message: string;
    };

/**
 * For route handlers (downloads, uploads): the signed-in staff member holding `permission` with
 * no password change pending, or why not — 401 without a staff session, 403 otherwise. Pages
 * redirect instead (`requireStaff`); a download cannot.
 */
export async function authorizeStaffRequest(permission: StaffPermission): Promise<StaffRequestAuthorization> {
  const staff = await getCurrentStaff();
  if (!staff) return { ok: false, status: 401, code: "UNAUTHENTICATED", message: UNAUTHENTICATED_MESSAGE };
  if (staff.mustChangePassword) {
    return { ok: false, status: 403, code: "PASSWORD_CHANGE_REQUIRED", message: PASSWORD_CHANGE_REQUIRED_MESSAGE };
  }
  if (!staffMay(staff, permission)) return { ok: false, status: 403, code: "FORBIDDEN", message: FORBIDDEN_MESSAGE };
  return { ok: true, staff };
}

/** A refusal as a download's answer: plain text, never cached. */
export function refusedDownload(refusal: { status: number; message: string }): Response {
  return new Response(refusal.message, {
    status: refusal.status,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
  });
}
