// The shadow database on which the schema engine replays the migrations before a diff: a
// temporary database on the same PostgreSQL server, or a separate in-memory PGlite when the
// server is PGlite (adapter quirk 2 of docs/decisions/0002-offline-migrations.md).
import { randomUUID } from "node:crypto";

import pg from "pg";

// Type only, so no import cycle at run time: driver-adapter.ts asks this module for shadows.
import type { Resources } from "./driver-adapter";

/** True when the server behind `databaseUrl` is PGlite (one database per server, see below). */
export async function isPglite(databaseUrl: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ version: string }>("SELECT version() AS version");
    return rows[0]?.version.includes("PGlite") ?? false;
  } finally {
    await client.end();
  }
}

/**
 * Adapter quirk 2: adapter-pg's connectToShadowDb spreads `{ ...config, database }`, but
 * node-postgres lets a connectionString win over `database`, so with a URL the "shadow" is the
 * main database itself; it also drops the shadow while its pool is still connected. Instead:
 * on PostgreSQL, a uniquely named temporary database on the same server; on PGlite, which
 * serves one database per server (CREATE DATABASE "succeeds" there, but connections still land
 * on the main database), a separate in-memory PGlite. Returns the shadow's URL.
 */
export async function createShadowDatabase(databaseUrl: string, resources: Resources): Promise<string> {
  if (await isPglite(databaseUrl)) return startEmbeddedShadow(resources);
  return createShadowOnServer(databaseUrl, resources);
}

async function startEmbeddedShadow(resources: Resources): Promise<string> {
  // Imported lazily: loading PGlite's WASM is only worth it when the main database is PGlite.
  const { startEmbeddedPostgres } = await import("../lib/embedded-postgres");
  const shadow = await startEmbeddedPostgres();
  resources.add(() => shadow.stop());
  return shadow.url;
}

async function createShadowOnServer(databaseUrl: string, resources: Resources): Promise<string> {
  const name = `prisma_shadow_${randomUUID().replaceAll("-", "")}`;
  try {
    await runAdminStatement(databaseUrl, `CREATE DATABASE "${name}"`);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Could not create a temporary shadow database (the role needs CREATEDB): ${reason}`);
  }
  // Registered before the engine connects, so it runs after the shadow's pool has ended
  // (cleanups run in reverse); FORCE still evicts any connection left behind.
  resources.add(() => runAdminStatement(databaseUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  return withDatabaseName(databaseUrl, name);
}

/** Runs one statement on its own connection to the main database (not the one being dropped). */
async function runAdminStatement(databaseUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * The same URL pointing at another database: rewriting the path (rather than passing a
 * separate `database` field, which the URL would override) keeps host, credentials and
 * options such as sslmode intact.
 */
export function withDatabaseName(databaseUrl: string, database: string): string {
  const url = new URL(databaseUrl);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}
