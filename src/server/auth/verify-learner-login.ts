import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import { maskIdNumber, parseIdNumber, validateName } from "@/domain/identity";
import { formatTime } from "@/lib/time";
import { recordAudit } from "@/server/audit/record-audit";
import { getDb } from "@/server/db";
import { hashIdNumber } from "@/server/identity/id-number-crypto";
import { loginBlockedUntil } from "./login-throttle";
import { authMessages } from "@/messages/zh-CN";

export const LEARNER_LOGIN_ACTION = "learner.login";

/**
 * One message for every failure (not registered, suspended, a wrong name), worded for both the
 * unregistered and the suspended learner, so that nobody can probe who is registered.
 */
export const LOGIN_FAILED_MESSAGE = authMessages.learnerLoginFailed;

// Every looked-up answer takes at least this long, so that timing tells nothing either.
const MIN_RESPONSE_MS = 400;

export type LearnerLoginResult =
  | { ok: true; learnerId: string }
  | { ok: false; code: "INVALID_INPUT" | "THROTTLED" | "LOGIN_FAILED"; message: string; field?: "idNumber" | "name" };

/**
 * Checks a learner's ID number and name. Malformed input gets its specific reason before any
 * lookup; past the throttle, unknown number, wrong name and disabled account are one answer.
 * Every attempt is audit-logged with the masked number only.
 */
export async function verifyLearnerLogin(
  input: { idNumber: string; name: string },
  ip: string | null,
): Promise<LearnerLoginResult> {
  const started = Date.now();
  const id = parseIdNumber(input.idNumber);
  const name = validateName(input.name);
  if (!id.ok || !name.ok) {
    await recordAudit({
      actorType: "ANONYMOUS",
      action: LEARNER_LOGIN_ACTION,
      ip,
      outcome: "FAILURE",
      details: { reason: "malformed" },
    });
    return id.ok
      ? { ok: false, code: "INVALID_INPUT", message: name.ok ? "" : name.reason, field: "name" }
      : { ok: false, code: "INVALID_INPUT", message: id.reason, field: "idNumber" };
  }

  const subject = hashIdNumber(id.value);
  const audit = { action: LEARNER_LOGIN_ACTION, targetType: "LoginSubject", targetId: subject, ip };
  const masked = maskIdNumber(id.value);
  const blockedUntil = await loginBlockedUntil(LEARNER_LOGIN_ACTION, subject, ip);
  if (blockedUntil) {
    await recordAudit({
      ...audit,
      actorType: "ANONYMOUS",
      outcome: "DENIED",
      details: { idNumberMasked: masked, reason: "throttled" },
    });
    return { ok: false, code: "THROTTLED", message: authMessages.learnerThrottled(formatTime(blockedUntil)) };
  }

  const learner = await getDb().learner.findUnique({
    where: { idNumberHmac: subject },
    select: { id: true, name: true, status: true },
  });
  const verified = learner?.status === "ACTIVE" && learner.name === name.value ? learner : null;
  const reason = verified ? undefined : !learner ? "unknown" : learner.status !== "ACTIVE" ? "disabled" : "name";
  await recordAudit({
    ...audit,
    actorType: verified ? "LEARNER" : "ANONYMOUS",
    actorId: verified?.id ?? null,
    outcome: verified ? "SUCCESS" : "FAILURE",
    details: { idNumberMasked: masked, reason },
  });
  await sleep(Math.max(0, MIN_RESPONSE_MS - (Date.now() - started)));
  return verified
    ? { ok: true, learnerId: verified.id }
    : { ok: false, code: "LOGIN_FAILED", message: LOGIN_FAILED_MESSAGE };
}
