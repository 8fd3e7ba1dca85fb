// Test databases start from nothing: the whole public schema is dropped, so that every run
// applies the migrations from scratch.
import pg from "pg";

export async function resetSchema(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("DROP SCHEMA IF EXISTS public CASCADE");
    // The job runner's queue too: a job left by an earlier run would create batches mid-test.
    await client.query("DROP SCHEMA IF EXISTS pgboss CASCADE");
    await client.query("CREATE SCHEMA public");
  } finally {
    await client.end();
  }
}

/** Empties every table but the migrations' own and the reference data (districts, credit policy). */
export async function truncateData(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      `SELECT quote_ident(tablename) AS name FROM pg_tables
       WHERE schemaname = 'public' AND tablename NOT IN ('_prisma_migrations', 'District', 'CreditPolicy')`,
    );
    if (rows.length === 0) return;
    // The append-only tables refuse TRUNCATE (their triggers); a superuser's session may skip
    // ordinary triggers, which is how a test resets them. The portal's own role cannot.
    // (The embedded database has one session for every connection: the setting is put back.)
    await client.query("SET session_replication_role = replica");
    try {
      await client.query(`TRUNCATE ${rows.map((r) => r.name).join(", ")} RESTART IDENTITY CASCADE`);
    } finally {
      await client.query("SET session_replication_role = DEFAULT");
    }
  } finally {
    await client.end();
  }
}
