import "server-only";
import type { StaffRole } from "@/generated/prisma/enums";
import { getCurrentStaff, type CurrentStaff } from "@/server/auth/session";

/**
 * For route handlers (downloads): the signed-in staff member of one of `roles` with no password
 * change pending, or null (the handler answers 403). Pages redirect instead; a download cannot.
 */
export async function authorizeStaffRequest(roles: readonly StaffRole[]): Promise<CurrentStaff | null> {
  const staff = await getCurrentStaff();
  if (!staff || staff.mustChangePassword || !roles.includes(staff.role)) return null;
  return staff;
}
