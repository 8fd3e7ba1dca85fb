// Statements straight on a database, for integration tests that arrange or read what the server
// functions cannot (move a timestamp back, try what a trigger refuses, read the audit log whole).
// Each opens a short-lived connection of its own, outside the portal's pools. End-to-end tests
// have theirs in tests/e2e/fixtures.ts.
import pg from "pg";
import { inject } from "vitest";

/** Runs one statement on the database at `url`, on a connection of its own, and returns its rows. */
export async function queryOn<T extends pg.QueryResultRow = pg.QueryResultRow>(
  url: string,
  text: string,
  params: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, params)).rows;
  } finally {
    await client.end();
  }
}

/** Runs one statement on the run's test database and returns its rows. */
export function sql<T extends pg.QueryResultRow = pg.QueryResultRow>(
  text: string,
  params: unknown[] = [],
): Promise<T[]> {
  return queryOn<T>(inject("databaseUrl"), text, params);
}
