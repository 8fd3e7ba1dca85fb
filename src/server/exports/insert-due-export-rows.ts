import "server-only";
import type { CreditPolicyRow } from "@/domain/credits";
import type { Queryable } from "./export-pool";

// The learner-years due, into a temporary table of the transaction, analyzed: the planner then
// knows how many there are (none or 500,000) and joins them by hash, where an estimate of the
// inline CTE (often "1") led it into nested loops. The last export of each learner-year is one
// pass over the year's earlier rows, joined by hash: a lookup per learner took 2.3 of 3.9 s for
// 500,000 learners (measured). $1 year, $2 total, $3 professional. Whether a year is complete is
// the database's credit_year_complete (migration 20261203170000_credit_year_complete), the SQL
// twin of isYearComplete in src/domain/credits, here and in the running sums below: a plain SQL
// function the planner inlines, so the filter stays on the columns and their statistics.
const SELECT_DUE = `
  CREATE TEMPORARY TABLE export_due ON COMMIT DROP AS
  SELECT t."learnerId", t."totalCredits" AS total, t."professionalCredits" AS professional,
         CASE WHEN e."totalCredits" IS NULL THEN 'NEW'
              WHEN e."accepted" = false AND e."totalCredits" = t."totalCredits"
                   AND e."professionalCredits" = t."professionalCredits" THEN 'RESEND'
              ELSE 'CORRECTION' END::"ExportRowKind" AS kind
  FROM "CreditYearTotal" t
  JOIN "Learner" l ON l."id" = t."learnerId" AND l."startYear" <= $1
  LEFT JOIN (
    SELECT DISTINCT ON (r."learnerId") r."learnerId", r."totalCredits", r."professionalCredits",
           res."accepted", res."recordedAt" AS "answeredAt"
    FROM "ExportRow" r
    JOIN "ExportBatch" b ON b."id" = r."batchId" AND b."state" <> 'WITHDRAWN'
    LEFT JOIN "ExportRowResult" res ON res."batchId" = r."batchId" AND res."seq" = r."seq"
    WHERE r."year" = $1
    ORDER BY r."learnerId", r."batchId" DESC
  ) e ON e."learnerId" = t."learnerId"
  WHERE t."year" = $1 AND credit_year_complete(t."totalCredits", t."professionalCredits", $2, $3)
    AND (e."totalCredits" IS NULL OR e."totalCredits" <> t."totalCredits"
         OR e."professionalCredits" <> t."professionalCredits"
         OR (e."accepted" = false AND l."updatedAt" > e."answeredAt"))`;

// $1 batch, $2 year, $3 required total, $4 required professional, $5 credits per hour.
const INSERT_ROWS = `
  WITH steps AS (
    SELECT ce."learnerId", ce."recordedAt",
           credit_year_complete((SUM(ce."credits") OVER w)::int,
             COALESCE(SUM(ce."credits") FILTER (WHERE ce."category" = 'PROFESSIONAL') OVER w, 0)::int, $3, $4) AS done,
           ROW_NUMBER() OVER w AS n
    FROM "CreditEntry" ce
    JOIN export_due d ON d."learnerId" = ce."learnerId"
    WHERE ce."year" = $2
    WINDOW w AS (PARTITION BY ce."learnerId" ORDER BY ce."recordedAt", ce."id" ROWS UNBOUNDED PRECEDING)
  ),
  completion AS (
    SELECT "learnerId", MIN("recordedAt") FILTER (WHERE n > last_undone) AS "completedAt"
    FROM (
      SELECT "learnerId", "recordedAt", n,
             COALESCE(MAX(n) FILTER (WHERE NOT done) OVER (PARTITION BY "learnerId"), 0) AS last_undone
      FROM steps
    ) marked
    GROUP BY "learnerId"
  )
  INSERT INTO "ExportRow" ("batchId", "seq", "learnerId", "year", "idNumberEncrypted", "name", "districtId",
    "districtName", "totalCredits", "professionalCredits", "publicCredits", "hoursTenths", "completedAt", "kind")
  SELECT $1, ROW_NUMBER() OVER (ORDER BY dist."sortOrder", l."name", l."id")::int,
         d."learnerId", $2, l."idNumberEncrypted", l."name", l."districtId", dist."name",
         d.total, d.professional, d.total - d.professional,
         ROUND(d.total * 10::numeric / $5)::int,
         c."completedAt", d.kind
  FROM export_due d
  JOIN "Learner" l ON l."id" = d."learnerId"
  JOIN "District" dist ON dist."id" = l."districtId"
  JOIN completion c ON c."learnerId" = d."learnerId"`;

/**
 * Writes the snapshot rows of a batch in SQL (no row passes through Node) and returns how many.
 * Must run inside the caller's transaction (the temporary table lives until its end). Due are
 * the learners whose year is an obligation year (start year ≤ year), is complete under that
 * year's policy row (judged on CreditYearTotal, the ledger's sums), and was never exported or
 * was exported with other figures (total or professional credits; public credits follow); a
 * withdrawn batch counts as never sent, and a line the province rejected is due again once its
 * learner's data was edited after the rejection (the district bureau's fix).
 *
 * 完成日期 (completedAt) is the recordedAt of the ledger entry that made the year complete, in
 * ledger order (recordedAt, id): running sums per learner, and the first entry after the last
 * one at which the year was still incomplete. A reversal can undo a completion and later credits
 * complete the year again: the date is then when it became complete for good.
 */
export async function insertDueExportRows(
  tx: Queryable,
  input: { batchId: number; year: number; rule: CreditPolicyRow },
): Promise<number> {
  const { batchId, year, rule } = input;
  const due = await tx.query(SELECT_DUE, [year, rule.requiredTotal, rule.requiredProfessional]);
  if (!due.rowCount) return 0;
  await tx.query("ANALYZE export_due");
  const inserted = await tx.query(INSERT_ROWS, [
    batchId,
    year,
    rule.requiredTotal,
    rule.requiredProfessional,
    rule.creditsPerHour,
  ]);
  return inserted.rowCount ?? 0;
}
