import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { CurrentStaff } from "@/server/auth/session";
import { learnerScope } from "@/server/staff/learner-scope";

/**
 * learnerScope as a SQL condition on the learner alias `l`, for the aggregate queries that
 * Prisma's query API cannot express. Derived from learnerScope itself, so the two cannot
 * disagree: everything, one district, or nothing.
 */
export function completionScope(staff: Pick<CurrentStaff, "role" | "districtId">): {
  key: string;
  sql: Prisma.Sql;
} {
  const where = learnerScope(staff);
  if (Object.keys(where).length === 0) return { key: "city", sql: Prisma.sql`TRUE` };
  if (typeof where.districtId === "number") {
    return { key: `district:${where.districtId}`, sql: Prisma.sql`l."districtId" = ${where.districtId}` };
  }
  return { key: "none", sql: Prisma.sql`FALSE` };
}
