import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/server/audit/record-audit";
import { revokeSubjectSessions } from "@/server/auth/auth-sessions";
import type { CurrentStaff } from "@/server/auth/session";
import { getDb } from "@/server/db";
import { staffMessages } from "@/messages/zh-CN";

export const ZSetStaffActiveInput = z.object({
  staffId: z.string().min(1, staffMessages.missingAccount),
  active: z.preprocess((v) => (v === "true" ? true : v === "false" ? false : v), z.boolean()),
});
export type TSetStaffActiveInput = z.input<typeof ZSetStaffActiveInput>;

/**
 * Deactivates or reactivates a staff account. A deactivated account's sessions are revoked (and
 * getCurrentStaff requires an active account besides) and it cannot sign in. Nobody deactivates
 * themselves, so the city office never locks out its last administrator by mistake.
 */
export async function setStaffActive(
  staff: Pick<CurrentStaff, "id" | "role">,
  input: TSetStaffActiveInput,
  ip: string | null,
) {
  if (staff.role !== "CITY_ADMIN") throw new AppError("FORBIDDEN", staffMessages.cityAdminOnly);
  const fields = ZSetStaffActiveInput.parse(input);
  if (fields.staffId === staff.id) throw new AppError("SELF", staffMessages.disableSelfRefused);
  return getDb().$transaction(async (tx) => {
    const target = await tx.staffUser.findUnique({
      where: { id: fields.staffId },
      select: { id: true, username: true, active: true },
    });
    if (!target) throw new AppError("STAFF_NOT_FOUND");
    if (target.active === fields.active) return { changed: false };
    await tx.staffUser.update({ where: { id: target.id }, data: { active: fields.active } });
    const sessionsEnded = fields.active ? 0 : await revokeSubjectSessions(target.id, tx);
    await recordAudit(
      {
        actorType: "STAFF",
        actorId: staff.id,
        action: fields.active ? "staff.reactivate" : "staff.deactivate",
        targetType: "StaffUser",
        targetId: target.id,
        ip,
        outcome: "SUCCESS",
        details: {
          username: target.username,
          changes: { active: { before: target.active, after: fields.active } },
          ...(sessionsEnded ? { sessionsEnded } : {}),
        },
      },
      tx,
    );
    return { changed: true };
  });
}
