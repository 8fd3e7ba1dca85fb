import "server-only";
import type { CurrentStaff } from "@/server/auth/session";
import { getDb } from "@/server/db";
import { learnerScope } from "@/server/staff/learner-scope";

const LIMIT = 50;

/**
 * The latest audit entries about one learner (registration, edits, credits…), with the staff
 * member who acted. Their login attempts are keyed by the ID number's HMAC, not the learner, and
 * are left out. Empty outside the staff's scope.
 */
export async function listLearnerAudit(staff: Pick<CurrentStaff, "role" | "districtId">, learnerId: string) {
  const db = getDb();
  if ((await db.learner.count({ where: { id: learnerId, ...learnerScope(staff) } })) === 0) return [];
  const entries = await db.auditLog.findMany({
    where: { targetType: "Learner", targetId: learnerId },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: LIMIT,
    select: {
      id: true,
      at: true,
      actorType: true,
      actorId: true,
      action: true,
      outcome: true,
      ip: true,
      details: true,
    },
  });
  const staffIds = [...new Set(entries.flatMap((e) => (e.actorType === "STAFF" && e.actorId ? [e.actorId] : [])))];
  const actors = staffIds.length
    ? await db.staffUser.findMany({
        where: { id: { in: staffIds } },
        select: { id: true, displayName: true, username: true },
      })
    : [];
  const byId = new Map(actors.map((a) => [a.id, a]));
  return entries.map((e) => ({ ...e, id: e.id.toString(), actor: e.actorId ? (byId.get(e.actorId) ?? null) : null }));
}
