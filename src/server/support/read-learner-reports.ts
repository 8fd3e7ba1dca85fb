import "server-only";
import { describeDiagnostics, type DiagnosticsView } from "@/domain/support/diagnostics";
import type { TicketStatus } from "@/domain/support/tickets";
import { scrubIdNumbers } from "@/lib/scrub";
import { getDb } from "@/server/db";
import { readTitles } from "./read-titles";
import { supportMessages } from "@/messages/zh-CN";

export interface ReportRow {
  reference: string;
  createdAt: Date;
  status: TicketStatus;
  description: string;
  courseTitle: string | null;
  lessonTitle: string | null;
  diagnostics: DiagnosticsView;
  resolution: string | null;
}

/** A learner's latest problem reports with their diagnostics in words. Callers authorize. */
export async function readLearnerReports(learnerId: string, limit: number): Promise<ReportRow[]> {
  const reports = await getDb().problemReport.findMany({
    where: { learnerId },
    orderBy: { createdAt: "desc" },
    take: limit,
    select: {
      reference: true,
      createdAt: true,
      status: true,
      description: true,
      courseId: true,
      lessonId: true,
      diagnostics: true,
      resolution: true,
    },
  });
  const titles = await readTitles(reports);
  return reports.map((r) => {
    const lesson = titles.lesson(r.lessonId);
    return {
      reference: r.reference,
      createdAt: r.createdAt,
      status: r.status,
      // The learner's own words may hold anything, their ID number included: masked.
      description: scrubIdNumbers(r.description),
      courseTitle: lesson?.courseTitle ?? titles.course(r.courseId) ?? null,
      lessonTitle: lesson ? supportMessages.lessonTitle(lesson.position, lesson.lessonTitle) : null,
      diagnostics: describeDiagnostics(r.diagnostics),
      resolution: r.resolution,
    };
  });
}
