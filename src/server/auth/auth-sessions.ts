import "server-only";
import { randomUUID } from "node:crypto";
import { asSql, sqlQuery, type SqlClient } from "@/server/sql";
import type { DbOrTx } from "@/server/db";
import { ABSOLUTE_TIMEOUT_SECONDS } from "./session-limits";
import { isSessionId, type PrincipalKind } from "./session-token";

// The server's record of each sign-in (table AuthSession; ADR 0012). The session cookie names
// its row; a cookie whose row is missing, revoked or past the absolute limit is refused. Pages,
// actions and the exam endpoints ask on every request; heartbeats within a stated bound
// (HEARTBEAT_RECHECK_MS). Revocations made by this instance apply to its heartbeats at once.

/** The SQL condition "session $n of subject $m is current", for queries that check it inline. */
export function currentSessionCondition(sessionParam: string, subjectColumn: string): string {
  return `EXISTS (SELECT 1 FROM "AuthSession" s WHERE s."id" = ${sessionParam}::uuid AND s."subjectId" = ${subjectColumn}
    AND s."revokedAt" IS NULL AND s."createdAt" > now() AT TIME ZONE 'UTC' - interval '${ABSOLUTE_TIMEOUT_SECONDS} seconds')`;
}

/**
 * Records a sign-in and returns its session id. The subject's rows past the absolute limit are
 * removed on the way: the table holds at most a day's sign-ins per person.
 */
export async function openSession(kind: PrincipalKind, subjectId: string): Promise<string> {
  const id = randomUUID();
  await sqlQuery(
    `WITH expired AS (
       DELETE FROM "AuthSession" WHERE "subjectId" = $3
         AND "createdAt" < now() AT TIME ZONE 'UTC' - interval '${ABSOLUTE_TIMEOUT_SECONDS} seconds'
     )
     INSERT INTO "AuthSession" ("id", "kind", "subjectId", "createdAt") VALUES ($1::uuid, $2, $3, now() AT TIME ZONE 'UTC')`,
    [id, kind, subjectId],
  );
  return id;
}

/** Whether a session is current: known, of this subject, not revoked, within the absolute limit. */
export async function isSessionCurrent(sessionId: string, subjectId: string): Promise<boolean> {
  if (!isSessionId(sessionId)) return false;
  const rows = await sqlQuery(
    `SELECT 1 FROM (SELECT $2::text AS subject) x WHERE ${currentSessionCondition("$1", "x.subject")}`,
    [sessionId, subjectId],
  );
  return rows.length > 0;
}

// Heartbeats (one every 15 s per player) re-ask at most every HEARTBEAT_RECHECK_MS per session; a
// revocation on another instance reaches them within this bound, on this instance at once. Each
// answer is kept for a random half to all of the bound, so that sessions checked at the same
// moment (a restart, a class starting) are not all asked again at the same moment either.
export const HEARTBEAT_RECHECK_MS = 30_000;
const holder = globalThis as typeof globalThis & { __sessionChecks?: Map<string, number> };
const currentUntil = (holder.__sessionChecks ??= new Map());
const MAX_REMEMBERED = 50_000;

/** `isSessionCurrent`, a yes remembered for at most HEARTBEAT_RECHECK_MS. */
export async function isSessionCurrentForBeat(sessionId: string, subjectId: string): Promise<boolean> {
  const key = `${sessionId}\u0000${subjectId}`;
  const until = currentUntil.get(key);
  if (until !== undefined && Date.now() < until) return true;
  const current = await isSessionCurrent(sessionId, subjectId);
  if (!current) {
    currentUntil.delete(key);
    return false;
  }
  if (currentUntil.size >= MAX_REMEMBERED) currentUntil.clear();
  currentUntil.set(key, Date.now() + HEARTBEAT_RECHECK_MS * (0.5 + Math.random() / 2));
  return true;
}

/** Ends one session (sign-out). */
export async function revokeSession(sessionId: string): Promise<void> {
  if (!isSessionId(sessionId)) return;
  await sqlQuery(
    `UPDATE "AuthSession" SET "revokedAt" = now() AT TIME ZONE 'UTC' WHERE "id" = $1::uuid AND "revokedAt" IS NULL`,
    [sessionId],
  );
  for (const key of currentUntil.keys()) if (key.startsWith(`${sessionId}\u0000`)) currentUntil.delete(key);
}

/**
 * Ends every current session of an account (password changed or reset, account disabled, an
 * administrator ending them); returns how many. Pass the transaction the change runs in.
 */
export async function revokeSubjectSessions(subjectId: string, db?: DbOrTx | SqlClient): Promise<number> {
  const sql = db ? asSql(db) : { query: sqlQuery };
  const rows = await sql.query<{ id: string }>(
    `UPDATE "AuthSession" SET "revokedAt" = now() AT TIME ZONE 'UTC'
     WHERE "subjectId" = $1 AND "revokedAt" IS NULL RETURNING "id"::text AS "id"`,
    [subjectId],
  );
  for (const key of currentUntil.keys()) if (key.endsWith(`\u0000${subjectId}`)) currentUntil.delete(key);
  return rows.length;
}
