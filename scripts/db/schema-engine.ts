// Offline migrations: Prisma's schema engine compiled to WebAssembly, driven through the
// @prisma/adapter-pg driver adapter. The native schema engine cannot be downloaded where the
// portal is built and deployed, so this module is the only entry to the engine; the CLIs
// (migrate.ts, new-migration.ts) and the tests go through the functions exported here.
// See docs/decisions/0002-offline-migrations.md for the why and the adapter quirks. The work
// is split by job:
//   migrations-folder.ts  prisma/migrations and schema.prisma on disk
//   wasm-engine.ts        loading and patching schema_engine_bg.wasm, running one engine
//   driver-adapter.ts     adapter-pg with the "char" and executeScript workarounds
//   shadow-database.ts    the temporary database a diff replays the migrations on
import type { DiffTarget, SchemaContainer, SchemaFilter } from "@prisma/schema-engine-wasm/schema_engine_bg";

import { DEFAULT_MIGRATIONS_DIR, loadSchema, readMigrationsList } from "./migrations-folder";
import { withSchemaEngine } from "./wasm-engine";

export {
  DEFAULT_MIGRATIONS_DIR,
  DEFAULT_SCHEMA_PATH,
  ensureMigrationLock,
  migrationFolderName,
  readMigrationsList,
  writeMigration,
} from "./migrations-folder";
export { isPglite, withDatabaseName } from "./shadow-database";

// The engine picks its connector from a schema and panics without one. Applying migrations must
// not depend on the models (nor break while schema.prisma is being edited), so it gets this.
const DATASOURCE_ONLY_SCHEMA: SchemaContainer = {
  path: "datasource.prisma",
  content: 'datasource db {\n  provider = "postgresql"\n}\n',
};

// No table or enum is managed outside of schema.prisma.
const NO_FILTER: SchemaFilter = { externalTables: [], externalEnums: [] };

export interface ApplyMigrationsOptions {
  /** Folder holding `<timestamp>_<name>/migration.sql`; defaults to prisma/migrations. */
  migrationsDir?: string;
}

export interface DiffOptions extends ApplyMigrationsOptions {
  /** Prisma schema file to diff against; defaults to prisma/schema.prisma. */
  schemaPath?: string;
  /** Schema content to use instead of reading `schemaPath` (e.g. a modified copy in tests). */
  datamodel?: string;
}

/**
 * Applies the migrations of `migrationsDir` that the database has not recorded yet, exactly as
 * `prisma migrate deploy` does (same `_prisma_migrations` bookkeeping and checksums).
 */
export async function applyMigrations(
  databaseUrl: string,
  options: ApplyMigrationsOptions = {},
): Promise<{ appliedMigrationNames: string[] }> {
  const migrationsList = await readMigrationsList(options.migrationsDir ?? DEFAULT_MIGRATIONS_DIR);
  return withSchemaEngine(databaseUrl, [DATASOURCE_ONLY_SCHEMA], async (engine) => {
    const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList, filters: NO_FILTER });
    return { appliedMigrationNames };
  });
}

/**
 * Returns the SQL that takes a database built from the migrations to the Prisma schema, or ""
 * when they agree (no drift). The migrations are replayed on a temporary shadow database on the
 * server of `databaseUrl` (or an in-memory PGlite when that server is PGlite); `databaseUrl`
 * itself is only read. With no migrations at all, the diff starts from an empty database.
 */
export async function diffMigrationsToSchema(databaseUrl: string, options: DiffOptions = {}): Promise<string> {
  const schema = await loadSchema(options);
  const migrationsList = await readMigrationsList(options.migrationsDir ?? DEFAULT_MIGRATIONS_DIR);
  const from: DiffTarget =
    migrationsList.migrationDirectories.length === 0 ? { tag: "empty" } : { tag: "migrations", ...migrationsList };
  return withSchemaEngine(databaseUrl, [schema], async (engine) => {
    // exitCode: true makes the engine say whether the diff is empty (0) or not (2), which is
    // sturdier than recognising its "-- This is an empty migration." text.
    const result = await engine.diff({
      from,
      to: { tag: "schemaDatamodel", files: [schema] },
      script: true,
      exitCode: true,
      filters: NO_FILTER,
    });
    if (result.exitCode === 0) return "";
    if (result.exitCode === 2 && result.stdout) return result.stdout;
    throw new Error(`The schema engine's diff ended with unexpected exit code ${result.exitCode}.`);
  });
}

/** The URL without its password, for messages. */
export function redactDatabaseUrl(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    if (url.password) url.password = "***";
    return url.toString();
  } catch {
    // An unparsable URL might contain the password anywhere: show nothing of it.
    return "<unparsable database URL>";
  }
}
