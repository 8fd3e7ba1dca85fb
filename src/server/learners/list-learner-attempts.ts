import "server-only";
import type { CurrentStaff } from "@/server/auth/session";
import { getDb } from "@/server/db";
import { learnerScope } from "@/server/staff/learner-scope";

/** A learner's exam attempts, newest first. Empty outside the staff's scope. */
export function listLearnerAttempts(staff: Pick<CurrentStaff, "role" | "districtId">, learnerId: string) {
  return getDb().examAttempt.findMany({
    where: { learnerId, learner: learnerScope(staff) },
    orderBy: { startedAt: "desc" },
    take: 200,
    select: {
      id: true,
      cycle: true,
      number: true,
      status: true,
      startedAt: true,
      gradedAt: true,
      score: true,
      passed: true,
      enrollment: { select: { course: { select: { title: true } } } },
    },
  });
}
