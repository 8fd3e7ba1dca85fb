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

export const ZRegisterLearnerInput = z.object({
  idNumber: z.string(),
  name: z.string(),
  districtId: z.number().int().positive(),
  employer: z.string().trim().min(1, "请输入工作单位").max(100, "工作单位不能超过100个字符"),
  qualification: z.enum(["NONE", "JUNIOR", "INTERMEDIATE", "SENIOR"]),
  mobile: z
    .string()
    .trim()
    .regex(/^1[3-9]\d{9}$/, "手机号码应为11位数字")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  startYear: z.number().int().min(2018, "起始年度不能早于2018年"),
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
  if (fields.startYear > currentYear() + 1) fieldErrors.startYear = ["起始年度不能晚于下一年度"];
  if (!id.ok || !name.ok || Object.keys(fieldErrors).length > 0) {
    throw new AppError("INVALID_INPUT", "请检查填写的内容", fieldErrors);
  }

  const idNumberHmac = hashIdNumber(id.value);
  const refuseDuplicate = async (db: DbOrTx) => {
    const existing = await db.learner.findUnique({
      where: { idNumberHmac },
      select: { district: { select: { name: true } } },
    });
    if (existing) {
      throw new AppError("DUPLICATE_ID_NUMBER", `该身份证号已在${existing.district.name}登记，请勿重复采集`, {
        idNumber: [`该身份证号已在${existing.district.name}登记`],
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
