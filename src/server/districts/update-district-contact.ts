import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/server/audit/record-audit";
import type { CurrentStaff } from "@/server/auth/session";
import { getDb } from "@/server/db";
import { managesDistrict } from "@/server/staff/learner-scope";
import { districtMessages } from "@/messages/zh-CN";

const text = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, districtMessages.fieldTooLong(label, max))
    .transform((v) => v.replace(/\s+/gu, " "));

export const ZUpdateDistrictContactInput = z.object({
  districtId: z.coerce.number().int().positive(),
  officeName: text(districtMessages.fields.officeName, 50).pipe(z.string().min(1, districtMessages.enterOfficeName)),
  // Landlines with area code and extension, hotlines and mobiles: digits, dashes, spaces,
  // brackets, commas between several numbers; \u8F6C is 转 (extension).
  phone: text(districtMessages.fields.phone, 60).pipe(
    z.string().regex(/^[\d\-()（）、,，;；\s\u8F6C]*$/u, districtMessages.phoneFormat),
  ),
  address: text(districtMessages.fields.address, 200),
  hours: text(districtMessages.fields.hours, 100),
});
export type TUpdateDistrictContactInput = z.input<typeof ZUpdateDistrictContactInput>;

const FIELDS = ["officeName", "phone", "address", "hours"] as const;

/**
 * Updates the registration-office contact shown to learners on the contacts page. The city office
 * edits every row (its own included), a district bureau only its own. Audit-logged with
 * before/after of what changed.
 */
export async function updateDistrictContact(
  staff: Pick<CurrentStaff, "id" | "role" | "districtId">,
  input: TUpdateDistrictContactInput,
  ip: string | null,
) {
  const fields = ZUpdateDistrictContactInput.parse(input);
  if (!managesDistrict(staff, fields.districtId)) {
    throw new AppError("DISTRICT_NOT_FOUND");
  }
  return getDb().$transaction(async (tx) => {
    const district = await tx.district.findUnique({ where: { id: fields.districtId } });
    if (!district) throw new AppError("DISTRICT_NOT_FOUND");
    const changes: Record<string, { before: string; after: string }> = {};
    for (const field of FIELDS) {
      if (district[field] !== fields[field]) changes[field] = { before: district[field], after: fields[field] };
    }
    if (Object.keys(changes).length === 0) return { changed: false };
    await tx.district.update({
      where: { id: district.id },
      data: { officeName: fields.officeName, phone: fields.phone, address: fields.address, hours: fields.hours },
    });
    await recordAudit(
      {
        actorType: "STAFF",
        actorId: staff.id,
        action: "district.contact.update",
        targetType: "District",
        targetId: String(district.id),
        ip,
        outcome: "SUCCESS",
        details: { district: district.name, changes },
      },
      tx,
    );
    return { changed: true };
  });
}
