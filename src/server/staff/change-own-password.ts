import "server-only";
import { checkStaffPassword } from "@/domain/staff/password-policy";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/server/audit/record-audit";
import { revokeSubjectSessions } from "@/server/auth/auth-sessions";
import { hashPassword, verifyPassword } from "@/server/auth/password";
import { getDb } from "@/server/db";
import { authMessages } from "@/messages/zh-CN";

/** A staff member replaces their password (required at first sign-in of a created account). */
export async function changeOwnPassword(
  staffId: string,
  input: { currentPassword: string; newPassword: string },
  ip: string | null,
): Promise<void> {
  const db = getDb();
  const staff = await db.staffUser.findUniqueOrThrow({
    where: { id: staffId },
    select: { username: true, passwordHash: true },
  });
  if (!(await verifyPassword(staff.passwordHash, input.currentPassword))) {
    throw new AppError("WRONG_PASSWORD", authMessages.wrongCurrentPassword, {
      currentPassword: [authMessages.wrongCurrentPassword],
    });
  }
  const reason =
    input.newPassword === input.currentPassword
      ? authMessages.newPasswordSameAsCurrent
      : checkStaffPassword(input.newPassword, { username: staff.username });
  if (reason) throw new AppError("WEAK_PASSWORD", reason, { newPassword: [reason] });
  const passwordHash = await hashPassword(input.newPassword);
  await db.$transaction(async (tx) => {
    await tx.staffUser.update({
      where: { id: staffId },
      data: { passwordHash, mustChangePassword: false, passwordChangedAt: new Date() },
    });
    // Whoever knew the old password is out, this session included (the action signs in afresh).
    await revokeSubjectSessions(staffId, tx);
    await recordAudit(
      {
        actorType: "STAFF",
        actorId: staffId,
        action: "staff.password.change",
        targetType: "StaffUser",
        targetId: staffId,
        ip,
        outcome: "SUCCESS",
      },
      tx,
    );
  });
}
