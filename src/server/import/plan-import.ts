import "server-only";
import { createHash } from "node:crypto";
import { classifyImportRow, validateImportRows, type ImportRowKind, type PlannedImportRow } from "@/domain/import";
import { currentYear } from "@/lib/time";
import type { CurrentStaff } from "@/server/auth/session";
import { getDb, type DbOrTx } from "@/server/db";
import { hashIdNumber } from "@/server/identity/id-number-crypto";
import { managesDistrict } from "@/server/staff/learner-scope";
import { findExistingLearners } from "./find-existing-learners";
import { readImportFile, type ImportFile } from "./read-import-file";

export interface ImportPlan {
  format: "xlsx" | "csv";
  fileSha256: string;
  /**
   * The file and what each of its rows would do: the commit refuses to run when its own plan
   * differs from the one the administrator reviewed (another file, or the data moved since).
   */
  digest: string;
  rows: PlannedImportRow[];
  counts: Record<ImportRowKind, number>;
  /** HMAC of each valid row's ID number, by row number (server side only). */
  hmacByRow: Map<number, string>;
}

/**
 * The dry run (预检) of a bulk import: every row validated and compared with what is registered,
 * in a bounded number of queries (districts, existing learners by HMAC, earliest credit years).
 * Writes nothing. The commit runs the same plan again inside its transaction, on the rows of
 * `file` read from `bytes` before it began (reading a workbook takes seconds: its own process).
 */
export async function planImport(
  staff: Pick<CurrentStaff, "role" | "districtId">,
  bytes: Uint8Array,
  opts: { db?: DbOrTx; lock?: boolean; file?: ImportFile } = {},
): Promise<ImportPlan> {
  const db = opts.db ?? getDb();
  const file = opts.file ?? (await readImportFile(bytes));
  const districts = await db.district.findMany({
    select: { id: true, code: true, name: true, kind: true, officeName: true },
  });
  const manages = (districtId: number) => managesDistrict(staff, districtId);
  const validated = validateImportRows(file.rows, file.indexes, { districts, manages, currentYear: currentYear() });

  const hmacByRow = new Map<number, string>();
  for (const row of validated) if (row.ok) hmacByRow.set(row.rowNumber, hashIdNumber(row.value.idNumber));
  const existing = await findExistingLearners(db, [...hmacByRow.values()], { lock: opts.lock });

  // Only a later start year can strand credits; their earliest ledger year, in one grouped query.
  const laterStart = validated.flatMap((row) => {
    const learner = row.ok ? existing.get(hmacByRow.get(row.rowNumber) ?? "") : undefined;
    return row.ok && learner && row.value.startYear > learner.startYear ? [learner.id] : [];
  });
  const earliest = laterStart.length
    ? await db.creditEntry.groupBy({
        by: ["learnerId"],
        where: { learnerId: { in: laterStart } },
        _min: { year: true },
      })
    : [];
  const earliestByLearner = new Map(earliest.map((e) => [e.learnerId, e._min.year ?? undefined]));

  const rows = validated.map((row): PlannedImportRow => {
    if (!row.ok) {
      return {
        kind: "invalid",
        rowNumber: row.rowNumber,
        reasons: row.reasons,
        idNumberMasked: row.idNumberMasked,
        name: row.name,
      };
    }
    const learner = existing.get(hmacByRow.get(row.rowNumber) ?? "");
    return classifyImportRow(row.rowNumber, row.value, learner, {
      manages,
      earliestCreditYear: learner ? earliestByLearner.get(learner.id) : undefined,
    });
  });
  const counts: Record<ImportRowKind, number> = { new: 0, changed: 0, unchanged: 0, invalid: 0 };
  for (const row of rows) counts[row.kind]++;
  const fileSha256 = createHash("sha256").update(bytes).digest("hex");
  const digest = createHash("sha256")
    .update(fileSha256)
    .update(rows.map((row) => `${row.rowNumber}:${row.kind}`).join(","))
    .digest("hex");
  return { format: file.format, fileSha256, digest, rows, counts, hmacByRow };
}
