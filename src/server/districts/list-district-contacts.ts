import "server-only";
import type { DistrictKind } from "@/generated/prisma/enums";
import { getDb } from "@/server/db";

export interface DistrictContact {
  id: number;
  name: string;
  kind: DistrictKind;
  officeName: string;
  phone: string;
  address: string;
  hours: string;
}

/** The contact table shown to learners: the city office first, then districts and zones. */
export function listDistrictContacts(): Promise<DistrictContact[]> {
  return getDb().district.findMany({
    orderBy: { sortOrder: "asc" },
    select: { id: true, name: true, kind: true, officeName: true, phone: true, address: true, hours: true },
  });
}
