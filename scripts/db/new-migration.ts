// `npm run db:migration -- <name>`: writes the next migration, i.e. the SQL that takes a
// database built from prisma/migrations to prisma/schema.prisma (the offline counterpart of
// `prisma migrate dev --create-only`). The migrations are replayed on a temporary shadow
// database on the DATABASE_URL server; the database DATABASE_URL names is not modified.
import { relative } from "node:path";

import {
  DEFAULT_MIGRATIONS_DIR,
  diffMigrationsToSchema,
  migrationFolderName,
  readMigrationsList,
  redactDatabaseUrl,
  writeMigration,
} from "./schema-engine";

const USAGE = "Usage: npm run db:migration -- <name>   (e.g. add_learner_email)";

const name = process.argv[2];
const databaseUrl = process.env.DATABASE_URL;
if (!name || process.argv.length > 3) {
  console.error(USAGE);
  process.exit(1);
}
if (!databaseUrl) {
  console.error("DATABASE_URL is not set: it names the server on which a temporary shadow database is created.");
  process.exit(1);
}

/**
 * Migrations run in folder-name order, so a new folder must sort after every existing one
 * (a clock set back, or a folder from a branch with a future timestamp, would break that).
 */
async function assertSortsLast(folder: string): Promise<void> {
  const { migrationDirectories } = await readMigrationsList(DEFAULT_MIGRATIONS_DIR);
  const last = migrationDirectories.at(-1)?.path;
  if (last !== undefined && folder <= last) {
    throw new Error(`The new folder ${folder} would not sort after the latest migration ${last}; check the clock.`);
  }
}

try {
  // Validate the name before the (slow) diff, and take the timestamp now like Prisma does.
  const folder = migrationFolderName(name);
  await assertSortsLast(folder);
  console.log(`Comparing prisma/migrations with prisma/schema.prisma (shadow on ${redactDatabaseUrl(databaseUrl)})`);
  const sql = await diffMigrationsToSchema(databaseUrl);
  if (sql === "") {
    console.log("No changes: the migrations already match prisma/schema.prisma. Nothing written.");
  } else {
    const file = await writeMigration(DEFAULT_MIGRATIONS_DIR, folder, sql);
    console.log(`Wrote ${relative(process.cwd(), file)}. Review it, then run npm run db:migrate.`);
  }
} catch (error) {
  console.error(`Creating the migration failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
