import "server-only";
import type { ActorType, AuditOutcome } from "@/generated/prisma/enums";
import type { InputJsonValue } from "@/generated/prisma/internal/prismaNamespace";
import { getDb, type DbOrTx } from "@/server/db";
import { asSql, utc, type SqlClient } from "@/server/sql";

export interface AuditEntry {
  actorType: ActorType;
  actorId?: string | null;
  action: string;
  targetType?: string;
  targetId?: string;
  ip?: string | null;
  outcome: AuditOutcome;
  /** Never a full ID number: masked forms only. */
  details?: InputJsonValue;
}

/**
 * Appends one audit row; pass `tx` (a Prisma transaction, or the exam's pg one) to commit it
 * together with the change it records. Its `districtId` (the district bureau that may read it)
 * is set by the table's insert trigger from the target and actor, as for every bulk insert
 * (audit_district, ADR 0025): written in the transaction, so a learner registered or moved in
 * it counts with his district of that moment.
 */
export async function recordAudit(entry: AuditEntry, tx: DbOrTx | SqlClient = getDb()): Promise<void> {
  await asSql(tx).query(
    `INSERT INTO "AuditLog" ("at", "actorType", "actorId", "action", "targetType", "targetId", "ip", "outcome", "details")
     VALUES ($1::timestamp, $2::"ActorType", $3, $4, $5, $6, $7, $8::"AuditOutcome", $9::jsonb)`,
    [
      utc(new Date()),
      entry.actorType,
      entry.actorId ?? null,
      entry.action,
      entry.targetType ?? null,
      entry.targetId ?? null,
      entry.ip ?? null,
      entry.outcome,
      entry.details === undefined ? null : JSON.stringify(entry.details),
    ],
  );
}
