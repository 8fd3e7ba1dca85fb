// Every pool of the portal carries its server-side limits (ADR 0022), and a staff report over its
// limit answers QUERY_TIMEOUT with the Chinese sentence, never the database's error. The limits
// are set low and distinct here, so that each SHOW proves its own pool's value; a statement is
// held over its limit by a table lock, not by a sleep. PostgreSQL only: PGlite ignores these
// startup parameters (and runs one statement at a time, so a held lock would stall it whole).
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { seedReferenceData } from "../../prisma/seed";
import { isPglite } from "../../scripts/db/schema-engine";
import { lookupLearner } from "../../src/server/actions/support";
import { listAuditLog } from "../../src/server/audit/list-audit-log";
import { getCurrentStaff } from "../../src/server/auth/session";
import { getCompletionDashboard } from "../../src/server/completion/get-completion-dashboard";
import { getDb, getReportDb } from "../../src/server/db";
import { exportPool } from "../../src/server/exports/export-pool";
import { startJobs } from "../../src/server/jobs/start-jobs";
import { listLearners } from "../../src/server/learners/list-learners";
import { sqlQuery } from "../../src/server/sql";
import { getSupportOverview } from "../../src/server/support/get-support-overview";
import { listTickets, ZTicketQuery } from "../../src/server/support/list-tickets";
import { createStaff } from "../support/factories";
import { truncateData } from "../support/reset-database";
import { signInAs, signOutAll } from "../support/session-mock";

vi.mock("@/server/auth/config", async (importOriginal) =>
  (await import("../support/session-mock")).mockAuthConfig(await importOriginal()),
);
vi.mock("next/headers", async () => (await import("../support/session-mock")).mockNextHeaders());

const LIMITS = {
  DATABASE_STATEMENT_TIMEOUT_MS: "2000",
  DATABASE_REPORT_STATEMENT_TIMEOUT_MS: "400",
  DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: "3000",
  DATABASE_EXPORT_STATEMENT_TIMEOUT_MS: "7000",
  DATABASE_EXPORT_IDLE_IN_TRANSACTION_TIMEOUT_MS: "8000",
};
// Read on first use of env(): set before any pool opens.
Object.assign(process.env, LIMITS);

const onPglite = await isPglite(inject("databaseUrl"));
const SETTINGS = `SELECT
  (SELECT setting FROM pg_settings WHERE name = 'statement_timeout') AS statement,
  (SELECT setting FROM pg_settings WHERE name = 'idle_in_transaction_session_timeout') AS idle`;
type Settings = { statement: string; idle: string };

/** Holds an ACCESS EXCLUSIVE lock on `table` until release(): every read of it waits. */
async function lockTable(table: string) {
  const client = new pg.Client({ connectionString: inject("databaseUrl") });
  await client.connect();
  await client.query("BEGIN");
  await client.query(`LOCK TABLE "${table}" IN ACCESS EXCLUSIVE MODE`);
  return {
    async release() {
      await client.query("ROLLBACK");
      await client.end();
    },
  };
}

const QUERY_TIMEOUT = { code: "QUERY_TIMEOUT", message: "查询超时，请缩小范围后重试" };

describe.skipIf(onPglite)("statement and idle-in-transaction limits on every pool (PostgreSQL)", () => {
  beforeAll(async () => {
    await truncateData(inject("databaseUrl"));
    await seedReferenceData(getDb());
  });

  afterAll(async () => {
    signOutAll();
    await Promise.all([getDb().$disconnect(), getReportDb().$disconnect(), exportPool().end()]);
  });

  it("gives each pool its own limits, as connection options", async () => {
    const pages = await getDb().$queryRawUnsafe<Settings[]>(SETTINGS);
    const reports = await getReportDb().$queryRawUnsafe<Settings[]>(SETTINGS);
    const exams = await sqlQuery<Settings>(SETTINGS);
    const exports = (await exportPool().query<Settings>(SETTINGS)).rows;
    expect({ pages, reports, exams, exports }).toEqual({
      pages: [{ statement: "2000", idle: "3000" }],
      reports: [{ statement: "400", idle: "3000" }],
      exams: [{ statement: "2000", idle: "3000" }],
      exports: [{ statement: "7000", idle: "8000" }],
    });
  });

  it("gives the job runner's pool the staff limit", async () => {
    const boss = await startJobs({ exportCron: "0 2 * * *" });
    if (!boss) throw new Error("the job runner did not start on PostgreSQL");
    try {
      const { rows } = await boss.getDb().executeSql(SETTINGS, []);
      expect(rows).toEqual([{ statement: "400", idle: "3000" }]);
    } finally {
      await boss.stop({ graceful: false, wait: true, timeout: 5_000 });
    }
  });

  it.each([
    ["the audit log", "AuditLog", (staff: Staff) => listAuditLog(staff, {})],
    ["the learner list", "Learner", (staff: Staff) => listLearners(staff, {})],
    ["the completion review", "CompletionCount", (staff: Staff) => getCompletionDashboard(staff, 2024)],
  ])("answers %s over the staff limit with QUERY_TIMEOUT", async (_name, table, read) => {
    const staff = await signedIn("CITY_ADMIN");
    const lock = await lockTable(table);
    try {
      const error = await read(staff).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toMatchObject({ ...QUERY_TIMEOUT, digest: expect.stringMatching(/^QUERY_TIMEOUT-/) });
    } finally {
      await lock.release();
    }
    // The same report answers once the table is free: nothing of the timeout was kept.
    await expect(read(staff)).resolves.toBeTruthy();
  });

  it("answers the support queue and overview over the staff limit with QUERY_TIMEOUT", async () => {
    const staff = await signedIn("SUPPORT");
    const lock = await lockTable("ProblemReport");
    try {
      await expect(listTickets(staff, ZTicketQuery.parse({}))).rejects.toMatchObject(QUERY_TIMEOUT);
      await expect(getSupportOverview(staff, { maxAgeMs: 0 })).rejects.toMatchObject(QUERY_TIMEOUT);
    } finally {
      await lock.release();
    }
  });

  it("answers a staff action whose statement runs over its limit with QUERY_TIMEOUT, not a stack", async () => {
    await signedIn("SUPPORT");
    const district = await getDb().district.findFirstOrThrow({ where: { kind: { not: "CITY" } } });
    // The lookup runs on the pages' pool: its limit (2 s here) is the one that cancels it.
    const lock = await lockTable("Learner");
    try {
      const result = await lookupLearner(null, {
        by: "name",
        name: "李明",
        districtId: String(district.id),
        reason: "学员来电：视频无法播放",
      });
      expect(result).toEqual({ ok: false, ...QUERY_TIMEOUT });
    } finally {
      await lock.release();
    }
  });
});

type Staff = NonNullable<Awaited<ReturnType<typeof getCurrentStaff>>>;

async function signedIn(role: "CITY_ADMIN" | "SUPPORT"): Promise<Staff> {
  const created = await createStaff({ role });
  signInAs("staff", created.id);
  const staff = await getCurrentStaff();
  if (!staff) throw new Error("the staff member is not signed in");
  return { ...staff, mustChangePassword: false };
}
