import "server-only";
import { z } from "zod";
import {
  statusesOf,
  ticketAgeRange,
  TICKET_AGE_FILTERS,
  TICKET_STATUS_FILTERS,
  type TicketStatus,
} from "@/domain/support/tickets";
import type { Prisma } from "@/generated/prisma/client";
import { scrubIdNumbers } from "@/lib/scrub";
import type { CurrentStaff } from "@/server/auth/session";
import { readReport } from "@/server/read-report";
import { assertSupportStaff } from "./assert-support-staff";
import { readTitles } from "./read-titles";

export const TICKET_PAGE_SIZE = 30;
const EXCERPT_LENGTH = 60;

/** The queue's filters, from the address (bad values fall back to the defaults). */
export const ZTicketQuery = z.object({
  status: z.enum(TICKET_STATUS_FILTERS).default("active").catch("active"),
  age: z.enum(TICKET_AGE_FILTERS).default("any").catch("any"),
  page: z.coerce.number().int().min(1).max(1000).default(1).catch(1),
});
export type TTicketQuery = z.output<typeof ZTicketQuery>;

export interface TicketRow {
  reference: string;
  createdAt: Date;
  status: TicketStatus;
  excerpt: string;
  courseTitle: string | null;
  noteCount: number;
}

/**
 * 问题工单: problem reports filtered by status and age, unresolved ones oldest first (the queue),
 * otherwise newest first. No learner identity in the list: that is seen ticket by ticket, and
 * each of those openings is audited. On the report pool: a statement over the staff limit
 * answers QUERY_TIMEOUT.
 */
export async function listTickets(staff: CurrentStaff, query: TTicketQuery, now = new Date()) {
  assertSupportStaff(staff);
  const statuses = statusesOf(query.status);
  const where: Prisma.ProblemReportWhereInput = {
    ...(statuses ? { status: { in: [...statuses] } } : {}),
    createdAt: ticketAgeRange(query.age, now),
  };
  const oldestFirst = query.status === "active" || query.status === "OPEN" || query.status === "IN_PROGRESS";
  // Tickets are few (one per hundred learners a year): an OFFSET page and a count over them stay
  // cheap. Notes are counted for the page's tickets only, through (reportId, createdAt): Prisma's
  // `_count` grouped the whole notes table on every request (ADR 0025).
  const [total, reports, noteCounts] = await readReport("support.tickets", async (db) => {
    const [count, page] = await Promise.all([
      db.problemReport.count({ where }),
      db.problemReport.findMany({
        where,
        orderBy: [{ createdAt: oldestFirst ? "asc" : "desc" }, { id: "asc" }],
        skip: (query.page - 1) * TICKET_PAGE_SIZE,
        take: TICKET_PAGE_SIZE,
        select: {
          id: true,
          reference: true,
          createdAt: true,
          status: true,
          description: true,
          courseId: true,
          lessonId: true,
        },
      }),
    ]);
    const notes = page.length
      ? await db.problemNote.groupBy({
          by: ["reportId"],
          where: { reportId: { in: page.map((r) => r.id) } },
          _count: { _all: true },
        })
      : [];
    return [count, page, new Map(notes.map((n) => [n.reportId, n._count._all]))] as const;
  });
  const titles = await readTitles(reports);
  const tickets: TicketRow[] = reports.map((r) => {
    const text = scrubIdNumbers(r.description);
    return {
      reference: r.reference,
      createdAt: r.createdAt,
      status: r.status,
      excerpt: text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH)}…` : text,
      courseTitle: titles.lesson(r.lessonId)?.courseTitle ?? titles.course(r.courseId) ?? null,
      noteCount: noteCounts.get(r.id) ?? 0,
    };
  });
  return { tickets, total, pageCount: Math.max(1, Math.ceil(total / TICKET_PAGE_SIZE)) };
}
