// The portal as the end-to-end tests see it: a production build, served against a test
// database that is erased, migrated and seeded with the demo data at every run.
// TEST_DATABASE_URL when set (a local server), otherwise an in-memory embedded PostgreSQL.
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { appDatabaseUrl, appRoleName, ensureAppRole } from "../../scripts/db/app-role";
import { applyMigrations } from "../../scripts/db/schema-engine";
import { ensureProductionBuild, serveNext, type Env } from "../../scripts/lib/next-server";
import { acquireTestDatabase, TEST_SECRETS } from "../support/test-database";
import { resetSchema } from "../support/reset-database";
import { e2eDatabaseUrlFile } from "./identities";

const root = process.cwd();
const port = process.env.E2E_PORT ?? "3100";

const { url, embedded } = await acquireTestDatabase();
await resetSchema(url);
writeFileSync(e2eDatabaseUrlFile(port), url);
await applyMigrations(url);

const env: Env = {
  ...process.env,
  ...TEST_SECRETS,
  NODE_ENV: "production",
  DATABASE_URL: url,
  // Uploads of the admin tests land in a folder of this run, not in the demo's .data/media.
  MEDIA_STORAGE_DIR: join(tmpdir(), `wh-kjxx-e2e-media-${port}`),
  DATABASE_POOL_SIZE: embedded ? "4" : "10",
  LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
  // No nightly export: the tests create batches by hand and count them. A run that crossed
  // 02:00 in Wuhan got a scheduled batch in the middle of a test (seen). The job runner has its
  // integration tests.
  JOBS_ENABLED: "false",
  // The browser connects from 127.0.0.1 as a load balancer would: each test's X-Forwarded-For
  // address is believed, so that tests never share a login throttle window.
  TRUSTED_PROXIES: "127.0.0.1,::1",
};
Object.assign(process.env, env);
const { getDb } = await import("../../src/server/db");
const { seedDemoData } = await import("../../prisma/seed");
const { registerLearner } = await import("../../src/server/learners/register-learner");
const { currentYear } = await import("../../src/lib/time");
const { E2E } = await import("./identities");

async function registerSpecLearners() {
  const district = await getDb().district.findUniqueOrThrow({ where: { code: "hanyang" } });
  for (const learner of Object.values(E2E)) {
    await registerLearner(
      {
        ...learner,
        districtId: district.id,
        employer: "汉阳区测试单位",
        qualification: "JUNIOR",
        startYear: currentYear(),
      },
      { staffUserId: null },
    );
  }
}
await seedDemoData(getDb(), { staffPassword: TEST_SECRETS.DEMO_STAFF_PASSWORD });
await registerSpecLearners();
await getDb().$disconnect();

await ensureProductionBuild(root, env);
// On a real server the portal runs as its runtime role, as in production: every journey of the
// suite is then proven with the least privileges (scripts/db/app-role.ts). Tests arrange data as
// the owner.
if (!embedded) {
  const role = appRoleName(undefined);
  await ensureAppRole(url, role);
  env.DATABASE_URL = appDatabaseUrl(url, role);
}
const server = serveNext({ root, dev: false, port, env });

const shutdown = async () => {
  server.kill("SIGTERM");
  await embedded?.stop();
  process.exit(0);
};
process.on("SIGINT", () => void shutdown());
process.on("SIGTERM", () => void shutdown());
server.on("exit", () => void shutdown());
