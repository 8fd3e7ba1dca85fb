import "server-only";
import type { ActorType, AuditOutcome } from "@/generated/prisma/enums";
import type { InputJsonValue } from "@/generated/prisma/internal/prismaNamespace";
import { getDb, type DbOrTx } from "@/server/db";

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

/** Appends one audit row; pass `tx` to commit it together with the change it records. */
export async function recordAudit(entry: AuditEntry, tx: DbOrTx = getDb()): Promise<void> {
  await tx.auditLog.create({ data: entry });
}
