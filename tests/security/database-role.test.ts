// The portal's runtime role (scripts/db/app-role.ts) on a real PostgreSQL server: after the
// migrations and ensureAppRole, connected as that role, the ledger, the audit log and exported
// rows cannot be changed, removed or truncated, triggers cannot be switched off, and the
// portal's own work (a ledger entry and its totals, an audit row, the job runner) still goes.
// PGlite has one user, a superuser: nothing to prove there.
import { randomUUID } from "node:crypto";
import pg from "pg";
import PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { appDatabaseUrl, appRoleName, ensureAppRole } from "../../scripts/db/app-role";
import { applyMigrations, isPglite, withDatabaseName } from "../../scripts/db/schema-engine";
import { EXPORT_QUEUE, JOBS_SCHEMA } from "../../src/server/jobs/export-queue";

const server = inject("databaseUrl");
const onPglite = await isPglite(server);
const name = `role_test_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
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

describe.skipIf(onPglite)("the runtime database role", () => {
  let owner = "";
  let app = "";
  let learnerId = "";

  beforeAll(async () => {
    await run(server, `CREATE DATABASE "${name}"`);
    owner = withDatabaseName(server, name);
    await applyMigrations(owner);
    await ensureAppRole(owner, role);
    await ensureAppRole(owner, role); // idempotent
    app = appDatabaseUrl(owner, role);
    const [district] = await run(
      owner,
      `INSERT INTO "District" ("code", "name", "kind", "sortOrder", "officeName", "phone", "address", "hours", "updatedAt")
       VALUES ('test', '测试区', 'DISTRICT', 1, '测试区财政局', '027-1', '某路1号', '工作日', now()) RETURNING "id"`,
    );
    learnerId = randomUUID();
    await run(
      owner,
      `INSERT INTO "Learner" ("id", "idNumberHmac", "idNumberEncrypted", "idNumberMasked", "name", "gender", "birthDate", "districtId", "employer", "qualification", "startYear", "updatedAt")
       VALUES ($1, $2, 'x', '4201**********0000', '测试', 'F', '1980-01-01', $3, '单位', 'JUNIOR', 2024, now())`,
      [learnerId, randomUUID(), district!.id],
    );
  }, 120_000);

  afterAll(async () => {
    if (onPglite) return;
    await run(server, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await run(server, `DROP ROLE IF EXISTS "${role}"`);
  });

  it("is a plain login role that owns nothing", async () => {
    expect(appRoleName(undefined)).toBe("wh_kjxx_app");
    expect(() => appRoleName('x"; DROP')).toThrow(/DATABASE_APP_ROLE/);
    const [attributes] = await run(
      owner,
      `SELECT rolsuper, rolcreaterole, rolcreatedb, rolbypassrls, rolcanlogin, rolreplication FROM pg_roles WHERE rolname = $1`,
      [role],
    );
    expect(attributes).toEqual({
      rolsuper: false,
      rolcreaterole: false,
      rolcreatedb: false,
      rolbypassrls: false,
      rolcanlogin: true,
      rolreplication: false,
    });
    const owned = await run(
      owner,
      `SELECT c.relname FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner WHERE r.rolname = $1`,
      [role],
    );
    expect(owned).toEqual([]);
  });

  it("records the ledger and the audit log, whose totals the trigger keeps", async () => {
    await run(
      app,
      `INSERT INTO "CreditEntry" ("learnerId", "year", "category", "credits", "source", "sourceKey") VALUES ($1, 2024, 'PROFESSIONAL', 12, 'ADJUSTMENT', $2)`,
      [learnerId, `role-test:${randomUUID()}`],
    );
    expect(await run(app, `SELECT "totalCredits" FROM "CreditYearTotal" WHERE "learnerId" = $1`, [learnerId])).toEqual([
      { totalCredits: 12 },
    ]);
    await run(
      app,
      `INSERT INTO "AuditLog" ("actorType", "action", "outcome") VALUES ('SYSTEM', 'role.test', 'SUCCESS')`,
    );
    expect((await run(app, `SELECT count(*)::int AS n FROM "AuditLog"`))[0]).toEqual({ n: 1 });
  });

  it("cannot change, remove or truncate the ledger, the audit log, exported rows or the totals", async () => {
    for (const [table, column] of [
      ["CreditEntry", "year"],
      ["AuditLog", "action"],
      ["ExportRow", "year"],
    ]) {
      for (const statement of [
        `UPDATE "${table}" SET "${column}" = "${column}"`,
        `DELETE FROM "${table}"`,
        `TRUNCATE "${table}" CASCADE`,
      ]) {
        await expect(run(app, statement), statement).rejects.toThrow(/permission denied/);
      }
    }
    for (const statement of [
      `UPDATE "CreditYearTotal" SET "totalCredits" = 90`,
      `INSERT INTO "CreditYearTotal" ("learnerId", "year", "totalCredits", "professionalCredits") VALUES ('${learnerId}', 2020, 90, 60)`,
      `DELETE FROM "CreditYearTotal"`,
      `SELECT * FROM "_prisma_migrations"`,
    ]) {
      await expect(run(app, statement), statement).rejects.toThrow(/permission denied/);
    }
  });

  it("cannot switch the append-only triggers off, nor replay as a replica", async () => {
    await expect(run(app, `ALTER TABLE "CreditEntry" DISABLE TRIGGER ALL`)).rejects.toThrow(/must be owner/);
    await expect(run(app, `ALTER TABLE "AuditLog" DISABLE TRIGGER "AuditLog_append_only"`)).rejects.toThrow(
      /must be owner/,
    );
    await expect(run(app, `SET session_replication_role = replica`)).rejects.toThrow(/permission denied/);
    await expect(run(app, `CREATE TABLE "Intruder" (id int)`)).rejects.toThrow(/permission denied/);
    // TRUNCATE is refused even for the owner, by the triggers.
    await expect(run(owner, `TRUNCATE "CreditEntry" CASCADE`)).rejects.toThrow(/append-only/);
  });

  it("runs the job runner on the queue the owner installed", async () => {
    const boss = new PgBoss({ connectionString: app, schema: JOBS_SCHEMA, max: 1, supervise: false });
    boss.on("error", () => undefined);
    await boss.start();
    try {
      await boss.createQueue(EXPORT_QUEUE, { name: EXPORT_QUEUE, policy: "singleton" });
      const id = await boss.send(EXPORT_QUEUE, {});
      expect(id).toBeTruthy();
      const [job] = await boss.fetch(EXPORT_QUEUE);
      expect(job?.id).toBe(id);
      await boss.complete(EXPORT_QUEUE, job!.id);
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
  });
});
