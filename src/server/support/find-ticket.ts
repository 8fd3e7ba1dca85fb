import "server-only";
import { normalizeProblemReference } from "@/domain/playback/reference";
import { describeDiagnostics } from "@/domain/support/diagnostics";
import { scrubIdNumbers } from "@/lib/scrub";
import { recordAudit } from "@/server/audit/record-audit";
import type { CurrentStaff } from "@/server/auth/session";
import { getDb } from "@/server/db";
import { assertSupportStaff } from "./assert-support-staff";
import { SUPPORT_LEARNER_SELECT } from "./learner-summary";
import { readRecentSessions } from "./read-recent-sessions";
import { readTitles } from "./read-titles";
import { supportMessages } from "@/messages/zh-CN";

export const TICKET_SESSION_LIMIT = 5;

/**
 * One problem report as a ticket: the learner (masked), their words, the diagnostics, the notes
 * and the learner's latest playback sessions. The reference is the reason for looking: every
 * opening is audit-logged against the learner. Null for an unknown reference.
 */
export async function findTicket(staff: CurrentStaff, referenceInput: string, ip: string | null, now = new Date()) {
  assertSupportStaff(staff);
  const reference = normalizeProblemReference(referenceInput);
  if (!reference) return null;
  const db = getDb();
  const report = await db.problemReport.findUnique({
    where: { reference },
    select: {
      reference: true,
      status: true,
      description: true,
      phone: true,
      diagnostics: true,
      resolution: true,
      createdAt: true,
      updatedAt: true,
      resolvedAt: true,
      courseId: true,
      lessonId: true,
      learner: { select: SUPPORT_LEARNER_SELECT },
      notes: {
        orderBy: { createdAt: "asc" },
        select: { id: true, body: true, createdAt: true, staff: { select: { displayName: true } } },
      },
    },
  });
  if (!report) return null;
  await recordAudit({
    actorType: "STAFF",
    actorId: staff.id,
    action: "support.ticket.view",
    targetType: "Learner",
    targetId: report.learner.id,
    ip,
    outcome: "SUCCESS",
    details: { reference },
  });
  const [titles, sessions] = await Promise.all([
    readTitles([report]),
    readRecentSessions(report.learner.id, TICKET_SESSION_LIMIT, now),
  ]);
  const lesson = titles.lesson(report.lessonId);
  return {
    reference: report.reference,
    status: report.status,
    description: scrubIdNumbers(report.description),
    phone: report.phone,
    resolution: report.resolution,
    createdAt: report.createdAt,
    updatedAt: report.updatedAt,
    resolvedAt: report.resolvedAt,
    courseTitle: lesson?.courseTitle ?? titles.course(report.courseId) ?? null,
    lessonTitle: lesson ? supportMessages.lessonTitle(lesson.position, lesson.lessonTitle) : null,
    diagnostics: describeDiagnostics(report.diagnostics),
    learner: {
      id: report.learner.id,
      name: report.learner.name,
      idNumberMasked: report.learner.idNumberMasked,
      districtName: report.learner.district.name,
      active: report.learner.status === "ACTIVE",
    },
    notes: report.notes.map((n) => ({ id: n.id, body: n.body, createdAt: n.createdAt, author: n.staff.displayName })),
    sessions,
  };
}
