import "server-only";
import type { StaffRole } from "@/generated/prisma/enums";
import { requireStaffPermission } from "@/server/policy/staff-permissions";

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
  requireStaffPermission(staff, need === "edit" ? "catalogue.edit" : "catalogue.read");
}
