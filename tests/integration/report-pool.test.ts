// The staff reports have a pool of their own (ADR 0022): with every one of its connections busy,
// a learner's page still gets its data. The report pool is held by statements waiting for an
// advisory lock the test holds (seen in pg_stat_activity, not assumed after a pause); the
// learner's dashboard completes while they, and a report queued behind them, still wait.
// PostgreSQL only: PGlite runs one statement at a time for every connection.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { seedReferenceData } from "../../prisma/seed";
import { isPglite } from "../../scripts/db/schema-engine";
import { env } from "../../src/lib/env";
import { getLearnerDashboard } from "../../src/server/dashboard/get-learner-dashboard";
import { getDb, getReportDb } from "../../src/server/db";
import { readReport } from "../../src/server/read-report";
import { createLearner } from "../support/factories";
import { truncateData } from "../support/reset-database";
import { sql } from "../support/sql";

const onPglite = await isPglite(inject("databaseUrl"));
const LOCK_KEY = 22_022;

describe.skipIf(onPglite)("the staff reports' own pool (PostgreSQL)", () => {
  beforeAll(async () => {
    await truncateData(inject("databaseUrl"));
    await seedReferenceData(getDb());
  });

  afterAll(async () => {
    await Promise.all([getDb().$disconnect(), getReportDb().$disconnect()]);
  });

  it("serves a learner's dashboard while every report connection is busy", async () => {
    const learner = await createLearner();
    const reportPoolSize = env().DATABASE_REPORT_POOL_SIZE;
    expect(reportPoolSize).toBe(3); // the default: nothing in the test set-up changes it

    const holder = new pg.Client({ connectionString: inject("databaseUrl") });
    await holder.connect();
    await holder.query("SELECT pg_advisory_lock($1)", [LOCK_KEY]);
    const finished: string[] = [];
    const reports = Array.from({ length: reportPoolSize + 1 }, (_, i) =>
      readReport(
        "test.hold",
        (db) => db.$queryRaw`SELECT count(*)::int AS held FROM (SELECT pg_advisory_xact_lock(${LOCK_KEY}::bigint)) l`,
      ).then(() => finished.push(`report ${i}`)),
    );
    try {
      // Every connection of the report pool is waiting for the lock (the last report waits for
      // a connection): the event, polled for, not a pause.
      await expect
        .poll(
          async () =>
            (
              await sql<{ waiting: number }>(
                `SELECT count(*)::int AS waiting FROM pg_stat_activity
                 WHERE datname = current_database() AND application_name = 'wh_kjxx_reports'
                   AND wait_event_type = 'Lock'`,
              )
            )[0]?.waiting,
          { timeout: 10_000 },
        )
        .toBe(reportPoolSize);

      const dashboard = await getLearnerDashboard(learner);
      finished.push("learner");
      expect(dashboard).toBeTruthy();
      // The reports are still held (the lock is not released yet): the learner did not wait.
      expect(finished).toEqual(["learner"]);
    } finally {
      await holder.query("SELECT pg_advisory_unlock($1)", [LOCK_KEY]);
      await holder.end();
    }
    await Promise.all(reports);
    expect(finished).toHaveLength(reportPoolSize + 2);
  });
});
