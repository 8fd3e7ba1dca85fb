import "server-only";
import { getDb } from "@/server/db";

// Failed sign-ins are audit rows; the throttle counts them, so that it holds across every
// instance and restart without a store of its own.
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_SUBJECT = 5;
export const MAX_FAILURES_PER_ADDRESS = 30;

/**
 * When sign-in for this subject (or from this address) is refused for now, the moment it opens
 * again; otherwise null. `action` is the audit action of the sign-in kind.
 */
export async function loginBlockedUntil(
  action: string,
  subject: string,
  ip: string | null,
  now = new Date(),
): Promise<Date | null> {
  const since = new Date(now.getTime() - LOGIN_WINDOW_MS);
  const db = getDb();
  const [bySubject, byAddress] = await Promise.all([
    db.auditLog.findMany({
      where: { action, targetType: "LoginSubject", targetId: subject, outcome: "FAILURE", at: { gt: since } },
      orderBy: { at: "desc" },
      take: MAX_FAILURES_PER_SUBJECT,
      select: { at: true },
    }),
    ip
      ? db.auditLog.findMany({
          where: { ip, action, outcome: "FAILURE", at: { gt: since } },
          orderBy: { at: "desc" },
          take: MAX_FAILURES_PER_ADDRESS,
          select: { at: true },
        })
      : [],
  ]);
  // Locked for a full window after the failure that reached the limit (the most recent one:
  // attempts while locked are refused, not counted, so they do not extend the lock).
  const until = (failures: { at: Date }[], max: number) =>
    failures.length >= max && failures[0] ? new Date(failures[0].at.getTime() + LOGIN_WINDOW_MS) : null;
  const times = [until(bySubject, MAX_FAILURES_PER_SUBJECT), until(byAddress, MAX_FAILURES_PER_ADDRESS)].filter(
    (d): d is Date => d !== null,
  );
  return times.length ? new Date(Math.max(...times.map((d) => d.getTime()))) : null;
}
