// `npm run db:migrate`: applies the pending migrations of prisma/migrations to DATABASE_URL
// through the WASM schema engine (the offline counterpart of `prisma migrate deploy`).
import { applyMigrations, redactDatabaseUrl } from "./schema-engine";

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error("DATABASE_URL is not set. Example: DATABASE_URL=postgresql://user@host:5432/db npm run db:migrate");
  process.exit(1);
}

console.log(`Applying migrations to ${redactDatabaseUrl(databaseUrl)}`);
const started = performance.now();
try {
  const { appliedMigrationNames } = await applyMigrations(databaseUrl);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (appliedMigrationNames.length === 0) {
    console.log(`Database is up to date, no migration applied (${seconds}s).`);
  } else {
    for (const name of appliedMigrationNames) console.log(`  applied ${name}`);
    console.log(`Applied ${appliedMigrationNames.length} migration(s) in ${seconds}s.`);
  }
} catch (error) {
  console.error(`Migration failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
