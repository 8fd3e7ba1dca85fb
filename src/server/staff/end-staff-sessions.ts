import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/server/audit/record-audit";
import { revokeSubjectSessions } from "@/server/auth/auth-sessions";
import type { CurrentStaff } from "@/server/auth/session";
import { getDb } from "@/server/db";

export const ZEndStaffSessionsInput = z.object({ staffId: z.string().min(1, "缺少账号").max(40, "账号无效") });
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
  if (staff.role !== "CITY_ADMIN") throw new AppError("FORBIDDEN", "只有市会计考办可以管理工作人员账号");
  const fields = ZEndStaffSessionsInput.parse(input);
  if (fields.staffId === staff.id) throw new AppError("SELF", "请用“退出登录”结束自己的会话");
  return getDb().$transaction(async (tx) => {
    const target = await tx.staffUser.findUnique({
      where: { id: fields.staffId },
      select: { id: true, username: true },
    });
    if (!target) throw new AppError("STAFF_NOT_FOUND", "未找到该工作人员");
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
