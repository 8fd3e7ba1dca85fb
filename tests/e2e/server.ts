// The portal as the end-to-end tests see it: a production build, served against a test
// database that is erased, migrated and seeded with the demo data at every run.
// TEST_DATABASE_URL when set (a local server), otherwise an in-memory embedded PostgreSQL.
import { applyMigrations } from "../../scripts/db/schema-engine";
import { ensureProductionBuild, serveNext, type Env } from "../../scripts/lib/next-server";
import { acquireTestDatabase, TEST_SECRETS } from "../support/test-database";
import { resetSchema } from "../support/reset-database";

const root = process.cwd();
const port = process.env.E2E_PORT ?? "3100";

const { url, embedded } = await acquireTestDatabase();
await resetSchema(url);
await applyMigrations(url);

const env: Env = {
  ...process.env,
  ...TEST_SECRETS,
  NODE_ENV: "production",
  DATABASE_URL: url,
  DATABASE_POOL_SIZE: embedded ? "4" : "10",
  LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
};
Object.assign(process.env, env);
const { getDb } = await import("../../src/server/db");
const { seedDemoData } = await import("../../prisma/seed");
await seedDemoData(getDb(), { staffPassword: TEST_SECRETS.DEMO_STAFF_PASSWORD });
await getDb().$disconnect();

ensureProductionBuild(root, env);
const server = serveNext({ root, dev: false, port, env });

const shutdown = async () => {
  server.kill("SIGTERM");
  await embedded?.stop();
  process.exit(0);
};
process.on("SIGINT", () => void shutdown());
process.on("SIGTERM", () => void shutdown());
server.on("exit", () => void shutdown());
