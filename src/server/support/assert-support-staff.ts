import "server-only";
import { AppError, FORBIDDEN_MESSAGE } from "@/lib/errors";
import type { CurrentStaff } from "@/server/auth/session";
import { staffMay } from "@/server/policy/staff-permissions";

/**
 * Every support data function and action calls this first: pages and the action wrapper check
 * the role too, but a data function must not rely on its caller having done so.
 */
export function assertSupportStaff(staff: Pick<CurrentStaff, "role" | "mustChangePassword">): void {
  if (!staffMay(staff, "support.use") || staff.mustChangePassword) throw new AppError("FORBIDDEN", FORBIDDEN_MESSAGE);
}
