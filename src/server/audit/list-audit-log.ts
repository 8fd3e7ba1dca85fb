import "server-only";
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import type { ActorType, AuditOutcome } from "@/generated/prisma/enums";
import type { CurrentStaff } from "@/server/auth/session";
import { readReport } from "@/server/read-report";
import { learnerScope } from "@/server/staff/learner-scope";

export const AUDIT_ENTRIES_PER_PAGE = 50;

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === "" || Array.isArray(v) ? undefined : v), schema.optional()).catch(undefined);
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export const ZAuditLogFilters = z.object({
  staff: optional(z.string().trim().toLowerCase().min(1).max(64)),
  learner: optional(z.string().trim().min(1).max(64)),
  action: optional(z.string().trim().min(1).max(64)),
  outcome: optional(z.enum(["SUCCESS", "FAILURE", "DENIED"])),
  from: optional(z.string().regex(DATE)),
  to: optional(z.string().regex(DATE)),
  page: optional(z.coerce.number().int().min(1).max(100_000)),
});
export type TAuditLogFilters = z.output<typeof ZAuditLogFilters>;

interface Row {
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

/**
 * What a staff member may read of the audit log. The city office: everything. A district bureau:
 * entries about learners now registered in its district, about its own district's contact row,
 * and its own actions; never another district's learners nor other staff's sign-ins. Support:
 * nothing here.
 */
function visibleTo(staff: Pick<CurrentStaff, "id" | "role" | "districtId">): Prisma.Sql {
  if (staff.role === "CITY_ADMIN") return Prisma.sql`TRUE`;
  if (staff.role !== "DISTRICT_ADMIN" || staff.districtId === null) return Prisma.sql`FALSE`;
  return Prisma.sql`(
    ("targetType" = 'Learner' AND "targetId" IN (SELECT "id" FROM "Learner" WHERE "districtId" = ${staff.districtId}))
    OR ("targetType" = 'District' AND "targetId" = ${String(staff.districtId)})
    OR ("actorType" = 'STAFF' AND "actorId" = ${staff.id}))`;
}

/** Day boundaries in Wuhan time, whatever the server's zone. */
function dayStart(date: string): Date {
  return new Date(`${date}T00:00:00+08:00`);
}

/**
 * One page of the audit log, newest first, with the filters of the browser. Paged by "is there
 * more" rather than a total count: the log grows with every login and a count would scan it.
 * On the report pool: a statement over the staff limit answers QUERY_TIMEOUT.
 */
export async function listAuditLog(staff: Pick<CurrentStaff, "id" | "role" | "districtId">, rawFilters: unknown) {
  const filters = ZAuditLogFilters.parse(rawFilters ?? {});
  const page = filters.page ?? 1;
  const conditions: Prisma.Sql[] = [visibleTo(staff)];
  if (filters.staff) {
    // Their actions, and the sign-in attempts made with their username (failed ones have no actor).
    conditions.push(Prisma.sql`(
      ("actorType" = 'STAFF' AND "actorId" IN (SELECT "id" FROM "StaffUser" WHERE "username" = ${filters.staff}))
      OR ("action" = 'staff.login' AND "targetType" = 'LoginSubject' AND "targetId" = ${filters.staff}))`);
  }
  if (filters.learner) conditions.push(Prisma.sql`"targetType" = 'Learner' AND "targetId" = ${filters.learner}`);
  if (filters.action) conditions.push(Prisma.sql`"action" = ${filters.action}`);
  if (filters.outcome) conditions.push(Prisma.sql`"outcome" = ${filters.outcome}::"AuditOutcome"`);
  if (filters.from) conditions.push(Prisma.sql`"at" >= ${dayStart(filters.from)}`);
  if (filters.to) conditions.push(Prisma.sql`"at" < ${new Date(dayStart(filters.to).getTime() + 86_400_000)}`);

  return readReport("audit.list", async (db) => {
    const rows = await db.$queryRaw<Row[]>`
    SELECT "id", "at", "actorType", "actorId", "action", "targetType", "targetId", "ip", "outcome", "details"
    FROM "AuditLog"
    WHERE ${Prisma.join(conditions, " AND ")}
    ORDER BY "at" DESC, "id" DESC
    OFFSET ${(page - 1) * AUDIT_ENTRIES_PER_PAGE} LIMIT ${AUDIT_ENTRIES_PER_PAGE + 1}`;
    const entries = rows.slice(0, AUDIT_ENTRIES_PER_PAGE);

    const staffIds = new Set<string>();
    const learnerIds = new Set<string>();
    for (const e of entries) {
      if (e.actorType === "STAFF" && e.actorId) staffIds.add(e.actorId);
      if (e.targetType === "StaffUser" && e.targetId) staffIds.add(e.targetId);
      if (e.targetType === "Learner" && e.targetId) learnerIds.add(e.targetId);
    }
    const [staffRows, learnerRows] = await Promise.all([
      staffIds.size
        ? db.staffUser.findMany({
            where: { id: { in: [...staffIds] } },
            select: { id: true, username: true, displayName: true },
          })
        : [],
      learnerIds.size
        ? db.learner.findMany({
            // Scoped too: a district's own past action may be about a learner since moved away.
            where: { id: { in: [...learnerIds] }, ...learnerScope(staff) },
            select: { id: true, name: true, idNumberMasked: true },
          })
        : [],
    ]);
    const staffById = new Map(staffRows.map((s) => [s.id, s]));
    const learnerById = new Map(learnerRows.map((l) => [l.id, l]));
    return {
      filters,
      page,
      hasNextPage: rows.length > AUDIT_ENTRIES_PER_PAGE,
      entries: entries.map((e) => ({
        ...e,
        id: e.id.toString(),
        actor: e.actorType === "STAFF" && e.actorId ? (staffById.get(e.actorId) ?? null) : null,
        targetStaff: e.targetType === "StaffUser" && e.targetId ? (staffById.get(e.targetId) ?? null) : null,
        targetLearner: e.targetType === "Learner" && e.targetId ? (learnerById.get(e.targetId) ?? null) : null,
      })),
    };
  });
}
