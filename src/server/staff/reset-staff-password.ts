import "server-only";
import { z } from "zod";
import { checkStaffPassword } from "@/domain/staff/password-policy";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/server/audit/record-audit";
import { revokeSubjectSessions } from "@/server/auth/auth-sessions";
import { hashPassword } from "@/server/auth/password";
import type { CurrentStaff } from "@/server/auth/session";
import { getDb } from "@/server/db";
import { authMessages, staffMessages } from "@/messages/zh-CN";

export const ZResetStaffPasswordInput = z.object({
  staffId: z.string().min(1, staffMessages.missingAccount),
  password: z.string().max(256, authMessages.passwordTooLong),
});
export type TResetStaffPasswordInput = z.input<typeof ZResetStaffPasswordInput>;

/**
 * Sets a temporary password for a staff member who forgot theirs; they must replace it at their
 * next sign-in. One's own password is changed on the password page, with the current one.
 */
export async function resetStaffPassword(
  staff: Pick<CurrentStaff, "id" | "role">,
  input: TResetStaffPasswordInput,
  ip: string | null,
) {
  if (staff.role !== "CITY_ADMIN") throw new AppError("FORBIDDEN", staffMessages.cityAdminOnly);
  const fields = ZResetStaffPasswordInput.parse(input);
  if (fields.staffId === staff.id) throw new AppError("SELF", staffMessages.resetOwnPasswordRefused);
  const target = await getDb().staffUser.findUnique({
    where: { id: fields.staffId },
    select: { id: true, username: true },
  });
  if (!target) throw new AppError("STAFF_NOT_FOUND");
  const reason = checkStaffPassword(fields.password, { username: target.username });
  if (reason) throw new AppError("WEAK_PASSWORD", reason, { password: [reason] });
  const passwordHash = await hashPassword(fields.password);
  await getDb().$transaction(async (tx) => {
    await tx.staffUser.update({
      where: { id: target.id },
      data: { passwordHash, mustChangePassword: true, passwordChangedAt: new Date() },
    });
    await revokeSubjectSessions(target.id, tx);
    await recordAudit(
      {
        actorType: "STAFF",
        actorId: staff.id,
        action: "staff.password.reset",
        targetType: "StaffUser",
        targetId: target.id,
        ip,
        outcome: "SUCCESS",
        details: { username: target.username },
      },
      tx,
    );
  });
  return { username: target.username };
}
