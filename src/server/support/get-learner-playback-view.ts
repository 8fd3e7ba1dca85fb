import "server-only";
import { recordAudit } from "@/server/audit/record-audit";
import type { CurrentStaff } from "@/server/auth/session";
import { getDb } from "@/server/db";
import { assertSupportStaff } from "./assert-support-staff";
import { SUPPORT_LEARNER_SELECT } from "./learner-summary";
import { readLearnerReports } from "./read-learner-reports";
import { readPlayerErrors } from "./read-player-errors";
import { readRecentSessions } from "./read-recent-sessions";
import { resolveViewGrant } from "./resolve-view-grant";

export const VIEW_SESSION_LIMIT = 20;
export const VIEW_ERROR_LIMIT = 30;
export const VIEW_REPORT_LIMIT = 10;

/**
 * What a learner's player saw, for support: recent sessions with their anomalies, player
 * errors and problem reports. Only with a grant (a recent lookup of this learner by this staff
 * member, or one of the learner's reports); every opening, and every refusal, is audit-logged
 * before anything is read.
 */
export async function getLearnerPlaybackView(
  staff: CurrentStaff,
  args: { learnerId: string; lookupId?: string; reference?: string },
  ip: string | null,
  now: Date = new Date(),
) {
  assertSupportStaff(staff);
  const grant = await resolveViewGrant(staff, args.learnerId, args, now);
  const audit = { actorType: "STAFF", actorId: staff.id, targetType: "Learner", targetId: args.learnerId, ip } as const;
  if (!grant) {
    await recordAudit({
      ...audit,
      action: "support.learner.view",
      outcome: "DENIED",
      details: { reason: "no lookup" },
    });
    return { status: "no-grant" as const };
  }
  const learner = await getDb().learner.findUnique({ where: { id: args.learnerId }, select: SUPPORT_LEARNER_SELECT });
  if (!learner) return { status: "not-found" as const };
  await recordAudit({ ...audit, action: "support.learner.view", outcome: "SUCCESS", details: grant });
  const [sessions, errors, reports] = await Promise.all([
    readRecentSessions(learner.id, VIEW_SESSION_LIMIT, now),
    readPlayerErrors(learner.id, VIEW_ERROR_LIMIT),
    readLearnerReports(learner.id, VIEW_REPORT_LIMIT),
  ]);
  return {
    status: "ok" as const,
    grant,
    learner: {
      id: learner.id,
      name: learner.name,
      idNumberMasked: learner.idNumberMasked,
      districtName: learner.district.name,
      active: learner.status === "ACTIVE",
    },
    sessions,
    errors,
    reports,
  };
}
