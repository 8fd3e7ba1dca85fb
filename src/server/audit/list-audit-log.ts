import "server-only";
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import type { CurrentStaff } from "@/server/auth/session";
import type { Db } from "@/server/db";
import { readReport } from "@/server/read-report";
import { learnerScope } from "@/server/staff/learner-scope";
import { encodeAuditCursor, MAX_AUDIT_ID, ZAuditCursor } from "./audit-cursor";
import { readAuditPage, type AuditBound, type AuditRow } from "./read-audit-page";

export const AUDIT_ENTRIES_PER_PAGE = 50;

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === "" || Array.isArray(v) ? undefined : v), schema.optional()).catch(undefined);
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** What the browser selects: kept on every page's links. */
export const ZAuditLogFilters = z.object({
  staff: optional(z.string().trim().toLowerCase().min(1).max(64)),
  learner: optional(z.string().trim().min(1).max(64)),
  action: optional(z.string().trim().min(1).max(64)),
  outcome: optional(z.enum(["SUCCESS", "FAILURE", "DENIED"])),
  from: optional(z.string().regex(DATE)),
  to: optional(z.string().regex(DATE)),
});
export type TAuditLogFilters = z.output<typeof ZAuditLogFilters>;

/**
 * Where in the log the page is: the entries older than `after`, newer than `before` (cursors of
 * the entries at a page's ends), or of `date` and earlier (跳转到日期). None, or a bad cursor: the
 * newest entries. No page numbers: an OFFSET walks every entry it skips (ADR 0025).
 */
export const ZAuditLogPosition = z.object({
  after: ZAuditCursor,
  before: ZAuditCursor,
  date: optional(z.string().regex(DATE)),
});

/** Day boundaries in Wuhan time, whatever the server's zone. */
function dayStart(date: string): Date {
  return new Date(`${date}T00:00:00+08:00`);
}
function dayEnd(date: string): Date {
  return new Date(dayStart(date).getTime() + 86_400_000);
}

function filterConditions(filters: TAuditLogFilters): Prisma.Sql[] {
  const conditions: Prisma.Sql[] = [];
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
  if (filters.to) conditions.push(Prisma.sql`"at" < ${dayEnd(filters.to)}`);
  return conditions;
}

type Staff = Pick<CurrentStaff, "id" | "role" | "districtId">;
const cursorOf = (row: AuditRow | undefined) => (row ? encodeAuditCursor(row) : null);

/**
 * The page's entries (newest first) and the cursors of its neighbours: `older` when more entries
 * follow, `newer` when newer ones exist (null on the newest page).
 */
async function readPosition(
  db: Db,
  staff: Staff,
  conditions: Prisma.Sql[],
  rawPosition: unknown,
): Promise<{ date: string | null; entries: AuditRow[]; newer: string | null; older: string | null }> {
  const position = ZAuditLogPosition.parse(rawPosition ?? {});
  const n = AUDIT_ENTRIES_PER_PAGE;
  const page = (bound: AuditBound) => readAuditPage(db, staff, conditions, bound, n + 1);
  const olderOf = (rows: AuditRow[]) => (rows.length > n ? cursorOf(rows[n - 1]) : null);

  if (position.before) {
    const nearest = await page({ newer: position.before });
    // Fewer than a page newer than the cursor: that is the newest page, shown whole.
    if (nearest.length > n) {
      const entries = nearest.slice(0, n).reverse();
      return { date: null, entries, newer: cursorOf(entries[0]), older: cursorOf(entries[n - 1]) };
    }
  } else if (position.after) {
    const rows = await page({ older: position.after });
    const entries = rows.slice(0, n);
    // Past the end (a cursor of another filter): "newer" leads back to the cursor's own entry.
    const { at, id } = position.after;
    const newer = cursorOf(entries[0]) ?? encodeAuditCursor({ at, id: id - 1n });
    return { date: null, entries, newer, older: olderOf(rows) };
  } else if (position.date) {
    const before = dayEnd(position.date);
    // The last place of the day: (at, id) beyond it is at or after the next midnight (ms precision).
    const endOfDay = { at: new Date(before.getTime() - 1), id: MAX_AUDIT_ID };
    const [rows, newerOne] = await Promise.all([
      page({ before }),
      readAuditPage(db, staff, conditions, { newer: endOfDay }, 1),
    ]);
    const entries = rows.slice(0, n);
    const newer = newerOne.length === 0 ? null : (cursorOf(entries[0]) ?? encodeAuditCursor(endOfDay));
    return { date: position.date, entries, newer, older: olderOf(rows) };
  }
  const rows = await page(null);
  return { date: null, entries: rows.slice(0, n), newer: null, older: olderOf(rows) };
}

/**
 * One page of the audit log, newest first, with the filters of the browser, paged by keyset
 * (at, id): no total count and no page numbers, both of which would walk the log. On the report
 * pool: a statement over the staff limit answers QUERY_TIMEOUT.
 */
export async function listAuditLog(staff: Staff, rawFilters: unknown) {
  const filters = ZAuditLogFilters.parse(rawFilters ?? {});
  const conditions = filterConditions(filters);

  return readReport("audit.list", async (db) => {
    const { entries, ...position } = await readPosition(db, staff, conditions, rawFilters);
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
      ...position,
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
