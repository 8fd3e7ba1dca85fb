import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { CurrentStaff } from "@/server/auth/session";

/**
 * The learners a staff member may see and manage, as a `where` clause: every district for the
 * city office, their own district for a district bureau, none for anyone else. Every admin data
 * function and action puts this in its query, so that an id from another district simply finds
 * nothing.
 */
export function learnerScope(staff: Pick<CurrentStaff, "role" | "districtId">): Prisma.LearnerWhereInput {
  if (staff.role === "CITY_ADMIN") return {};
  if (staff.role === "DISTRICT_ADMIN" && staff.districtId !== null) return { districtId: staff.districtId };
  return { id: { in: [] } };
}

/** Whether the staff member administers learners of this district. */
export function managesDistrict(staff: Pick<CurrentStaff, "role" | "districtId">, districtId: number): boolean {
  return staff.role === "CITY_ADMIN" || (staff.role === "DISTRICT_ADMIN" && staff.districtId === districtId);
}

export const ADMIN_ROLES = ["CITY_ADMIN", "DISTRICT_ADMIN"] as const;
export const CITY_ONLY = ["CITY_ADMIN"] as const;
