import "server-only";
import { getDb } from "@/server/db";

/** The contact table shown to learners: the city office first, then districts and zones. */
export function listDistrictContacts() {
  return getDb().district.findMany({
    orderBy: { sortOrder: "asc" },
    select: { id: true, name: true, kind: true, officeName: true, phone: true, address: true, hours: true },
  });
}
