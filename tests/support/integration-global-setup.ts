// Once per integration run: a database (TEST_DATABASE_URL or an embedded one), erased and
// migrated from scratch, with the reference data seeded. Its URL is handed to the test files.
import type { TestProject } from "vitest/node";
import { applyMigrations } from "../../scripts/db/schema-engine";
import { resetSchema } from "./reset-database";
import { acquireTestDatabase } from "./test-database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const { url, embedded } = await acquireTestDatabase();
  await resetSchema(url);
  await applyMigrations(url);
  project.provide("databaseUrl", url);
  return async () => {
    await embedded?.stop();
  };
}
