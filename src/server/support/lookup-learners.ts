import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { parseIdNumber, maskIdNumber, validateName } from "@/domain/identity";
import { normalizeProblemReference } from "@/domain/playback/reference";
import { NAME_LOOKUP_LIMIT, REASON_MAX_LENGTH, REASON_MIN_LENGTH, type LookupMethod } from "@/domain/support/lookup";
import type { TicketStatus } from "@/domain/support/tickets";
import { AppError } from "@/lib/errors";
import { scrubIdNumbers } from "@/lib/scrub";
import { recordAudit } from "@/server/audit/record-audit";
import type { CurrentStaff } from "@/server/auth/session";
import { getDb } from "@/server/db";
import { hashIdNumber } from "@/server/identity/id-number-crypto";
import { assertSupportStaff } from "./assert-support-staff";
import { SUPPORT_LEARNER_SELECT } from "./learner-summary";
import { commonMessages, supportMessages } from "@/messages/zh-CN";

const ZReason = z
  .string()
  .trim()
  .min(REASON_MIN_LENGTH, supportMessages.lookupReasonTooShort(REASON_MIN_LENGTH))
  .max(REASON_MAX_LENGTH, supportMessages.lookupReasonTooLong(REASON_MAX_LENGTH))
  // A reason is free text kept in the audit log: an ID number typed into it is masked.
  .transform(scrubIdNumbers);

export const ZLookupInput = z.discriminatedUnion("by", [
  z.object({ by: z.literal("reference"), reference: z.string().trim().min(1, supportMessages.enterReference).max(20) }),
  z.object({
    by: z.literal("idNumber"),
    idNumber: z.string().trim().min(1, supportMessages.enterFullIdNumber).max(64, commonMessages.idNumberMalformed),
    reason: ZReason,
  }),
  z.object({
    by: z.literal("name"),
    name: z.string().max(200, commonMessages.nameTooLong),
    districtId: z.coerce.number().int().positive(supportMessages.chooseLearnerDistrict),
    reason: ZReason,
  }),
]);
export type TLookupInput = z.output<typeof ZLookupInput>;

export interface LookupMatch {
  id: string;
  name: string;
  idNumberMasked: string;
  districtName: string;
  active: boolean;
}

export interface LookupResult {
  /** Names this lookup in the audit log; the learner pages it found are opened with it. */
  lookupId: string;
  by: LookupMethod;
  learners: LookupMatch[];
  report: { reference: string; status: TicketStatus } | null;
}

type Found = { learners: LookupMatch[]; report: LookupResult["report"]; details: Record<string, string | number> };

const toMatch = (l: {
  id: string;
  name: string;
  idNumberMasked: string;
  status: string;
  district: { name: string };
}): LookupMatch => ({
  id: l.id,
  name: l.name,
  idNumberMasked: l.idNumberMasked,
  districtName: l.district.name,
  active: l.status === "ACTIVE",
});

const invalid = (field: string, message: string) => new AppError("INVALID_INPUT", message, { [field]: [message] });

async function find(input: TLookupInput): Promise<Found> {
  const db = getDb();
  if (input.by === "reference") {
    const reference = normalizeProblemReference(input.reference);
    if (!reference) throw invalid("reference", supportMessages.referenceFormat);
    const report = await db.problemReport.findUnique({
      where: { reference },
      select: { reference: true, status: true, learner: { select: SUPPORT_LEARNER_SELECT } },
    });
    return {
      learners: report ? [toMatch(report.learner)] : [],
      report: report ? { reference: report.reference, status: report.status } : null,
      details: { reference },
    };
  }
  if (input.by === "idNumber") {
    // Exact match through the keyed hash only: a partial number cannot be looked up at all.
    const parsed = parseIdNumber(input.idNumber);
    if (!parsed.ok) throw invalid("idNumber", supportMessages.idNumberProblem(parsed.reason));
    const learner = await db.learner.findUnique({
      where: { idNumberHmac: hashIdNumber(parsed.value) },
      select: SUPPORT_LEARNER_SELECT,
    });
    return {
      learners: learner ? [toMatch(learner)] : [],
      report: null,
      details: { reason: input.reason, idNumberMasked: maskIdNumber(parsed.value) },
    };
  }
  const name = validateName(input.name);
  if (!name.ok) throw invalid("name", name.reason);
  const learners = await db.learner.findMany({
    where: { name: name.value, districtId: input.districtId },
    orderBy: [{ registeredAt: "asc" }, { id: "asc" }],
    take: NAME_LOOKUP_LIMIT,
    select: SUPPORT_LEARNER_SELECT,
  });
  return {
    learners: learners.map(toMatch),
    report: null,
    details: { reason: input.reason, name: name.value, districtId: input.districtId },
  };
}

/**
 * 查找学员: by a problem report's reference, by full ID number (exact, through the HMAC), or by
 * name within a district. Every lookup is audit-logged with who asked, why (the reference or
 * the reason given) and whom it found; the learners it found may then be opened for
 * LOOKUP_GRANT_MS with its lookupId. Results carry the masked ID number only.
 */
export async function lookupLearners(
  staff: CurrentStaff,
  input: TLookupInput,
  ip: string | null,
): Promise<LookupResult> {
  assertSupportStaff(staff);
  const lookupId = randomUUID();
  const audit = (outcome: "SUCCESS" | "FAILURE", learnerIds: string[], details: Found["details"]) =>
    recordAudit({
      actorType: "STAFF",
      actorId: staff.id,
      action: "support.lookup",
      targetType: "Learner",
      targetId: learnerIds.length === 1 ? learnerIds[0] : undefined,
      ip,
      outcome,
      details: { lookupId, by: input.by, ...details, learnerIds },
    });
  let found: Found;
  try {
    found = await find(input);
  } catch (error) {
    // A malformed reference or ID number is a lookup attempt too: logged, with nothing of it.
    if (error instanceof AppError) {
      const reason: Found["details"] = input.by === "reference" ? {} : { reason: input.reason };
      await audit("FAILURE", [], { ...reason, invalid: error.message });
    }
    throw error;
  }
  const learnerIds = found.learners.map((l) => l.id);
  await audit(learnerIds.length > 0 ? "SUCCESS" : "FAILURE", learnerIds, found.details);
  return { lookupId, by: input.by, learners: found.learners, report: found.report };
}
