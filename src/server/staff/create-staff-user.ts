import "server-only";
import { z } from "zod";
import { checkStaffPassword } from "@/domain/staff/password-policy";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/server/audit/record-audit";
import { hashPassword } from "@/server/auth/password";
import { getDb } from "@/server/db";

export const ZCreateStaffUserInput = z
  .object({
    username: z
      .string()
      .trim()
      .regex(/^[a-z][a-z0-9_.-]{2,31}$/, "用户名为3-32位小写字母、数字、下划线、点或短横线，以字母开头"),
    displayName: z.string().trim().min(1, "请输入姓名").max(50),
    role: z.enum(["CITY_ADMIN", "DISTRICT_ADMIN", "SUPPORT"], { error: "角色不正确" }),
    districtId: z.number().int().positive().nullable(),
    password: z.string(),
    /** The administrator creating the account; null from the command line. */
    createdById: z.string().nullable(),
  })
  .refine((v) => (v.role === "DISTRICT_ADMIN") === (v.districtId !== null), {
    message: "区财政局管理员必须指定所属区，其他角色不能指定",
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
      throw new AppError("DUPLICATE_USERNAME", "该用户名已被使用", { username: ["该用户名已被使用"] });
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
