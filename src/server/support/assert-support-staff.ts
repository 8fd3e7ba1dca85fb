import "server-only";
import { isSupportRole } from "@/domain/support/roles";
import { AppError } from "@/lib/errors";
import type { CurrentStaff } from "@/server/auth/session";

/**
 * Every support data function and action calls this first: pages and the action wrapper check
 * the role too, but a data function must not rely on its caller having done so.
 */
export function assertSupportStaff(staff: Pick<CurrentStaff, "role" | "mustChangePassword">): void {
  if (!isSupportRole(staff.role) || staff.mustChangePassword) {
    throw new AppError("FORBIDDEN", "您没有权限进行此操作");
  }
}
