// Runs once when a server instance starts, before it serves requests.
export async function register() {
  // eslint-disable-next-line no-restricted-properties -- set by Next.js itself, not configuration
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("@/lib/env");
  const { scrubIdNumbers } = await import("@/lib/scrub");
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
  const { startJobs } = await import("@/server/jobs/start-jobs");
  void startJobs({ exportCron: config.EXPORT_SCHEDULE_CRON, enabled: config.JOBS_ENABLED });

  function scrubError(error: Error): Error {
    error.message = scrubIdNumbers(error.message);
    if (error.stack) error.stack = scrubIdNumbers(error.stack);
    return error;
  }
}
