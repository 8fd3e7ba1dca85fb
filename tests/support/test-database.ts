// Where the test suites get their PostgreSQL: TEST_DATABASE_URL when set (CI: the machine's
// server), otherwise an embedded PGlite started for the run. Never a remote database.
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../../scripts/lib/embedded-postgres";

export function assertLocalDatabase(url: string): void {
  const host = new URL(url).hostname;
  if (!["localhost", "127.0.0.1", "::1", "[::1]"].includes(host)) {
    throw new Error(`Refusing to run tests against a non-local database (host ${host}). Tests erase data.`);
  }
}

export async function acquireTestDatabase(): Promise<{ url: string; embedded?: EmbeddedPostgres }> {
  const configured = process.env.TEST_DATABASE_URL;
  if (configured) {
    assertLocalDatabase(configured);
    return { url: configured };
  }
  const embedded = await startEmbeddedPostgres();
  return { url: embedded.url, embedded };
}

/** Keys and secrets for test runs only: fixed so that failures reproduce. */
export const TEST_SECRETS = {
  AUTH_SECRET: "test-auth-secret-test-auth-secret-0123456789",
  ID_HMAC_KEY: Buffer.alloc(32, 7).toString("base64"),
  ID_ENCRYPTION_KEY: Buffer.alloc(32, 9).toString("base64"),
  CERTIFICATE_SIGNING_KEY: Buffer.alloc(32, 11).toString("base64"),
  DEMO_STAFF_PASSWORD: "Wuhan-Demo-2026!",
} as const;
