import "server-only";
import { AppError } from "@/lib/errors";
import type { CurrentStaff } from "@/server/auth/session";
import { getDb } from "@/server/db";
import { createStaffUser, type TCreateStaffUserInput } from "./create-staff-user";
import { commonMessages, staffMessages } from "@/messages/zh-CN";

/**
 * An account created by the city office: the district of a district administrator must be a
 * district or zone (not the city row), and the new account must change its password at first
 * sign-in (createStaffUser does so when createdById is set).
 */
export async function createStaffAccount(
  staff: Pick<CurrentStaff, "id" | "role">,
  input: Omit<TCreateStaffUserInput, "createdById">,
) {
  if (staff.role !== "CITY_ADMIN") throw new AppError("FORBIDDEN", staffMessages.cityAdminOnly);
  if (input.role === "DISTRICT_ADMIN" && typeof input.districtId === "number") {
    const district = await getDb().district.findFirst({
      where: { id: input.districtId, kind: { in: ["DISTRICT", "ZONE"] } },
      select: { id: true },
    });
    if (!district)
      throw new AppError("INVALID_INPUT", commonMessages.chooseDistrict, {
        districtId: [commonMessages.chooseDistrict],
      });
  }
  const created = await createStaffUser({ ...input, createdById: staff.id });
  return { id: created.id, username: created.username };
}
