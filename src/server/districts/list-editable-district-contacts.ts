import "server-only";
import type { CurrentStaff } from "@/server/auth/session";
import { getDb } from "@/server/db";

/**
 * The contact rows a staff member maintains: every row (the city office's included) for the city
 * office, their own district's for a district bureau, none for anyone else.
 */
export function listEditableDistrictContacts(staff: Pick<CurrentStaff, "role" | "districtId">) {
  const where =
    staff.role === "CITY_ADMIN"
      ? {}
      : staff.role === "DISTRICT_ADMIN" && staff.districtId !== null
        ? { id: staff.districtId }
        : null;
  if (!where) return Promise.resolve([]);
  return getDb().district.findMany({
    where,
    orderBy: { sortOrder: "asc" },
    select: {
      id: true,
      name: true,
      kind: true,
      officeName: true,
      phone: true,
      address: true,
      hours: true,
      updatedAt: true,
    },
  });
}
