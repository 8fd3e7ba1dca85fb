import "server-only";
import type { CurrentStaff } from "@/server/auth/session";
import { getDb } from "@/server/db";
import { learnerScope } from "@/server/staff/learner-scope";

/** A learner's profile for the administrators' learner page, or null outside their districts. */
export function findLearnerProfile(staff: Pick<CurrentStaff, "role" | "districtId">, learnerId: string) {
  return getDb().learner.findFirst({
    where: { id: learnerId, ...learnerScope(staff) },
    select: {
      id: true,
      name: true,
      idNumberMasked: true,
      gender: true,
      birthDate: true,
      districtId: true,
      district: { select: { name: true } },
      employer: true,
      qualification: true,
      mobile: true,
      startYear: true,
      status: true,
      registeredAt: true,
      updatedAt: true,
      registeredBy: { select: { displayName: true, username: true } },
    },
  });
}
