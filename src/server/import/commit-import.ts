import "server-only";
import { randomUUID } from "node:crypto";
import type { PlannedImportRow } from "@/domain/import";
import { maskMobile, QUALIFICATION_LABELS } from "@/domain/learners";
import { Prisma } from "@/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { scrubIdNumbers } from "@/lib/scrub";
import { recordAudit } from "@/server/audit/record-audit";
import type { CurrentStaff } from "@/server/auth/session";
import { getDb } from "@/server/db";
import { insertAuditEntries, type BulkAuditEntry } from "./insert-audit-entries";
import { insertLearners } from "./insert-learners";
import { planImport } from "./plan-import";
import { readImportFile } from "./read-import-file";
import { updateLearners } from "./update-learners";

type NewRow = Extract<PlannedImportRow, { kind: "new" }>;
type ChangedRow = Extract<PlannedImportRow, { kind: "changed" }>;

// 20,000 rows take seconds, not Prisma's default 5 s budget for an interactive transaction.
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 120_000 } as const;

/** Before/after of each changed field, as the learner edit logs them (district by name). */
function changeDetails(row: ChangedRow) {
  return Object.fromEntries(
    row.changes.map((c) => {
      if (c.field === "mobile") return ["mobile", { before: maskMobile(c.before || null), after: maskMobile(c.after) }];
      return [
        c.field === "districtId" ? "district" : c.field,
        { before: scrubIdNumbers(c.before), after: scrubIdNumbers(c.after) },
      ];
    }),
  );
}

function learnerEntries(
  importId: string,
  created: { id: string; row: NewRow }[],
  updated: ChangedRow[],
): BulkAuditEntry[] {
  return [
    ...created.map(({ id, row }) => ({
      action: "learner.import.create",
      targetType: "Learner",
      targetId: id,
      details: {
        importId,
        rowNumber: row.rowNumber,
        idNumberMasked: row.value.idNumberMasked,
        name: row.value.name,
        district: row.value.districtName,
        qualification: QUALIFICATION_LABELS[row.value.qualification],
        startYear: row.value.startYear,
      },
    })),
    ...updated.map((row) => ({
      action: "learner.import.update",
      targetType: "Learner",
      targetId: row.learnerId,
      details: {
        importId,
        rowNumber: row.rowNumber,
        idNumberMasked: row.value.idNumberMasked,
        changes: changeDetails(row),
      },
    })),
  ];
}

/**
 * Applies a reviewed import: the same file planned again inside one transaction (with the
 * existing learners locked), refused if the plan differs from the reviewed one, then every new
 * learner inserted and every changed one updated in bulk, with one summary audit entry and one per
 * learner. All or nothing: any failure rolls back every row.
 */
export async function commitImport(
  staff: CurrentStaff,
  input: { bytes: Uint8Array; fileName: string; digest: string },
  ip: string | null,
) {
  try {
    // Read before the transaction begins: no connection waits idle in it meanwhile.
    const file = await readImportFile(input.bytes);
    return await getDb().$transaction(async (tx) => {
      const plan = await planImport(staff, input.bytes, { db: tx, lock: true, file });
      if (plan.digest !== input.digest) {
        throw new AppError("PLAN_CHANGED");
      }
      const toCreate = plan.rows.filter((r): r is NewRow => r.kind === "new");
      const toUpdate = plan.rows.filter((r): r is ChangedRow => r.kind === "changed");
      if (toCreate.length + toUpdate.length === 0) throw new AppError("NOTHING_TO_IMPORT");

      const ids = await insertLearners(
        tx,
        toCreate.map((r) => r.value),
        staff.id,
      );
      const created = toCreate.map((row, i) => ({ id: ids[i] ?? "", row }));
      await updateLearners(tx, toUpdate);
      const importId = randomUUID();
      await recordAudit(
        {
          actorType: "STAFF",
          actorId: staff.id,
          action: "learner.import",
          targetType: "Import",
          targetId: importId,
          ip,
          outcome: "SUCCESS",
          details: {
            fileName: scrubIdNumbers(input.fileName.slice(0, 200)),
            fileSha256: plan.fileSha256,
            format: plan.format,
            counts: plan.counts,
          },
        },
        tx,
      );
      await insertAuditEntries(tx, { staffId: staff.id, ip }, learnerEntries(importId, created, toUpdate));
      return { importId, created: created.length, updated: toUpdate.length, counts: plan.counts };
    }, TRANSACTION_OPTIONS);
  } catch (error) {
    // Someone registered one of these people while the import ran: nothing was written.
    if (error instanceof Prisma.PrismaClientKnownRequestError && isUniqueViolation(error)) {
      throw new AppError("IMPORT_CONFLICT");
    }
    if (error instanceof AppError) throw error;
    // Say plainly that nothing was written: the administrator must not wonder what is half done.
    logger.error({ err: error, staffId: staff.id }, "import commit failed");
    throw new AppError("IMPORT_FAILED");
  }
}

function field(value: unknown, key: string): unknown {
  return typeof value === "object" && value !== null ? Reflect.get(value, key) : undefined;
}

/** A unique violation: P2002 from Prisma's own queries, the driver adapter's kind from raw ones (P2010). */
function isUniqueViolation(error: Prisma.PrismaClientKnownRequestError): boolean {
  if (error.code === "P2002") return true;
  return field(field(field(error.meta, "driverAdapterError"), "cause"), "kind") === "UniqueConstraintViolation";
}
