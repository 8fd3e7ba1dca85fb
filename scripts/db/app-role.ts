// The portal's runtime database role (least privilege, ADR 0020). `db:migrate` and `npm start`
// run the migrations as the database owner (DATABASE_URL), then make sure this role exists with
// exactly the grants the portal needs, and the portal connects as it:
//  - LOGIN, and no SUPERUSER, CREATEDB, CREATEROLE, REPLICATION or BYPASSRLS; it owns nothing,
//    so it can neither ALTER a table (DISABLE TRIGGER) nor SET session_replication_role;
//  - SELECT, INSERT, UPDATE, DELETE on the portal's tables, except: the ledger (CreditEntry), the
//    audit log (AuditLog) and exported rows (ExportRow) take INSERT and SELECT only; the per-year
//    totals (CreditYearTotal) and the completion counts (CompletionCount, CompletionCountDelta)
//    SELECT only (triggers write them as the owner); the migrations' own table and the counts'
//    per-learner state (CompletionLearner) nothing; certificates (Certificate) no DELETE;
//    TRUNCATE nowhere;
//  - the job runner's schema (pg-boss), installed here as the owner with its queue, for DML.
import PgBoss from "pg-boss";
import pg from "pg";
import { EXPORT_QUEUE, EXPORT_QUEUE_OPTIONS, JOBS_SCHEMA } from "../../src/server/jobs/export-queue";

export const DEFAULT_APP_ROLE = "wh_kjxx_app";
// What the province answered (ExportRowResult, ExportReceipt) is kept as imported (ADR 0028).
const APPEND_ONLY = ["CreditEntry", "AuditLog", "ExportRow", "ExportRowResult", "ExportReceipt"];
// The completion counts are written by their triggers only (ADR 0026); the per-learner state
// behind them is the triggers' own.
const READ_ONLY = ["CreditYearTotal", "CompletionCount", "CompletionCountDelta"];
const NO_ACCESS = ["_prisma_migrations", "CompletionLearner"];
// Certificates are revoked or superseded, never removed (its trigger refuses it too, ADR 0027).
const NO_DELETE = ["Certificate"];

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** The role's name from DATABASE_APP_ROLE, checked (it is put into SQL as an identifier). */
export function appRoleName(configured: string | undefined): string {
  const role = configured?.trim() || DEFAULT_APP_ROLE;
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(role)) {
    throw new Error(`DATABASE_APP_ROLE must be a lower-case SQL name (letters, digits, _): ${role}`);
  }
  return role;
}

/** The owner's address with the role (and its password, when one is set) in place of the owner. */
export function appDatabaseUrl(ownerUrl: string, role: string, password?: string): string {
  const url = new URL(ownerUrl);
  url.username = role;
  url.password = password ?? "";
  return url.toString();
}

/** Creates or updates the role and its grants on the owner's database; idempotent. */
export async function ensureAppRole(ownerUrl: string, role: string, password?: string): Promise<void> {
  await installJobSchema(ownerUrl);
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const exists = await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [role]);
    const attributes = "LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS";
    await client.query(`${exists.rowCount ? "ALTER" : "CREATE"} ROLE ${ident(role)} ${attributes}`);
    if (password) await client.query(`ALTER ROLE ${ident(role)} PASSWORD ${pg.escapeLiteral(password)}`);
    const database = (await client.query<{ name: string }>("SELECT current_database() AS name")).rows[0]!.name;
    const r = ident(role);
    const statements = [
      `GRANT CONNECT ON DATABASE ${ident(database)} TO ${r}`,
      `GRANT USAGE ON SCHEMA public TO ${r}`,
      `REVOKE CREATE ON SCHEMA public FROM ${r}`,
      `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${r}`,
      `REVOKE TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA public FROM ${r}`,
      ...APPEND_ONLY.map((t) => `REVOKE UPDATE, DELETE ON ${ident(t)} FROM ${r}`),
      ...READ_ONLY.map((t) => `REVOKE INSERT, UPDATE, DELETE ON ${ident(t)} FROM ${r}`),
      ...NO_ACCESS.map((t) => `REVOKE ALL ON ${ident(t)} FROM ${r}`),
      ...NO_DELETE.map((t) => `REVOKE DELETE ON ${ident(t)} FROM ${r}`),
      `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${r}`,
      `GRANT USAGE ON SCHEMA ${JOBS_SCHEMA} TO ${r}`,
      `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${JOBS_SCHEMA} TO ${r}`,
      `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${JOBS_SCHEMA} TO ${r}`,
      `GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA ${JOBS_SCHEMA} TO ${r}`,
    ];
    await client.query("BEGIN");
    for (const statement of statements) await client.query(statement);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

/** The job runner's schema and queue, created by the owner (a queue is a table of its own). */
async function installJobSchema(ownerUrl: string): Promise<void> {
  const boss = new PgBoss({
    connectionString: ownerUrl,
    schema: JOBS_SCHEMA,
    max: 1,
    supervise: false,
    schedule: false,
  });
  boss.on("error", () => undefined);
  await boss.start();
  try {
    await boss.createQueue(EXPORT_QUEUE, EXPORT_QUEUE_OPTIONS);
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
}
