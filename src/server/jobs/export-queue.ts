// The job runner's queue of the provincial export, shared by the runner (start-jobs.ts) and
// `db:migrate`, which creates it as the database owner: creating a queue creates a table, which
// the portal's runtime role may not (scripts/db/app-role.ts).
export const EXPORT_QUEUE = "provincial-export";
/** A singleton queue: one export job at a time across all instances. */
export const EXPORT_QUEUE_OPTIONS = { name: EXPORT_QUEUE, policy: "singleton", retryLimit: 2, retryDelay: 300 } as const;
/** The job runner's schema. */
export const JOBS_SCHEMA = "pgboss";
