// The exam's pg pool against Prisma on the same rows, in a process whose local zone is not UTC:
// `timestamp without time zone` columns hold UTC, and a value written by one driver must read
// as the same instant through the other (node-postgres alone would read and write local time).
// Also the transaction helper: committed on success, rolled back on an error.
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { seedReferenceData } from "../../prisma/seed";
import { isPglite } from "../../scripts/db/schema-engine";
import { recordAudit } from "../../src/server/audit/record-audit";
import { getDb } from "../../src/server/db";
import { startAttempt } from "../../src/server/exams/start-attempt";
import { runSqlTransaction, sqlQuery } from "../../src/server/sql";
import { createCourse, createEnrollment, createLearner, createQuestionBank } from "../support/factories";
import { truncateData } from "../support/reset-database";

const zoneBefore = process.env.TZ;

beforeAll(async () => {
  // Node applies a change of TZ at once; Wuhan's zone is 8 hours from UTC.
  process.env.TZ = "Asia/Shanghai";
  await seedReferenceData(getDb());
});

afterAll(() => {
  if (zoneBefore === undefined) delete process.env.TZ;
  else process.env.TZ = zoneBefore;
});

beforeEach(async () => {
  await truncateData(inject("databaseUrl"));
});

describe("timestamps through the pg pool", () => {
  it("runs in a process whose local zone is not UTC (or this file tests nothing)", () => {
    expect(new Date("2026-01-01T00:00:00Z").getTimezoneOffset()).toBe(-480);
  });

  it("reads a timestamp written by Prisma as the same instant", async () => {
    const learner = await createLearner();
    const course = await createCourse();
    const enrolledAt = new Date("2026-03-04T05:06:07.089Z");
    const enrollment = await createEnrollment(learner.id, course.id);
    await getDb().enrollment.update({ where: { id: enrollment.id }, data: { enrolledAt } });

    const [row] = await sqlQuery<{ enrolledAt: Date }>(`SELECT "enrolledAt" FROM "Enrollment" WHERE "id" = $1`, [
      enrollment.id,
    ]);
    expect(row?.enrolledAt.toISOString()).toBe(enrolledAt.toISOString());
  });

  it("writes instants that Prisma reads back unchanged (an attempt's start and deadline)", async () => {
    const learner = await createLearner();
    const course = await createCourse();
    await getDb().course.update({ where: { id: course.id }, data: { examTimeLimitMinutes: 30 } });
    await createQuestionBank(course.id);
    const enrollment = await createEnrollment(learner.id, course.id, { status: "EXAM_PENDING" });
    const now = new Date("2026-12-30T23:30:00.123Z");

    const { attemptId } = await startAttempt(learner.id, { enrollmentId: enrollment.id }, { now });
    const attempt = await getDb().examAttempt.findUniqueOrThrow({ where: { id: attemptId } });
    expect(attempt.startedAt.toISOString()).toBe(now.toISOString());
    expect(attempt.deadline.toISOString()).toBe("2026-12-31T00:00:00.123Z");
  });

  it("records an audit row at the current instant through either driver", async () => {
    const before = Date.now();
    await runSqlTransaction((tx) => recordAudit({ actorType: "SYSTEM", action: "test.pg", outcome: "SUCCESS" }, tx));
    await recordAudit({ actorType: "SYSTEM", action: "test.prisma", outcome: "SUCCESS", details: { a: 1 } });
    const rows = await getDb().auditLog.findMany({
      where: { action: { startsWith: "test." } },
      orderBy: { id: "asc" },
    });
    expect(rows.map((r) => r.action)).toEqual(["test.pg", "test.prisma"]);
    expect(rows[1]?.details).toEqual({ a: 1 });
    for (const row of rows) {
      expect(Math.abs(row.at.getTime() - before)).toBeLessThan(60_000);
    }
  });
});

describe("runSqlTransaction", () => {
  it("commits what the work wrote, and rolls everything back when it throws", async () => {
    const write = (action: string) =>
      runSqlTransaction(async (tx) => {
        await recordAudit({ actorType: "SYSTEM", action, outcome: "SUCCESS" }, tx);
        if (action === "test.rolled-back") throw new Error("the work failed");
      });
    await write("test.committed");
    await expect(write("test.rolled-back")).rejects.toThrow("the work failed");
    const rows = await getDb().auditLog.findMany({ where: { action: { startsWith: "test." } } });
    expect(rows.map((r) => r.action)).toEqual(["test.committed"]);
  });

  it("fails the work, not the process, when its connection is lost, and the pool carries on", async ({ skip }) => {
    // PGlite has one backend for every connection: nothing to terminate.
    skip(await isPglite(inject("databaseUrl")), "PGlite: one backend for every connection");
    let terminated: boolean | undefined;
    const lost = runSqlTransaction(async (tx) => {
      const [me] = await tx.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
      // With a timeout, pg_terminate_backend returns once the backend has exited (false if it
      // has not within the timeout): the connection is gone before the next statement.
      const [result] = await getDb().$queryRawUnsafe<{ terminated: boolean }[]>(
        "SELECT pg_terminate_backend($1::int, 10000) AS terminated",
        me?.pid,
      );
      terminated = result?.terminated;
      await tx.query("SELECT 1");
    });
    await expect(lost).rejects.toThrow();
    expect(terminated).toBe(true);
    expect(await sqlQuery<{ one: number }>("SELECT 1 AS one")).toEqual([{ one: 1 }]);
  });
});
