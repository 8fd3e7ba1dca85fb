import "server-only";
import { z } from "zod";
import { parseIdNumber, validateName } from "@/domain/identity";
import { Prisma } from "@/generated/prisma/client";
import type { LearnerStatus } from "@/generated/prisma/enums";
import { AppError } from "@/lib/errors";
import { currentYear } from "@/lib/time";
import { recordAudit } from "@/server/audit/record-audit";
import { getDb, type DbOrTx } from "@/server/db";
import { hashIdNumber, protectIdNumber } from "@/server/identity/id-number-crypto";
import { commonMessages, learnerMessages } from "@/messages/zh-CN";

export const ZRegisterLearnerInput = z.object({
  idNumber: z.string(),
  name: z.string(),
  districtId: z.number().int().positive(),
  employer: z.string().trim().min(1, learnerMessages.enterEmployer).max(100, learnerMessages.employerTooLong),
  qualification: z.enum(["NONE", "JUNIOR", "INTERMEDIATE", "SENIOR"]),
  mobile: z
    .string()
    .trim()
    .regex(/^1[3-9]\d{9}$/, learnerMessages.mobileFormat)
    .optional()
    .or(z.literal("").transform(() => undefined)),
  startYear: z.number().int().min(2018, learnerMessages.startYearTooEarly),
});
export type TRegisterLearnerInput = z.infer<typeof ZRegisterLearnerInput>;

/**
 * Information collection (信息采集): registers one learner. The ID number is validated and
 * normalized, stored only in its protected forms, and the registration is audit-logged in
 * the same transaction.
 */
export async function registerLearner(
  input: TRegisterLearnerInput & { status?: LearnerStatus },
  actor: { staffUserId: string | null; ip?: string | null },
  tx?: DbOrTx,
) {
  const fields = ZRegisterLearnerInput.parse(input);
  const id = parseIdNumber(fields.idNumber);
  const name = validateName(fields.name);
  const fieldErrors: Record<string, string[]> = {};
  if (!id.ok) fieldErrors.idNumber = [id.reason];
  if (!name.ok) fieldErrors.name = [name.reason];
  if (fields.startYear > currentYear() + 1) fieldErrors.startYear = [learnerMessages.startYearTooLate];
  if (!id.ok || !name.ok || Object.keys(fieldErrors).length > 0) {
    throw new AppError("INVALID_INPUT", commonMessages.checkInput, fieldErrors);
  }

  const idNumberHmac = hashIdNumber(id.value);
  const refuseDuplicate = async (db: DbOrTx) => {
    const existing = await db.learner.findUnique({
      where: { idNumberHmac },
      select: { district: { select: { name: true } } },
    });
    if (existing) {
      throw new AppError("DUPLICATE_ID_NUMBER", learnerMessages.duplicateIdNumber(existing.district.name), {
        idNumber: [learnerMessages.idNumberRegistered(existing.district.name)],
      });
    }
  };

  const write = async (db: DbOrTx) => {
    await refuseDuplicate(db);
    const learner = await db.learner.create({
      data: {
        ...protectIdNumber(id.value),
        name: name.value,
        gender: id.gender,
        birthDate: new Date(`${id.birthDate}T00:00:00Z`),
        districtId: fields.districtId,
        employer: fields.employer,
        qualification: fields.qualification,
        mobile: fields.mobile ?? null,
        startYear: fields.startYear,
        status: input.status ?? "ACTIVE",
        registeredById: actor.staffUserId,
      },
    });
    await recordAudit(
      {
        actorType: actor.staffUserId ? "STAFF" : "SYSTEM",
        actorId: actor.staffUserId,
        action: "learner.register",
        ip: actor.ip ?? null,
        targetType: "Learner",
        targetId: learner.id,
        outcome: "SUCCESS",
        details: { idNumberMasked: learner.idNumberMasked, name: learner.name, districtId: learner.districtId },
      },
      db,
    );
    return learner;
  };

  if (tx) return write(tx);
  try {
    return await getDb().$transaction(write);
  } catch (error) {
    // Two bureaus registering the same person at the same moment: both passed the check, the
    // unique HMAC let one in. The other gets the same answer as if it had come second.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      await refuseDuplicate(getDb());
    }
    throw error;
  }
}
