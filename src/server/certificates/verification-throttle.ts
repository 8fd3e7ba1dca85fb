import "server-only";
import { asSql } from "@/server/sql";
import { getDb } from "@/server/db";

// The public verification page answers anyone; what it must not do is let one address try codes
// by the thousand. As sign-in does (login-throttle.ts), it counts the failures (unknown codes),
// kept as audit rows, so the limit holds across instances and restarts.
export const VERIFY_ACTION = "certificate.verify";
export const VERIFY_WINDOW_MS = 15 * 60 * 1000;
export const MAX_UNKNOWN_CODES_PER_ADDRESS = 30;

/** When verification from this address opens again, if it is refused for now; otherwise null. */
export async function verificationBlockedUntil(ip: string | null, now = new Date()): Promise<Date | null> {
  if (!ip) return null;
  const rows = await asSql(getDb()).query<{ at: Date }>(
    `SELECT "at" FROM "AuditLog"
     WHERE "ip" = $1 AND "action" = $2 AND "outcome" = 'FAILURE' AND "at" > $3::timestamp
     ORDER BY "at" DESC LIMIT $4::int`,
    [ip, VERIFY_ACTION, new Date(now.getTime() - VERIFY_WINDOW_MS).toISOString(), MAX_UNKNOWN_CODES_PER_ADDRESS],
  );
  const latest = rows[0];
  if (rows.length < MAX_UNKNOWN_CODES_PER_ADDRESS || !latest) return null;
  return new Date(new Date(latest.at).getTime() + VERIFY_WINDOW_MS);
}
