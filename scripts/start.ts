// `npm start`: one command from a fresh clone to a running portal.
//  - No DATABASE_URL: an embedded PostgreSQL (PGlite) with its data under .data/, migrated,
//    seeded with the demo data once, and secrets generated once beside the data.
//  - DATABASE_URL set: that server, migrated as its owner; the portal then connects as the runtime
//    role (DATABASE_APP_ROLE, created or updated here); nothing is seeded unless asked
//    (db:seed -- --demo).
// Builds when the production build is missing or stale, then serves it. Ctrl-C stops cleanly.
// `npm run dev` does the same with `next dev`.
import type { ChildProcess } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import type { Env } from "./lib/next-server";
import { join } from "node:path";
import { appDatabaseUrl, appRoleName, ensureAppRole } from "./db/app-role";
import { applyMigrations } from "./db/schema-engine";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "./lib/embedded-postgres";
import { ensureProductionBuild, serveNext } from "./lib/next-server";
import { loadOrCreateSecrets } from "./lib/secrets";
import { supervise } from "./lib/supervise";

const root = process.cwd();
const dev = process.argv.includes("--dev");
if (existsSync(join(root, ".env"))) process.loadEnvFile(join(root, ".env"));

async function main() {
  let embedded: EmbeddedPostgres | undefined;
  const env: Env = { ...process.env };
  env.NODE_ENV = dev ? "development" : "production";

  if (!env.DATABASE_URL) {
    const dataDir = join(root, ".data");
    Object.assign(env, { ...loadOrCreateSecrets(join(dataDir, "secrets.json")), ...pick(process.env) });
    console.log("No DATABASE_URL: starting the embedded PostgreSQL (data in .data/pglite) ...");
    embedded = await startEmbeddedPostgres({
      dataDir: join(dataDir, "pglite"),
      port: Number(env.EMBEDDED_DB_PORT ?? 0),
    });
    env.DATABASE_URL = embedded.url;
    // PGlite runs one query at a time; a small pool avoids a long queue of idle connections.
    env.DATABASE_POOL_SIZE ??= "4";
  }
  const { stop, attach } = onShutdown(embedded);

  const { parseEnv } = await import("../src/lib/env");
  try {
    const config = parseEnv(env);
    if (config.NODE_ENV === "production" && !config.AUTH_COOKIE_SECURE) {
      console.warn(
        "Warning: AUTH_COOKIE_SECURE=false: session cookies are sent over plain HTTP, where anyone on the network can copy them. Only for a closed intranet without HTTPS.",
      );
    }
  } catch (error) {
    console.error((error as Error).message);
    await stop(1);
  }

  const { appliedMigrationNames } = await applyMigrations(env.DATABASE_URL!);
  console.log(
    appliedMigrationNames.length
      ? `Applied migrations: ${appliedMigrationNames.join(", ")}`
      : "Database schema is up to date.",
  );

  if (embedded) {
    await seedDemoOnce(env);
  } else {
    // The portal connects as its runtime role, never as the owner that migrated (ADR 0020).
    try {
      const role = appRoleName(env.DATABASE_APP_ROLE);
      await ensureAppRole(env.DATABASE_URL!, role, env.DATABASE_APP_PASSWORD || undefined);
      env.DATABASE_URL = env.DATABASE_APP_URL || appDatabaseUrl(env.DATABASE_URL!, role, env.DATABASE_APP_PASSWORD);
    } catch (error) {
      console.error(`Setting up the runtime database role failed: ${(error as Error).message}`);
      console.error("DATABASE_URL must name the database's owner, allowed to create roles (or set DATABASE_APP_URL).");
      await stop(1);
    }
  }

  if (!dev) {
    try {
      await ensureProductionBuild(root, env);
    } catch (error) {
      console.error((error as Error).message);
      await stop(1);
    }
  }

  const port = env.PORT ?? "3000";
  // A server that dies (out of memory, killed) is started again within a few seconds; its cause
  // is logged. `npm run dev` is not supervised: it exits with the dev server.
  if (dev) {
    const server = serveNext({ root, dev, port, env });
    attach({ stop: () => stopChild(server) });
    server.on("exit", (code) => void stop(code ?? 0));
  } else {
    attach(supervise(() => serveNext({ root, dev, port, env }), { onGiveUp: (code) => void stop(code) }));
  }
  printWelcome(port, Boolean(embedded), env);
}

/** Configuration given explicitly wins over generated secrets. */
function pick(source: Env): Env {
  return Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
}

async function seedDemoOnce(env: Env) {
  const marker = join(root, ".data", "demo-seeded");
  if (existsSync(marker)) return;
  Object.assign(process.env, env);
  const { getDb } = await import("../src/server/db");
  const { seedDemoData } = await import("../prisma/seed");
  const db = getDb();
  await seedDemoData(db, { staffPassword: env.DEMO_STAFF_PASSWORD ?? "Wuhan-Demo-2026!" });
  await db.$disconnect();
  writeFileSync(marker, new Date().toISOString() + "\n");
  console.log("Demo data seeded.");
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

function onShutdown(embedded: EmbeddedPostgres | undefined) {
  let server: { stop(): Promise<void> } | undefined;
  let stopping = false;
  const stop = async (code: number): Promise<never> => {
    if (!stopping) {
      stopping = true;
      // The server first (it holds connections), then the embedded database, so that its
      // data directory is closed cleanly.
      await server?.stop();
      await embedded?.stop();
    }
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));
  return { stop, attach: (running: { stop(): Promise<void> }) => (server = running) };
}

function printWelcome(port: string, demo: boolean, env: Env) {
  const lines = [``, `  武汉市会计人员继续教育培训网 — http://localhost:${port}`];
  if (demo) {
    lines.push(
      `  Demo learner:  身份证号 420102198503121238  姓名 李明   (login at /login)`,
      `  Demo staff:    cityadmin / wuchang / support, password ${env.DEMO_STAFF_PASSWORD ?? "Wuhan-Demo-2026!"}   (at /staff/login)`,
      `  Embedded database: ${env.DATABASE_URL}`,
    );
  }
  console.log(lines.join("\n") + "\n");
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
