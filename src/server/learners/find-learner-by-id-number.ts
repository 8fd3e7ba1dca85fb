import "server-only";
import { parseIdNumber } from "@/domain/identity";
import { AppError } from "@/lib/errors";
import type { CurrentStaff } from "@/server/auth/session";
import { getDb } from "@/server/db";
import { hashIdNumber } from "@/server/identity/id-number-crypto";
import { learnerScope } from "@/server/staff/learner-scope";
import { learnerNotFound } from "./learner-not-found";

/**
 * Finds a learner by their full ID number, exactly (through the HMAC: a partial number cannot be
 * searched by design), within the administrator's districts. Called from a POST, never with the
 * number in an address.
 */
export async function findLearnerByIdNumber(staff: Pick<CurrentStaff, "role" | "districtId">, idNumber: string) {
  const id = parseIdNumber(idNumber);
  if (!id.ok) throw new AppError("INVALID_INPUT", id.reason, { idNumber: [id.reason] });
  const learner = await getDb().learner.findFirst({
    where: { idNumberHmac: hashIdNumber(id.value), ...learnerScope(staff) },
    select: { id: true },
  });
  if (!learner) throw learnerNotFound();
  return learner;
}
