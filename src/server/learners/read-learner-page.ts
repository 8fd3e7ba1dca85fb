import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { Gender, LearnerStatus, Qualification } from "@/generated/prisma/client";
import type { Db } from "@/server/db";
import type { LearnerCursor } from "./learner-list-cursor";

/** Where a page of the list starts. */
export type LearnerPagePosition =
  | { kind: "first" }
  /** The rows after this one (older registrations): the next link. */
  | { kind: "after"; cursor: LearnerCursor }
  /** The rows before this one (newer registrations): the previous link. */
  | { kind: "before"; cursor: LearnerCursor }
  | { kind: "last" }
  /** The first rows registered before this instant: the jump to a registration date. */
  | { kind: "until"; before: Date };

export interface LearnerPageRow {
  id: string;
  name: string;
  idNumberMasked: string;
  gender: Gender;
  employer: string;
  qualification: Qualification;
  startYear: number;
  status: LearnerStatus;
  registeredAt: Date;
  district: { name: string };
}

interface RawRow extends Omit<LearnerPageRow, "district"> {
  districtName: string;
}

const NEWEST_FIRST = Prisma.sql`ORDER BY l."registeredAt" DESC, l."id" DESC`;
const OLDEST_FIRST = Prisma.sql`ORDER BY l."registeredAt" ASC, l."id" ASC`;

function olderThan(c: LearnerCursor): Prisma.Sql {
  return Prisma.sql`(l."registeredAt", l."id") < (${c.registeredAt}, ${c.id})`;
}

function newerThan(c: LearnerCursor): Prisma.Sql {
  return Prisma.sql`(l."registeredAt", l."id") > (${c.registeredAt}, ${c.id})`;
}

/**
 * One keyset page of the learner list, newest registration first (the id breaking ties), and
 * whether rows lie before and after it. No OFFSET: each page is an index range scan from its
 * boundary (`Learner_registeredAt_id_idx`, or `Learner_districtId_registeredAt_id_idx` for a
 * district), so a deep page costs what the first does. The previous page and the last page read
 * the index the other way and are turned round. One row more than the page tells whether the
 * list goes on that way; a one-row probe answers the other side when the page did not start at
 * an end. A row registered while someone pages sorts before their cursor and never shifts it.
 */
export async function readLearnerPage(
  db: Db,
  conditions: Prisma.Sql[],
  position: LearnerPagePosition,
  size: number,
): Promise<{ rows: LearnerPageRow[]; hasPrevious: boolean; hasNext: boolean }> {
  const backwards = position.kind === "before" || position.kind === "last";
  const bound =
    position.kind === "after"
      ? [olderThan(position.cursor)]
      : position.kind === "before"
        ? [newerThan(position.cursor)]
        : position.kind === "until"
          ? [Prisma.sql`l."registeredAt" < ${position.before}`]
          : [];
  const raw = await db.$queryRaw<RawRow[]>`
    SELECT l."id", l."name", l."idNumberMasked", l."gender", l."employer", l."qualification",
           l."startYear", l."status", l."registeredAt", d."name" AS "districtName"
    FROM "Learner" l JOIN "District" d ON d."id" = l."districtId"
    WHERE ${Prisma.join([...conditions, ...bound], " AND ")}
    ${backwards ? OLDEST_FIRST : NEWEST_FIRST}
    LIMIT ${size + 1}`;
  const more = raw.length > size;
  const page = raw.slice(0, size);
  if (backwards) page.reverse();
  const rows = page.map(({ districtName, ...row }) => ({ ...row, district: { name: districtName } }));

  // The side the page came from: nothing beyond an end; after a cursor, whatever lies there now.
  // Ordered, so that it is the index's next entry and not a scan of the table for any match.
  const probe = async (side: Prisma.Sql, order: Prisma.Sql) => {
    const found = await db.$queryRaw<unknown[]>`
      SELECT 1 FROM "Learner" l WHERE ${Prisma.join([...conditions, side], " AND ")} ${order} LIMIT 1`;
    return found.length > 0;
  };
  const first = rows[0];
  const last = rows.at(-1);
  if (!first || !last) return { rows, hasPrevious: false, hasNext: false };
  switch (position.kind) {
    case "first":
      return { rows, hasPrevious: false, hasNext: more };
    case "last":
      return { rows, hasPrevious: more, hasNext: false };
    case "before":
      return { rows, hasPrevious: more, hasNext: await probe(olderThan(last), NEWEST_FIRST) };
    default:
      return { rows, hasPrevious: await probe(newerThan(first), OLDEST_FIRST), hasNext: more };
  }
}
