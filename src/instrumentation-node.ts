// The start-up of a Node.js server instance (src/instrumentation.ts imports it only there, so
// that the Edge build of the instrumentation never traces the Node-only modules below).
import { env } from "@/lib/env";
import { scrubIdNumbers } from "@/lib/scrub";
import { logger } from "@/lib/logger";
import { issueMissingCertificates } from "@/server/certificates/issue-missing-certificates";
import { startJobs } from "@/server/jobs/start-jobs";

function scrubError(error: Error): Error {
  error.message = scrubIdNumbers(error.message);
  if (error.stack) error.stack = scrubIdNumbers(error.stack);
  return error;
}

export function registerNode(): void {
  // Stop start-up with a message naming every missing or invalid variable.
  const config = env();
  // Next.js and libraries print some errors with console.*: mask ID numbers there too.
  for (const level of ["error", "warn", "info", "log"] as const) {
    const original = console[level].bind(console);
    console[level] = (...args: unknown[]) =>
      original(
        ...args.map((a) => (typeof a === "string" ? scrubIdNumbers(a) : a instanceof Error ? scrubError(a) : a)),
      );
  }
  // The nightly export to the provincial system, and other jobs, on PostgreSQL (pg-boss).
  void startJobs({ exportCron: config.EXPORT_SCHEDULE_CRON, enabled: config.JOBS_ENABLED });
  // 学时证明 of years completed before certificates existed (the ledger writers issue the rest).
  void issueMissingCertificates().catch((error: unknown) =>
    logger.error({ err: error }, "certificates: issuing the missing ones failed"),
  );
}
