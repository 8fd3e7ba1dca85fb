// `npm run db:migrate`: applies the pending migrations of prisma/migrations to DATABASE_URL
// (the database owner) through the WASM schema engine (the offline counterpart of `prisma
// migrate deploy`), then brings the portal's runtime role up to date (app-role.ts): the portal
// connects as DATABASE_APP_ROLE, never as the owner.
import { appDatabaseUrl, appRoleName, ensureAppRole } from "./app-role";
import { applyMigrations, isPglite, redactDatabaseUrl } from "./schema-engine";

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
  if (await isPglite(databaseUrl)) {
    console.log("Embedded database: one user only, no runtime role (a demo, not a deployment).");
  } else {
    const role = appRoleName(process.env.DATABASE_APP_ROLE);
    await ensureAppRole(databaseUrl, role, process.env.DATABASE_APP_PASSWORD || undefined);
    const app = process.env.DATABASE_APP_URL || appDatabaseUrl(databaseUrl, role, process.env.DATABASE_APP_PASSWORD);
    console.log(`Runtime role ${role} up to date; the portal connects as ${redactDatabaseUrl(app)}.`);
  }
} catch (error) {
  console.error(`Migration failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
