import "server-only";
import { getDb } from "@/server/db";

/** The districts and zones learners are registered in, for 按姓名和所在区查找 (reference data). */
export function listLookupDistricts(): Promise<{ id: number; name: string }[]> {
  return getDb().district.findMany({
    where: { kind: { in: ["DISTRICT", "ZONE"] } },
    orderBy: { sortOrder: "asc" },
    select: { id: true, name: true },
  });
}
