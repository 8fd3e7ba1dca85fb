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
  const [total, reports] = await readReport("support.tickets", (db) =>
    Promise.all([
      db.problemReport.count({ where }),
      db.problemReport.findMany({
        where,
        orderBy: [{ createdAt: oldestFirst ? "asc" : "desc" }, { id: "asc" }],
        skip: (query.page - 1) * TICKET_PAGE_SIZE,
        take: TICKET_PAGE_SIZE,
        select: {
          reference: true,
          createdAt: true,
          status: true,
          description: true,
          courseId: true,
          lessonId: true,
          _count: { select: { notes: true } },
        },
      }),
    ]),
  );
  const titles = await readTitles(reports);
  const tickets: TicketRow[] = reports.map((r) => {
    const text = scrubIdNumbers(r.description);
    return {
      reference: r.reference,
      createdAt: r.createdAt,
      status: r.status,
      excerpt: text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH)}…` : text,
      courseTitle: titles.lesson(r.lessonId)?.courseTitle ?? titles.course(r.courseId) ?? null,
      noteCount: r._count.notes,
    };
  });
  return { tickets, total, pageCount: Math.max(1, Math.ceil(total / TICKET_PAGE_SIZE)) };
}
