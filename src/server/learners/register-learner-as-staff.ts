import "server-only";
import { AppError } from "@/lib/errors";
import type { CurrentStaff } from "@/server/auth/session";
import { getDb } from "@/server/db";
import { managesDistrict } from "@/server/staff/learner-scope";
import { registerLearner, type TRegisterLearnerInput } from "./register-learner";

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
    throw new AppError("DISTRICT_NOT_ALLOWED", "您不能为该区登记学员", { districtId: ["请选择您负责的区"] });
  }
  return registerLearner(input, { staffUserId: staff.id, ip });
}
