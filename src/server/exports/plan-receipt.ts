import "server-only";
import { createHash } from "node:crypto";
import {
  APPLIED_KINDS,
  findReceiptHeader,
  parseReceiptLine,
  type ReceiptLine,
  type ReceiptLineKind,
} from "@/domain/exports";
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, TOO_LARGE_MESSAGE, TOO_MANY_ROWS_MESSAGE } from "@/domain/import";
import { maskIdNumber } from "@/domain/identity";
import { AppError } from "@/lib/errors";
import { exportMessages, importMessages } from "@/messages/zh-CN";
import type { DbOrTx } from "@/server/db";
import { hashIdNumber } from "@/server/identity/id-number-crypto";
import { readCsvRows } from "@/server/import/read-csv-rows";
import { asSql } from "@/server/sql";
import { readWorkbook } from "@/server/spreadsheets/read-workbook";

/** One line of the receipt as the dry run shows it (no full ID number) and the apply uses it. */
export interface PlannedReceiptLine {
  rowNumber: number;
  kind: ReceiptLineKind;
  idNumberMasked: string | null;
  name: string | null;
  year: number | null;
  /** The province's reason (a rejection), or what is wrong with the line. */
  reason: string | null;
  /** The batch line it answers, for the two kinds that are applied. */
  seq: number | null;
  learnerId: string | null;
}

export interface ReceiptPlan {
  /** SHA-256 of the file: the apply refuses another file than the one reviewed. */
  checksum: string;
  lines: PlannedReceiptLine[];
  counts: Record<ReceiptLineKind, number>;
}

/** The file's rows, CSV or XLSX by its content, with the learner import's limits. */
export async function readReceiptRows(bytes: Uint8Array): Promise<{ rowNumber: number; cells: readonly string[] }[]> {
  if (bytes.byteLength === 0) throw new AppError("EMPTY_FILE");
  if (bytes.byteLength > MAX_IMPORT_BYTES) throw new AppError("FILE_TOO_LARGE", TOO_LARGE_MESSAGE);
  const xlsx = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf) throw new AppError("UNSUPPORTED_FILE", importMessages.unsupportedXls);
  const read = xlsx ? await readWorkbook("learners", bytes) : { rows: readCsvRows(bytes), tooManyRows: false };
  if (read.tooManyRows || read.rows.length > MAX_IMPORT_ROWS + 10) {
    throw new AppError("TOO_MANY_ROWS", TOO_MANY_ROWS_MESSAGE);
  }
  return read.rows;
}

interface BatchLine {
  seq: number;
  learnerId: string;
  year: number;
  name: string;
}

/**
 * The dry run of a receipt against its batch: each line parsed, then matched by the HMAC of its
 * ID number to a learner, and by learner and year to a line of this batch. Shown, not applied:
 * lines that cannot be read, repeated lines, lines of no batch or of another batch, a name that
 * is not the batch's, and lines the batch already has a result for. A fixed set of queries
 * whatever the file's length. Writes nothing; the caller has authorized the batch.
 */
export async function planReceipt(db: DbOrTx, batchId: number, bytes: Uint8Array): Promise<ReceiptPlan> {
  const checksum = createHash("sha256").update(bytes).digest("hex");
  const rows = await readReceiptRows(bytes);
  const header = findReceiptHeader(rows.map((r) => r.cells));
  if (!header.ok) throw new AppError("NO_HEADER", header.reason);
  const body = rows.slice(header.index + 1).filter((r) => r.cells.some((c) => c.trim() !== ""));
  if (body.length === 0) throw new AppError("NO_ROWS");
  const parsed = body.map((r) => ({ rowNumber: r.rowNumber, line: parseReceiptLine(r.cells, header.indexes) }));

  const valid = parsed.flatMap((p) => (p.line.ok ? [p.line.value] : []));
  const hmacs = [...new Set(valid.map((l) => hashIdNumber(l.idNumber)))];
  const sql = asSql(db);
  const learners = await sql.query<{ id: string; idNumberHmac: string }>(
    `SELECT "id", "idNumberHmac" FROM "Learner" WHERE "idNumberHmac" = ANY($1::text[])`,
    [hmacs],
  );
  const learnerOf = new Map(learners.map((l) => [l.idNumberHmac, l.id]));
  const ids = learners.map((l) => l.id);
  const [ownLines, elsewhere, recorded] = await Promise.all([
    sql.query<BatchLine>(
      `SELECT "seq", "learnerId", "year", "name" FROM "ExportRow" WHERE "batchId" = $1 AND "learnerId" = ANY($2::text[])`,
      [batchId, ids],
    ),
    sql.query<{ learnerId: string; year: number }>(
      `SELECT DISTINCT "learnerId", "year" FROM "ExportRow" WHERE "batchId" <> $1 AND "learnerId" = ANY($2::text[])`,
      [batchId, ids],
    ),
    sql.query<{ seq: number }>(`SELECT "seq" FROM "ExportRowResult" WHERE "batchId" = $1`, [batchId]),
  ]);
  const key = (learnerId: string, year: number) => `${learnerId}|${year}`;
  const own = new Map(ownLines.map((l) => [key(l.learnerId, l.year), l]));
  const other = new Set(elsewhere.map((l) => key(l.learnerId, l.year)));
  const done = new Set(recorded.map((r) => r.seq));
  const seen = new Set<string>();

  const lines = parsed.map(({ rowNumber, line }): PlannedReceiptLine => {
    if (!line.ok) {
      return {
        rowNumber,
        kind: "invalid",
        idNumberMasked: null,
        name: null,
        year: null,
        reason: line.reason,
        seq: null,
        learnerId: null,
      };
    }
    const shown = (kind: ReceiptLineKind, match: BatchLine | null = null, reason = line.value.reason) => ({
      rowNumber,
      kind,
      idNumberMasked: maskIdNumber(line.value.idNumber),
      name: line.value.name,
      year: line.value.year,
      reason,
      seq: match?.seq ?? null,
      learnerId: match?.learnerId ?? null,
    });
    const value: ReceiptLine = line.value;
    const dedupe = `${value.idNumber}|${value.year}`;
    if (seen.has(dedupe)) return shown("duplicate");
    seen.add(dedupe);
    const learnerId = learnerOf.get(hashIdNumber(value.idNumber));
    const match = learnerId ? own.get(key(learnerId, value.year)) : undefined;
    if (!match) return shown(learnerId && other.has(key(learnerId, value.year)) ? "otherBatch" : "unknown");
    if (match.name !== value.name) return shown("nameMismatch", null, exportMessages.receiptNameInBatch(match.name));
    if (done.has(match.seq)) return shown("alreadyRecorded");
    return shown(value.accepted ? "accepted" : "rejected", match);
  });
  const counts = Object.fromEntries(
    (
      [
        "accepted",
        "rejected",
        "invalid",
        "duplicate",
        "unknown",
        "otherBatch",
        "nameMismatch",
        "alreadyRecorded",
      ] as const
    ).map((k) => [k, lines.filter((l) => l.kind === k).length]),
  ) as Record<ReceiptLineKind, number>;
  return { checksum, lines, counts };
}

/** The lines applying the plan records. */
export const appliedLines = (plan: ReceiptPlan) => plan.lines.filter((l) => APPLIED_KINDS.has(l.kind));
