import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { ActorType, AuditOutcome } from "@/generated/prisma/enums";
import type { CurrentStaff } from "@/server/auth/session";
import type { Db } from "@/server/db";
import type { AuditCursor } from "./audit-cursor";

export interface AuditRow {
  id: bigint;
  at: Date;
  actorType: ActorType;
  actorId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  outcome: AuditOutcome;
  details: unknown;
}

/** Where a page lies: entries older than a cursor, newer than one, or before a time (exclusive). */
export type AuditBound = { older: AuditCursor } | { newer: AuditCursor } | { before: Date } | null;

const COLUMNS = Prisma.sql`"id", "at", "actorType", "actorId", "action", "targetType", "targetId", "ip", "outcome", "details"`;

function boundSql(bound: AuditBound): Prisma.Sql {
  if (bound === null) return Prisma.sql`TRUE`;
  // The plain "at" comparison lets an index of (x, at) that has no id (the filters') start there.
  if ("older" in bound) {
    const { at, id } = bound.older;
    return Prisma.sql`"at" <= ${at} AND ("at", "id") < (${at}, ${id})`;
  }
  if ("newer" in bound) {
    const { at, id } = bound.newer;
    return Prisma.sql`"at" >= ${at} AND ("at", "id") > (${at}, ${id})`;
  }
  return Prisma.sql`"at" < ${bound.before}`;
}

/**
 * The ways a reader may see entries, each one condition an index serves in the log's order.
 * The city office: everything. A district bureau: entries about its learners and its contact
 * row (by the entry's district, ADR 0025), and its own actions; never another district's learners
 * nor other staff's sign-ins. Support: nothing.
 */
function visibilityBranches(staff: Pick<CurrentStaff, "id" | "role" | "districtId">): Prisma.Sql[] {
  if (staff.role === "CITY_ADMIN") return [Prisma.sql`TRUE`];
  if (staff.role !== "DISTRICT_ADMIN" || staff.districtId === null) return [];
  return [
    Prisma.sql`"districtId" = ${staff.districtId} AND "targetType" IN ('Learner', 'District')`,
    Prisma.sql`"actorType" = 'STAFF' AND "actorId" = ${staff.id}`,
  ];
}

/**
 * Up to `limit` entries the staff member may see, matching `conditions`, beyond `bound`: newest
 * first, or nearest first for `newer` (the caller turns those round). Keyset only, no OFFSET:
 * each branch walks its index from the bound and stops after `limit` rows, so a page costs the
 * same at the log's end as at its start. Two branches (a district's) are each limited, then merged.
 */
export async function readAuditPage(
  db: Db,
  staff: Pick<CurrentStaff, "id" | "role" | "districtId">,
  conditions: Prisma.Sql[],
  bound: AuditBound,
  limit: number,
): Promise<AuditRow[]> {
  const [only, ...more] = visibilityBranches(staff);
  if (!only) return [];
  const order = bound !== null && "newer" in bound ? Prisma.sql`"at" ASC, "id" ASC` : Prisma.sql`"at" DESC, "id" DESC`;
  const where = (branch: Prisma.Sql) => Prisma.join([branch, ...conditions, boundSql(bound)], " AND ");
  if (more.length === 0) {
    return db.$queryRaw<AuditRow[]>`
      SELECT ${COLUMNS} FROM "AuditLog" WHERE ${where(only)} ORDER BY ${order} LIMIT ${limit}`;
  }
  const ids = [only, ...more].map(
    (branch) => Prisma.sql`(SELECT "id" FROM "AuditLog" WHERE ${where(branch)} ORDER BY ${order} LIMIT ${limit})`,
  );
  return db.$queryRaw<AuditRow[]>`
    SELECT ${COLUMNS} FROM "AuditLog" WHERE "id" IN (${Prisma.join(ids, " UNION ALL ")})
    ORDER BY ${order} LIMIT ${limit}`;
}
