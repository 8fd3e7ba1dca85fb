import "server-only";
import type { ExistingLearner } from "@/domain/import";
import type { DbOrTx } from "@/server/db";

interface Row extends ExistingLearner {
  idNumberHmac: string;
}

/**
 * The learners already registered under any of these ID-number HMACs, in one query whatever their
 * number (an array parameter, not one placeholder per value). With `lock`, their rows stay locked
 * for the rest of the transaction, so what the import compared is what it overwrites.
 */
export async function findExistingLearners(
  db: DbOrTx,
  hmacs: readonly string[],
  opts: { lock?: boolean } = {},
): Promise<Map<string, ExistingLearner>> {
  if (hmacs.length === 0) return new Map();
  const rows = opts.lock
    ? await db.$queryRaw<Row[]>`
        SELECT l."id", l."idNumberHmac", l."name", l."districtId", d."name" AS "districtName", l."employer",
               l."qualification"::text AS "qualification", l."startYear", l."mobile", l."status"::text AS "status"
        FROM "Learner" l JOIN "District" d ON d."id" = l."districtId"
        WHERE l."idNumberHmac" = ANY(${hmacs}::text[])
        FOR NO KEY UPDATE OF l`
    : await db.$queryRaw<Row[]>`
        SELECT l."id", l."idNumberHmac", l."name", l."districtId", d."name" AS "districtName", l."employer",
               l."qualification"::text AS "qualification", l."startYear", l."mobile", l."status"::text AS "status"
        FROM "Learner" l JOIN "District" d ON d."id" = l."districtId"
        WHERE l."idNumberHmac" = ANY(${hmacs}::text[])`;
  return new Map(rows.map(({ idNumberHmac, ...learner }) => [idNumberHmac, learner]));
}
