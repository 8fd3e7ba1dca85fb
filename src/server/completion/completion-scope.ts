import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { CurrentStaff } from "@/server/auth/session";
import { learnerScope } from "@/server/staff/learner-scope";

/**
 * learnerScope as a SQL condition on the district column of the alias `c` (the counts of
 * readCompletionCounts). Derived from learnerScope itself, so the two cannot disagree:
 * everything, one district, or nothing.
 */
export function completionScope(staff: Pick<CurrentStaff, "role" | "districtId">): Prisma.Sql {
  const where = learnerScope(staff);
  if (Object.keys(where).length === 0) return Prisma.sql`TRUE`;
  if (typeof where.districtId === "number") return Prisma.sql`c."districtId" = ${where.districtId}`;
  return Prisma.sql`FALSE`;
}
