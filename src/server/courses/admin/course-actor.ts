import "server-only";
import type { StaffRole } from "@/generated/prisma/enums";
import { AppError } from "@/lib/errors";
import { ADMIN_ROLES, CITY_ONLY } from "@/server/staff/learner-scope";

/** Who acts on the catalogue, as found by the action wrapper from the session. */
export interface CourseActor {
  id: string;
  role: StaffRole;
  ip: string | null;
}

/**
 * The catalogue is shared: both kinds of administrator read it, only the city office
 * (市会计考办) changes it, support staff neither. Checked again in every data function and write,
 * whatever the page or action already checked.
 */
export function requireCourseRole(staff: { role: StaffRole }, need: "read" | "edit"): void {
  const roles: readonly StaffRole[] = need === "edit" ? CITY_ONLY : ADMIN_ROLES;
  if (!roles.includes(staff.role)) throw new AppError("FORBIDDEN", "您没有权限进行此操作");
}
