import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/server/audit/record-audit";
import { revokeSubjectSessions } from "@/server/auth/auth-sessions";
import type { CurrentStaff } from "@/server/auth/session";
import { getDb } from "@/server/db";
import { staffMessages } from "@/messages/zh-CN";

export const ZEndStaffSessionsInput = z.object({
  staffId: z.string().min(1, staffMessages.missingAccount).max(40, staffMessages.accountInvalid),
});
export type TEndStaffSessionsInput = z.input<typeof ZEndStaffSessionsInput>;

/**
 * Ends every session of a staff account (a lost laptop, a shared computer): each stops at its
 * next request; the account can sign in again. The city office only; audited with the count.
 * One's own sessions are ended by signing out.
 */
export async function endStaffSessions(
  staff: Pick<CurrentStaff, "id" | "role">,
  input: TEndStaffSessionsInput,
  ip: string | null,
): Promise<{ ended: number }> {
  if (staff.role !== "CITY_ADMIN") throw new AppError("FORBIDDEN", staffMessages.cityAdminOnly);
  const fields = ZEndStaffSessionsInput.parse(input);
  if (fields.staffId === staff.id) throw new AppError("SELF", staffMessages.endOwnSessionsRefused);
  return getDb().$transaction(async (tx) => {
    const target = await tx.staffUser.findUnique({
      where: { id: fields.staffId },
      select: { id: true, username: true },
    });
    if (!target) throw new AppError("STAFF_NOT_FOUND");
    const ended = await revokeSubjectSessions(target.id, tx);
    await recordAudit(
      {
        actorType: "STAFF",
        actorId: staff.id,
        action: "staff.sessions.end",
        targetType: "StaffUser",
        targetId: target.id,
        ip,
        outcome: "SUCCESS",
        details: { username: target.username, sessionsEnded: ended },
      },
      tx,
    );
    return { ended };
  });
}
