import "server-only";
import type { ImportRowValue } from "@/domain/import";
import type { DbOrTx } from "@/server/db";

const CHUNK = 5_000;

/**
 * Updates learners in bulk, one UPDATE ... FROM unnest(arrays) per 5,000 rows. An empty mobile
 * (null) keeps the stored number. Status is never touched: an import does not re-enable anyone.
 */
export async function updateLearners(
  db: DbOrTx,
  rows: readonly { learnerId: string; value: ImportRowValue }[],
): Promise<void> {
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK);
    const column = <T>(pick: (row: ImportRowValue) => T) => chunk.map((row) => pick(row.value));
    await db.$executeRaw`
      UPDATE "Learner" AS l SET
        "name" = v.name, "districtId" = v.district_id, "employer" = v.employer,
        "qualification" = v.qualification::"Qualification", "startYear" = v.start_year,
        "mobile" = COALESCE(v.mobile, l."mobile"), "updatedAt" = now()
      FROM unnest(
        ${chunk.map((r) => r.learnerId)}::text[], ${column((r) => r.name)}::text[], ${column((r) => r.districtId)}::int[],
        ${column((r) => r.employer)}::text[], ${column((r) => r.qualification)}::text[], ${column((r) => r.startYear)}::int[],
        ${column((r) => r.mobile)}::text[]
      ) AS v(id, name, district_id, employer, qualification, start_year, mobile)
      WHERE l."id" = v.id`;
  }
}
