import "server-only";
import type { CurrentStaff } from "@/server/auth/session";
import { getDb } from "@/server/db";

/** Every staff account, for the city office's staff management; nobody else sees the list. */
export function listStaff(staff: Pick<CurrentStaff, "role">) {
  if (staff.role !== "CITY_ADMIN") return Promise.resolve([]);
  return getDb().staffUser.findMany({
    orderBy: [{ active: "desc" }, { role: "asc" }, { username: "asc" }],
    select: {
      id: true,
      username: true,
      displayName: true,
      role: true,
      active: true,
      mustChangePassword: true,
      createdAt: true,
      district: { select: { name: true } },
    },
  });
}
