// The offline migration tooling (scripts/db/schema-engine.ts) against a real server: applying
// the migrations from scratch, idempotence, no drift between the migrations and schema.prisma,
// drift detection, and the append-only AuditLog trigger written by hand in the init migration.
// Every test gets its own empty database: a uniquely named one on TEST_DATABASE_URL's server
// (dropped afterwards), or a fresh in-memory PGlite when there is no server or it is PGlite
// (which serves a single database, so CREATE DATABASE cannot isolate anything there).
import { createHash, randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";

import { afterEach, beforeEach, describe, expect, it } from "vitest";

import {
  applyMigrations,
  DEFAULT_MIGRATIONS_DIR,
  DEFAULT_SCHEMA_PATH,
  diffMigrationsToSchema,
  isPglite,
  readMigrationsList,
  withDatabaseName,
} from "../../scripts/db/schema-engine";
import { startEmbeddedPostgres } from "../../scripts/lib/embedded-postgres";
import { queryOn } from "../support/sql";

// Starting PGlite and replaying the migrations on a shadow database take a few seconds each.
const SLOW = { timeout: 60_000 };

interface FreshDatabase {
  url: string;
  drop(): Promise<void>;
}

async function createFreshDatabase(): Promise<FreshDatabase> {
  const server = process.env.TEST_DATABASE_URL;
  if (!server || (await isPglite(server))) {
    const embedded = await startEmbeddedPostgres();
    return { url: embedded.url, drop: () => embedded.stop() };
  }
  const name = `migrations_test_${randomUUID().replaceAll("-", "").slice(0, 16)}`;
  await queryOn(server, `CREATE DATABASE "${name}"`);
  return {
    url: withDatabaseName(server, name),
    drop: async () => {
      await queryOn(server, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}

async function migrationFolders(): Promise<string[]> {
  const list = await readMigrationsList(DEFAULT_MIGRATIONS_DIR);
  return list.migrationDirectories.map((directory) => directory.path);
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

interface MigrationRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  applied_steps_count: number;
}

async function recordedMigrations(url: string): Promise<MigrationRow[]> {
  return queryOn<MigrationRow>(
    url,
    `SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count
       FROM "_prisma_migrations" ORDER BY migration_name`,
  );
}

async function insertAuditEvent(url: string): Promise<void> {
  await queryOn(url, `INSERT INTO "AuditLog" ("actorType", "action", "outcome") VALUES ('SYSTEM', 'test', 'SUCCESS')`);
}

describe("offline migrations (WASM schema engine)", () => {
  let db: FreshDatabase;

  beforeEach(async () => {
    db = await createFreshDatabase();
  }, SLOW.timeout);

  afterEach(async () => {
    await db.drop();
  }, SLOW.timeout);

  it("applies every migration to an empty database and records it in _prisma_migrations", SLOW, async () => {
    const folders = await migrationFolders();
    expect(folders.length).toBeGreaterThan(0);

    const { appliedMigrationNames } = await applyMigrations(db.url);

    expect(appliedMigrationNames).toEqual(folders);
    const tables = await queryOn<{ table_name: string }>(
      db.url,
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`,
    );
    expect(tables.map((table) => table.table_name)).toEqual(
      expect.arrayContaining(["District", "Learner", "StaffUser", "AuditLog", "_prisma_migrations"]),
    );
    const rows = await recordedMigrations(db.url);
    expect(rows.map((row) => row.migration_name)).toEqual(folders);
    for (const row of rows) {
      const script = await readFile(join(DEFAULT_MIGRATIONS_DIR, row.migration_name, "migration.sql"), "utf8");
      // Same checksum as the native engine writes, so `prisma migrate status` agrees.
      expect(row.checksum).toBe(sha256(script));
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
  });

  it("applies nothing the second time", SLOW, async () => {
    await applyMigrations(db.url);
    const before = await recordedMigrations(db.url);

    const { appliedMigrationNames } = await applyMigrations(db.url);

    expect(appliedMigrationNames).toEqual([]);
    expect(await recordedMigrations(db.url)).toEqual(before);
  });

  it("finds no drift between the migrations and schema.prisma", SLOW, async () => {
    expect(await diffMigrationsToSchema(db.url)).toBe("");
  });

  it("detects a field added to the schema without a migration", SLOW, async () => {
    const schema = await readFile(DEFAULT_SCHEMA_PATH, "utf8");
    const modelLine = "model AuditLog {";
    expect(schema).toContain(modelLine);
    const drifted = schema.replace(modelLine, `${modelLine}\n  driftProbe String?`);

    const sql = await diffMigrationsToSchema(db.url, { datamodel: drifted });

    expect(sql).toMatch(/ALTER TABLE "AuditLog" ADD COLUMN\s+"driftProbe" TEXT/);
  });

  it("keeps AuditLog, the ledger and exported rows append-only: UPDATE, DELETE and TRUNCATE raise", SLOW, async () => {
    await applyMigrations(db.url);
    await insertAuditEvent(db.url);

    await expect(queryOn(db.url, `UPDATE "AuditLog" SET "action" = 'changed'`)).rejects.toThrow(
      /AuditLog is append-only/,
    );
    await expect(queryOn(db.url, `DELETE FROM "AuditLog"`)).rejects.toThrow(/AuditLog is append-only/);
    expect(await queryOn(db.url, `SELECT "action" FROM "AuditLog"`)).toEqual([{ action: "test" }]);

    for (const table of ["AuditLog", "CreditEntry", "ExportRow"]) {
      await expect(queryOn(db.url, `TRUNCATE "${table}" CASCADE`)).rejects.toThrow(
        new RegExp(`${table} is append-only: TRUNCATE is not allowed`),
      );
    }
    expect(await queryOn(db.url, `SELECT "action" FROM "AuditLog"`)).toEqual([{ action: "test" }]);
  });
});
