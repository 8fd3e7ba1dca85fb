"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { CREDIT_CATEGORIES } from "@/domain/credits";
import { checkLearnerFields } from "@/domain/learners";
import { AppError } from "@/lib/errors";
import { currentYear } from "@/lib/time";
import { findLearnerByIdNumber } from "@/server/learners/find-learner-by-id-number";
import { recordLearnerActivity, ZLearnerActivityForm } from "@/server/learners/record-learner-activity";
import { recordLearnerAdjustment } from "@/server/learners/record-learner-adjustment";
import { registerLearnerAsStaff } from "@/server/learners/register-learner-as-staff";
import { setLearnerStatus, ZSetLearnerStatusInput } from "@/server/learners/set-learner-status";
import { transferLearner, ZTransferLearnerInput } from "@/server/learners/transfer-learner";
import { updateLearner, ZUpdateLearnerInput } from "@/server/learners/update-learner";
import { action } from "./action";
import { commonMessages, creditMessages } from "@/messages/zh-CN";

const learnerId = z.string().min(1, commonMessages.missingLearner).max(40);

function learnerPage(id: string): string {
  return `/admin/learners/${id}`;
}

const ZRegisterForm = z.object({
  idNumber: z.string().max(40),
  name: z.string().max(200),
  districtId: z.coerce.number({ error: commonMessages.chooseDistrict }).int().positive(commonMessages.chooseDistrict),
  employer: z.string().max(500),
  qualification: z.string().max(50),
  startYear: z.union([z.string().max(10), z.number()]),
  mobile: z.string().max(50).default(""),
});

/** 信息采集: registers one learner, then opens their page. */
export const registerLearnerByStaff = action(
  { name: "learners.register", auth: "staff", permission: "learners.manage", schema: ZRegisterForm },
  async (input, { staff, ip }) => {
    const checked = checkLearnerFields(input, currentYear());
    if (!checked.ok) throw new AppError("INVALID_INPUT", commonMessages.checkInput, checked.fieldErrors);
    const { mobile, ...fields } = checked.value;
    const learner = await registerLearnerAsStaff(
      staff,
      { ...fields, idNumber: input.idNumber, districtId: input.districtId, ...(mobile ? { mobile } : {}) },
      ip,
    );
    revalidatePath("/admin/learners");
    return { id: learner.id };
  },
  { redirectTo: ({ id }) => `${learnerPage(id)}?registered=1` },
);

export const updateLearnerByStaff = action(
  { name: "learners.update", auth: "staff", permission: "learners.manage", schema: ZUpdateLearnerInput },
  async (input, { staff, ip }) => {
    const result = await updateLearner(staff, input, ip);
    revalidatePath(learnerPage(input.learnerId));
    return result;
  },
);

export const setLearnerStatusByStaff = action(
  { name: "learners.status", auth: "staff", permission: "learners.manage", schema: ZSetLearnerStatusInput },
  async (input, { staff, ip }) => {
    const result = await setLearnerStatus(staff, input, ip);
    revalidatePath(learnerPage(input.learnerId));
    return result;
  },
);

export const transferLearnerByStaff = action(
  { name: "learners.transfer", auth: "staff", permission: "learners.transfer", schema: ZTransferLearnerInput },
  async (input, { staff, ip }) => {
    const result = await transferLearner(staff, input, ip);
    revalidatePath(learnerPage(input.learnerId));
    return result;
  },
);

// 登记其他学分: the form's schema is derived from the ledger's (record-learner-activity.ts).
export const recordLearnerActivityByStaff = action(
  { name: "learners.credits.activity", auth: "staff", permission: "learners.manage", schema: ZLearnerActivityForm },
  async (input, { staff }) => {
    const result = await recordLearnerActivity(staff, input);
    revalidatePath(learnerPage(input.learnerId));
    return result;
  },
);

const ZAdjustmentForm = z.object({
  learnerId,
  year: z.coerce.number({ error: commonMessages.chooseYear }).int(commonMessages.chooseYear),
  category: z.enum(CREDIT_CATEGORIES, { error: commonMessages.chooseCategory }),
  credits: z.coerce.number({ error: creditMessages.creditsNotWhole }).int(creditMessages.creditsNotWhole),
  reason: z.string().max(1000),
  idempotencyKey: z.string().max(100).optional(),
});

export const recordLearnerAdjustmentByStaff = action(
  { name: "learners.credits.adjustment", auth: "staff", permission: "learners.manage", schema: ZAdjustmentForm },
  async (input, { staff }) => {
    const result = await recordLearnerAdjustment(staff, input);
    revalidatePath(learnerPage(input.learnerId));
    return result;
  },
);

/** Looks a learner up by full ID number (a POST: the number never goes into an address). */
export const findLearnerByIdNumberForStaff = action(
  {
    name: "learners.find-by-id-number",
    auth: "staff",
    permission: "learners.manage",
    schema: z.object({ idNumber: z.string().max(40) }),
  },
  (input, { staff }) => findLearnerByIdNumber(staff, input.idNumber),
  { redirectTo: ({ id }) => learnerPage(id) },
);
