import "server-only";
import type { CurrentStaff } from "@/server/auth/session";
import { getDb } from "@/server/db";

/**
 * The districts where this staff member may register learners: every district and functional
 * zone for the city office (never the city row itself, which only holds its contact), their own
 * for a district bureau, none for anyone else.
 */
export function listRegistrationDistricts(staff: Pick<CurrentStaff, "role" | "districtId">) {
  const own =
    staff.role === "CITY_ADMIN"
      ? {}
      : staff.role === "DISTRICT_ADMIN" && staff.districtId !== null
        ? { id: staff.districtId }
        : null;
  if (!own) return Promise.resolve([]);
  return getDb().district.findMany({
    where: { ...own, kind: { in: ["DISTRICT", "ZONE"] } },
    orderBy: { sortOrder: "asc" },
    select: { id: true, name: true, kind: true },
  });
}
