import "server-only";
import { z } from "zod";
import { checkStaffPassword } from "@/domain/staff/password-policy";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/server/audit/record-audit";
import { hashPassword } from "@/server/auth/password";
import { getDb } from "@/server/db";
import { staffMessages } from "@/messages/zh-CN";

export const ZCreateStaffUserInput = z
  .object({
    username: z
      .string()
      .trim()
      .regex(/^[a-z][a-z0-9_.-]{2,31}$/, staffMessages.usernameFormat),
    displayName: z.string().trim().min(1, staffMessages.enterDisplayName).max(50),
    role: z.enum(["CITY_ADMIN", "DISTRICT_ADMIN", "SUPPORT"], { error: staffMessages.roleInvalid }),
    districtId: z.number().int().positive().nullable(),
    password: z.string(),
    /** The administrator creating the account; null from the command line. */
    createdById: z.string().nullable(),
  })
  .refine((v) => (v.role === "DISTRICT_ADMIN") === (v.districtId !== null), {
    message: staffMessages.districtOnlyForDistrictAdmin,
    path: ["districtId"],
  });
export type TCreateStaffUserInput = z.input<typeof ZCreateStaffUserInput>;

/**
 * Creates a staff account. An account created by another administrator must change its
 * password at first sign-in; one created from the command line (the first administrator) not.
 */
export async function createStaffUser(input: TCreateStaffUserInput) {
  const fields = ZCreateStaffUserInput.parse(input);
  const reason = checkStaffPassword(fields.password, { username: fields.username });
  if (reason) throw new AppError("WEAK_PASSWORD", reason, { password: [reason] });
  const passwordHash = await hashPassword(fields.password);
  return getDb().$transaction(async (tx) => {
    if (await tx.staffUser.findUnique({ where: { username: fields.username }, select: { id: true } })) {
      throw new AppError("DUPLICATE_USERNAME", staffMessages.duplicateUsername, {
        username: [staffMessages.duplicateUsername],
      });
    }
    const staff = await tx.staffUser.create({
      data: {
        username: fields.username,
        displayName: fields.displayName,
        role: fields.role,
        districtId: fields.districtId,
        passwordHash,
        mustChangePassword: fields.createdById !== null,
      },
    });
    await recordAudit(
      {
        actorType: fields.createdById ? "STAFF" : "SYSTEM",
        actorId: fields.createdById,
        action: "staff.create",
        targetType: "StaffUser",
        targetId: staff.id,
        outcome: "SUCCESS",
        details: { username: staff.username, role: staff.role, districtId: staff.districtId },
      },
      tx,
    );
    return staff;
  });
}
