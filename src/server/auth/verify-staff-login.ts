import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import { formatTime } from "@/lib/time";
import { recordAudit } from "@/server/audit/record-audit";
import { getDb } from "@/server/db";
import { verifyPassword } from "./password";
import { loginBlockedUntil } from "./login-throttle";
import { authMessages } from "@/messages/zh-CN";

export const STAFF_LOGIN_ACTION = "staff.login";
export const STAFF_LOGIN_FAILED_MESSAGE = authMessages.staffLoginFailed;

// A hash to verify against when the username is unknown, so that both answers cost one argon2
// verification and take the same time. (The hash of a random string nobody knows.)
const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$seVbDj81hhY71Uhd+tfHBg$f04GmSwXWXKAiZ1aH/+xUiXFmCJ2vcHMPWVU3OkbWys";
const MIN_RESPONSE_MS = 300;

export type StaffLoginResult =
  | { ok: true; staffId: string; mustChangePassword: boolean }
  | { ok: false; code: "THROTTLED" | "LOGIN_FAILED"; message: string };

/**
 * Checks a staff username and password. Five failures within 15 minutes lock the account for
 * the rest of the window (the right password included); an address failing across accounts is
 * limited too. Unknown user, wrong password and deactivated account are one answer.
 */
export async function verifyStaffLogin(
  input: { username: string; password: string },
  ip: string | null,
): Promise<StaffLoginResult> {
  const started = Date.now();
  const username = input.username.trim().toLowerCase();
  const audit = { action: STAFF_LOGIN_ACTION, targetType: "LoginSubject", targetId: username, ip };
  const blockedUntil = await loginBlockedUntil(STAFF_LOGIN_ACTION, username, ip);
  if (blockedUntil) {
    await recordAudit({ ...audit, actorType: "ANONYMOUS", outcome: "DENIED", details: { reason: "locked" } });
    return {
      ok: false,
      code: "THROTTLED",
      message: authMessages.staffThrottled(formatTime(blockedUntil)),
    };
  }
  const staff = await getDb().staffUser.findUnique({
    where: { username },
    select: { id: true, active: true, passwordHash: true, mustChangePassword: true },
  });
  const passwordOk = await verifyPassword(staff?.passwordHash ?? DUMMY_HASH, input.password);
  const verified = staff && staff.active && passwordOk ? staff : null;
  await recordAudit({
    ...audit,
    actorType: verified ? "STAFF" : "ANONYMOUS",
    actorId: verified?.id ?? null,
    outcome: verified ? "SUCCESS" : "FAILURE",
    details: { reason: verified ? undefined : !staff ? "unknown" : !staff.active ? "inactive" : "password" },
  });
  await sleep(Math.max(0, MIN_RESPONSE_MS - (Date.now() - started)));
  return verified
    ? { ok: true, staffId: verified.id, mustChangePassword: verified.mustChangePassword }
    : { ok: false, code: "LOGIN_FAILED", message: STAFF_LOGIN_FAILED_MESSAGE };
}
