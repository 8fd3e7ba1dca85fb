// The completion counts under the portal's runtime role (scripts/db/app-role.ts, ADR 0020): the
// role's own work (registering a learner, a ledger entry, a transfer) keeps the counts through
// the triggers, which run as their owner; the role reads the counts and folds them, but can
// neither write them nor read the per-learner state behind them, nor recount. PostgreSQL only.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { appDatabaseUrl, ensureAppRole } from "../../scripts/db/app-role";
import { applyMigrations, isPglite, withDatabaseName } from "../../scripts/db/schema-engine";

const server = inject("databaseUrl");
const onPglite = await isPglite(server);
const name = `cc_role_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
const role = `wh_kjxx_app_${randomUUID().replaceAll("-", "").slice(0, 8)}`;

async function run(url: string, sql: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, values)).rows;
  } finally {
    await client.end();
  }
}

const COUNTS = `SELECT "kind"::text, "year", SUM("learners")::int AS n FROM (
  SELECT * FROM "CompletionCount" UNION ALL SELECT "districtId", "kind", "year", "learners" FROM "CompletionCountDelta") c
  WHERE "districtId" = $1 GROUP BY 1, 2 HAVING SUM("learners") <> 0 ORDER BY 1, 2`;

describe.skipIf(onPglite)("the completion counts and the runtime role", () => {
  let owner = "";
  let app = "";
  let district = 0;

  beforeAll(async () => {
    await run(server, `CREATE DATABASE "${name}"`);
    owner = withDatabaseName(server, name);
    await applyMigrations(owner);
    await ensureAppRole(owner, role);
    app = appDatabaseUrl(owner, role);
    const [row] = await run(
      owner,
      `INSERT INTO "District" ("code", "name", "kind", "sortOrder", "officeName", "phone", "address", "hours", "updatedAt")
       VALUES ('test', '测试区', 'DISTRICT', 1, '测试区财政局', '027-1', '某路1号', '工作日', now()) RETURNING "id"`,
    );
    district = row!.id as number;
  }, 120_000);

  afterAll(async () => {
    if (onPglite) return;
    await run(server, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await run(server, `DROP ROLE IF EXISTS "${role}"`);
  });

  it("keeps the counts through the role's own writes", async () => {
    const id = randomUUID();
    await run(
      app,
      `INSERT INTO "Learner" ("id", "idNumberHmac", "idNumberEncrypted", "idNumberMasked", "name", "gender", "birthDate", "districtId", "employer", "qualification", "startYear", "updatedAt")
       VALUES ($1, $2, 'x', '4201**********0000', '测试', 'F', '1980-01-01', $3, '单位', 'JUNIOR', 2024, now())`,
      [id, randomUUID(), district],
    );
    await run(
      app,
      `INSERT INTO "CreditEntry" ("learnerId", "year", "category", "credits", "source", "sourceKey")
       VALUES ($1, 2024, 'PROFESSIONAL', 90, 'ADJUSTMENT', 'role:' || $1), ($1, 2025, 'PUBLIC', 30, 'ADJUSTMENT', 'role2:' || $1)`,
      [id],
    );
    expect(await run(app, COUNTS, [district])).toEqual([
      { kind: "ACTIVE_YEAR", year: 2025, n: 1 },
      { kind: "COMPLETE", year: 2024, n: 1 },
      { kind: "IN_PROGRESS", year: 2025, n: 1 },
      { kind: "REGISTERED", year: 2024, n: 1 },
    ]);
    expect((await run(app, `SELECT "completion_counts_fold"() AS folded`))[0]!.folded).toBeGreaterThan(0);
    expect(await run(app, `SELECT COUNT(*)::int AS n FROM "CompletionCountDelta"`)).toEqual([{ n: 0 }]);
    await run(app, `UPDATE "Learner" SET "status" = 'DISABLED' WHERE "id" = $1`, [id]);
    expect(await run(app, COUNTS, [district])).toEqual([]);
  });

  it("cannot write the counts, read the per-learner state or recount", async () => {
    const refused = /permission denied/;
    for (const sql of [
      `INSERT INTO "CompletionCount" VALUES (${district}, 'COMPLETE', 2024, 1000)`,
      `UPDATE "CompletionCount" SET "learners" = 0`,
      `DELETE FROM "CompletionCount"`,
      `INSERT INTO "CompletionCountDelta" ("districtId", "kind", "year", "learners") VALUES (${district}, 'COMPLETE', 2024, 1000)`,
      `DELETE FROM "CompletionCountDelta"`,
      `TRUNCATE "CompletionCount"`,
      `SELECT * FROM "CompletionLearner"`,
      `UPDATE "CompletionLearner" SET "counted" = true`,
      `SELECT "completion_counts_rebuild"()`,
    ]) {
      await expect(run(app, sql), sql).rejects.toThrow(refused);
    }
  });
});
