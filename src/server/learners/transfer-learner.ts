import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/server/audit/record-audit";
import type { CurrentStaff } from "@/server/auth/session";
import { runLedgerTransaction } from "@/server/credits/ledger-transaction";
import { lockLearnerInScope } from "./lock-learner-in-scope";
import { commonMessages, learnerMessages } from "@/messages/zh-CN";

export const ZTransferLearnerInput = z.object({
  learnerId: z.string().min(1, commonMessages.missingLearner),
  districtId: z.coerce
    .number({ error: learnerMessages.chooseTargetDistrict })
    .int()
    .positive(learnerMessages.chooseTargetDistrict),
});
export type TTransferLearnerInput = z.input<typeof ZTransferLearnerInput>;

/**
 * Moves a learner to another district or zone (a job change across districts). The city office
 * only: a district bureau can neither push its learners out nor pull others in. The learner's
 * ledger, enrollments and history move with them. Audit-logged with before/after.
 */
export async function transferLearner(staff: CurrentStaff, input: TTransferLearnerInput, ip: string | null) {
  const fields = ZTransferLearnerInput.parse(input);
  if (staff.role !== "CITY_ADMIN") throw new AppError("FORBIDDEN", learnerMessages.transferCityAdminOnly);
  return runLedgerTransaction(undefined, async (tx) => {
    const learner = await lockLearnerInScope(tx, staff, fields.learnerId);
    const target = await tx.district.findFirst({
      where: { id: fields.districtId, kind: { in: ["DISTRICT", "ZONE"] } },
      select: { id: true, name: true },
    });
    if (!target)
      throw new AppError("INVALID_INPUT", learnerMessages.chooseTargetDistrict, {
        districtId: [learnerMessages.chooseTargetDistrict],
      });
    if (target.id === learner.districtId) {
      throw new AppError("SAME_DISTRICT", learnerMessages.alreadyInDistrict(target.name), {
        districtId: [learnerMessages.chooseAnotherDistrict],
      });
    }
    await tx.learner.update({ where: { id: learner.id }, data: { districtId: target.id } });
    await recordAudit(
      {
        actorType: "STAFF",
        actorId: staff.id,
        action: "learner.transfer",
        targetType: "Learner",
        targetId: learner.id,
        ip,
        outcome: "SUCCESS",
        details: {
          idNumberMasked: learner.idNumberMasked,
          changes: {
            districtId: { before: learner.districtId, after: target.id },
            district: { before: learner.district.name, after: target.name },
          },
        },
      },
      tx,
    );
    return { districtName: target.name };
  });
}
