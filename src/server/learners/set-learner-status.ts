import "server-only";
import { z } from "zod";
import { scrubIdNumbers } from "@/lib/scrub";
import { recordAudit } from "@/server/audit/record-audit";
import { revokeSubjectSessions } from "@/server/auth/auth-sessions";
import type { CurrentStaff } from "@/server/auth/session";
import { runLedgerTransaction } from "@/server/credits/ledger-transaction";
import { lockLearnerInScope } from "./lock-learner-in-scope";
import { commonMessages, learnerMessages } from "@/messages/zh-CN";

export const ZSetLearnerStatusInput = z.object({
  learnerId: z.string().min(1, commonMessages.missingLearner),
  status: z.enum(["ACTIVE", "DISABLED"], { error: learnerMessages.statusInvalid }),
  reason: z.string().trim().max(200, learnerMessages.statusReasonTooLong).default(""),
});
export type TSetLearnerStatusInput = z.input<typeof ZSetLearnerStatusInput>;

/**
 * Disables or re-enables a learner. A disabled learner cannot log in, and their sessions are
 * revoked (getCurrentLearner requires ACTIVE besides). Audit-logged with before/after.
 */
export async function setLearnerStatus(staff: CurrentStaff, input: TSetLearnerStatusInput, ip: string | null) {
  const fields = ZSetLearnerStatusInput.parse(input);
  return runLedgerTransaction(undefined, async (tx) => {
    const learner = await lockLearnerInScope(tx, staff, fields.learnerId);
    if (learner.status === fields.status) return { changed: false };
    await tx.learner.update({ where: { id: learner.id }, data: { status: fields.status } });
    const sessionsEnded = fields.status === "DISABLED" ? await revokeSubjectSessions(learner.id, tx) : 0;
    await recordAudit(
      {
        actorType: "STAFF",
        actorId: staff.id,
        action: fields.status === "DISABLED" ? "learner.disable" : "learner.enable",
        targetType: "Learner",
        targetId: learner.id,
        ip,
        outcome: "SUCCESS",
        details: {
          idNumberMasked: learner.idNumberMasked,
          changes: { status: { before: learner.status, after: fields.status } },
          ...(fields.reason ? { reason: scrubIdNumbers(fields.reason) } : {}),
          ...(sessionsEnded ? { sessionsEnded } : {}),
        },
      },
      tx,
    );
    return { changed: true };
  });
}
