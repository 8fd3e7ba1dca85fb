import "server-only";
import type { TicketStatus } from "@/domain/support/tickets";
import type { CurrentLearner } from "@/server/auth/session";
import { getDb } from "@/server/db";
import { readTitles } from "./read-titles";

export const MY_REPORTS_LIMIT = 20;

export interface MyReport {
  reference: string;
  createdAt: Date;
  status: TicketStatus;
  courseTitle: string | null;
  resolution: string | null;
  resolvedAt: Date | null;
}

/**
 * The signed-in learner's own problem reports (我的问题反馈 under /help), newest first: the
 * owner is in the `where` clause, so another learner's report cannot appear. Staff notes and
 * diagnostics stay with support; the learner sees the status and the resolution.
 */
export async function listMyReports(learner: Pick<CurrentLearner, "id">): Promise<MyReport[]> {
  const reports = await getDb().problemReport.findMany({
    where: { learnerId: learner.id },
    orderBy: { createdAt: "desc" },
    take: MY_REPORTS_LIMIT,
    select: {
      reference: true,
      createdAt: true,
      status: true,
      courseId: true,
      lessonId: true,
      resolution: true,
      resolvedAt: true,
    },
  });
  const titles = await readTitles(reports);
  return reports.map((r) => ({
    reference: r.reference,
    createdAt: r.createdAt,
    status: r.status,
    courseTitle: titles.course(r.courseId) ?? titles.lesson(r.lessonId)?.courseTitle ?? null,
    resolution: r.status === "RESOLVED" ? r.resolution : null,
    resolvedAt: r.resolvedAt,
  }));
}
