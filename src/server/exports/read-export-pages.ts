import "server-only";
import { exportLineKind, type ExportLine } from "@/domain/exports";
import { decryptIdNumber } from "@/server/identity/id-number-crypto";
import type { Queryable } from "./export-pool";

/** Rows per query: large enough that round trips do not dominate, small enough to stay light. */
export const EXPORT_PAGE_SIZE = 2_000;

// Array rows in this column order. The date is formed by PostgreSQL in Wuhan's time zone: the
// column is a UTC timestamp without zone, which pg would read in the server's local zone.
const COLUMNS = `"seq", "idNumberEncrypted", "name", "year", "totalCredits", "professionalCredits",
  "publicCredits", "hoursTenths", to_char(("completedAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD'),
  "districtName", "kind"::text`;

function text(value: unknown): string {
  if (typeof value !== "string") throw new TypeError("export row: expected text");
  return value;
}

function integer(value: unknown): number {
  if (typeof value !== "number" || !Number.isInteger(value)) throw new TypeError("export row: expected an integer");
  return value;
}

/** A stored row as a file line, the ID number decrypted: the shapes are checked, not assumed. */
function toLine(row: unknown[]): ExportLine {
  return {
    idNumber: decryptIdNumber(text(row[1])),
    name: text(row[2]),
    year: integer(row[3]),
    totalCredits: integer(row[4]),
    professionalCredits: integer(row[5]),
    publicCredits: integer(row[6]),
    hoursTenths: integer(row[7]),
    completedOn: text(row[8]),
    districtName: text(row[9]),
    kind: exportLineKind(text(row[10])),
  };
}

async function readPage(db: Queryable, batchId: number, afterSeq: number, take: number, districtId: number | null) {
  const district = districtId === null ? "" : `AND "districtId" = $4`;
  const values = districtId === null ? [batchId, afterSeq, take] : [batchId, afterSeq, take, districtId];
  const result = await db.query<unknown[]>({
    text: `SELECT ${COLUMNS} FROM "ExportRow"
           WHERE "batchId" = $1 AND "seq" > $2 ${district} ORDER BY "seq" LIMIT $3`,
    values,
    rowMode: "array",
  });
  return result.rows;
}

/**
 * The lines of a batch in file order, a page at a time (keyset pagination on `seq`), so that a
 * file of any size is written without holding it: memory stays at two pages (the next one is
 * fetched while the current one is written). The ID number is decrypted here, page by page.
 * `districtId` limits the lines to one district (a district bureau's copy).
 */
export async function* readExportPages(
  db: Queryable,
  batchId: number,
  opts: { districtId?: number | null; pageSize?: number } = {},
): AsyncGenerator<ExportLine[]> {
  const take = opts.pageSize ?? EXPORT_PAGE_SIZE;
  const districtId = opts.districtId ?? null;
  let next: Promise<unknown[][]> | null = readPage(db, batchId, 0, take, districtId);
  while (next) {
    const rows: unknown[][] = await next;
    const last = rows.at(-1);
    next = last && rows.length === take ? readPage(db, batchId, integer(last[0]), take, districtId) : null;
    // Keep the prefetched page's rejection from surfacing as unhandled if the reader stops here.
    next?.catch(() => undefined);
    yield rows.map(toLine);
  }
}
