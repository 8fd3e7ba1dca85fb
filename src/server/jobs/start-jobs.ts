import "server-only";
import PgBoss from "pg-boss";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { TIME_ZONE } from "@/lib/time";
import { getDb } from "@/server/db";
import { EXPORT_QUEUE, EXPORT_QUEUE_OPTIONS, JOBS_SCHEMA } from "./export-queue";
import { runScheduledExports } from "./run-scheduled-exports";

export { EXPORT_QUEUE };
/** Nightly at 02:00 Wuhan time, when nobody studies. */
export const DEFAULT_EXPORT_SCHEDULE = "0 2 * * *";

export interface StartJobsOptions {
  /** Cron of the provincial export (EXPORT_SCHEDULE_CRON), in Asia/Shanghai time. */
  exportCron?: string;
  /** JOBS_ENABLED: false leaves the job runner off on this instance. */
  enabled?: boolean;
}

const holder = globalThis as typeof globalThis & { __portalJobs?: Promise<PgBoss | null> };

async function isEmbeddedDatabase(): Promise<boolean> {
  const rows = await getDb().$queryRaw<{ version: string }[]>`SELECT version() AS version`;
  return rows[0]?.version.includes("PGlite") ?? false;
}

async function start(options: StartJobsOptions): Promise<PgBoss | null> {
  if (options.enabled === false) {
    logger.info("jobs: disabled on this instance (JOBS_ENABLED=false)");
    return null;
  }
  // PGlite runs one statement at a time for every connection: pg-boss's polling and
  // maintenance would queue in front of the learners' requests. The demo exports by hand.
  if (await isEmbeddedDatabase()) {
    logger.info("jobs: embedded database, job runner not started (exports are created by hand)");
    return null;
  }
  const config = env();
  // pg-boss hands these to its pg pool (types.d.ts names fewer than it passes on): its polling
  // and maintenance get the staff reports' limit (ADR 0022); the export itself runs elsewhere.
  const limits = {
    application_name: "wh_kjxx_jobs",
    statement_timeout: config.DATABASE_REPORT_STATEMENT_TIMEOUT_MS,
    idle_in_transaction_session_timeout: config.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS,
  };
  const boss = new PgBoss({ connectionString: config.DATABASE_URL, schema: JOBS_SCHEMA, max: 2, ...limits });
  boss.on("error", (error) => logger.error({ err: error }, "jobs: pg-boss error"));
  await boss.start();
  // A singleton queue runs one export job at a time across all instances; the schedule is kept
  // in the database, and pg-boss sends each cron tick once, whichever instance sees it first.
  // (Already there when db:migrate created it as the owner: then nothing is created.)
  await boss.createQueue(EXPORT_QUEUE, EXPORT_QUEUE_OPTIONS);
  await boss.schedule(EXPORT_QUEUE, options.exportCron ?? DEFAULT_EXPORT_SCHEDULE, {}, { tz: TIME_ZONE });
  await boss.work(EXPORT_QUEUE, async () => {
    await runScheduledExports();
  });
  logger.info({ cron: options.exportCron ?? DEFAULT_EXPORT_SCHEDULE }, "jobs: provincial export scheduled");
  return boss;
}

/**
 * Starts the job runner (pg-boss, on the portal's PostgreSQL) once per server process, from
 * instrumentation's register(). Never throws: a failure is logged and the portal serves on
 * without scheduled exports (they can still be created by hand).
 */
export function startJobs(options: StartJobsOptions = {}): Promise<PgBoss | null> {
  holder.__portalJobs ??= start(options).catch((error: unknown) => {
    logger.error({ err: error }, "jobs: job runner failed to start");
    return null;
  });
  return holder.__portalJobs;
}
