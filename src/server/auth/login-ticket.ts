import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";

// Credentials are verified once, in the sign-in server functions (throttling, audit, constant
// time). They hand next-auth a short-lived ticket naming who was verified; next-auth's
// `authorize` accepts nothing else, so its provider endpoints can never be used to bypass the
// verification, even if they were ever mounted.
const TTL_MS = 60_000;

export type TicketKind = "learner" | "staff";

function sign(payload: string): string {
  return createHmac("sha256", env().AUTH_SECRET).update(`login-ticket:${payload}`).digest("base64url");
}

export function issueLoginTicket(kind: TicketKind, subjectId: string, now = Date.now()): string {
  const payload = `${kind}.${subjectId}.${now + TTL_MS}`;
  return `${payload}.${sign(payload)}`;
}

/** The subject id when the ticket is genuine, of this kind and not expired; otherwise null. */
export function verifyLoginTicket(kind: TicketKind, ticket: unknown, now = Date.now()): string | null {
  if (typeof ticket !== "string") return null;
  const parts = ticket.split(".");
  if (parts.length !== 4) return null;
  const [ticketKind, subjectId, expires, signature] = parts as [string, string, string, string];
  const expected = Buffer.from(sign(`${ticketKind}.${subjectId}.${expires}`));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  if (ticketKind !== kind || Number(expires) < now) return null;
  return subjectId;
}
