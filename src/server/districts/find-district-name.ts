import "server-only";
import { getDb } from "@/server/db";

/** A district's name, or null for an unknown id. */
export async function findDistrictName(districtId: number): Promise<string | null> {
  const district = await getDb().district.findUnique({ where: { id: districtId }, select: { name: true } });
  return district?.name ?? null;
}
