import "server-only";
import type { DbOrTx } from "@/server/db";

const CHUNK = 5_000;

export interface BulkAuditEntry {
  action: string;
  targetType: string;
  targetId: string;
  /** Never a full ID number: masked forms only. */
  details: Record<string, unknown>;
}

/**
 * Appends many audit entries of one staff member in bulk (INSERT ... SELECT FROM unnest): the
 * per-learner rows of an import. Same columns as recordAudit, all SUCCESS.
 */
export async function insertAuditEntries(
  db: DbOrTx,
  actor: { staffId: string; ip: string | null },
  entries: readonly BulkAuditEntry[],
): Promise<void> {
  for (let start = 0; start < entries.length; start += CHUNK) {
    const chunk = entries.slice(start, start + CHUNK);
    await db.$executeRaw`
      INSERT INTO "AuditLog" ("actorType", "actorId", "action", "targetType", "targetId", "ip", "outcome", "details")
      SELECT 'STAFF'::"ActorType", ${actor.staffId}, v.action, v.target_type, v.target_id, ${actor.ip},
        'SUCCESS'::"AuditOutcome", v.details
      FROM unnest(
        ${chunk.map((e) => e.action)}::text[], ${chunk.map((e) => e.targetType)}::text[],
        ${chunk.map((e) => e.targetId)}::text[], ${chunk.map((e) => JSON.stringify(e.details))}::jsonb[]
      ) AS v(action, target_type, target_id, details)`;
  }
}
