import "server-only";
import { AppError } from "@/lib/errors";
import type { CurrentStaff } from "@/server/auth/session";
import { getDb } from "@/server/db";
import { managesDistrict } from "@/server/staff/learner-scope";
import { registerLearner, type TRegisterLearnerInput } from "./register-learner";
import { learnerMessages } from "@/messages/zh-CN";

/**
 * 信息采集 by an administrator: the district must be a district or zone they manage. A district
 * bureau sending another district's id is refused, not silently corrected.
 */
export async function registerLearnerAsStaff(staff: CurrentStaff, input: TRegisterLearnerInput, ip: string | null) {
  const district = await getDb().district.findFirst({
    where: { id: input.districtId, kind: { in: ["DISTRICT", "ZONE"] } },
    select: { id: true },
  });
  if (!district || !managesDistrict(staff, district.id)) {
    throw new AppError("DISTRICT_NOT_ALLOWED", learnerMessages.districtNotAllowed, {
      districtId: [learnerMessages.chooseOwnDistrict],
    });
  }
  return registerLearner(input, { staffUserId: staff.id, ip });
}
