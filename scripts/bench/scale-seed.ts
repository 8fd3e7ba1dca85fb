// The data of npm run bench:scale (scripts/bench/scale.ts) at N learners, in a database of its own:
// the demo data through the portal's own functions (districts, staff, courses, question banks, the
// demo learners one signs in as), then the bulk in SQL only (scale-seed-*.ts). Run in a process of
// its own, because the portal's modules bind to one database per process:
//   npx tsx --conditions=react-server scripts/bench/scale-seed.ts <learners> <database> [--reuse]
// A complete seed leaves a row in "_bench_scale_seed"; with --reuse an existing one is kept.
import pg from "pg";
import { applyMigrations } from "../db/schema-engine";
import { BENCH_SECRETS, createBenchDatabase } from "./lib";
import { HELPERS, seedPeople } from "./scale-seed-people";
import { seedStudy } from "./scale-seed-study";
import { seedSupport } from "./scale-seed-support";

const ADMIN_URL = process.env.BENCH_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const MARKER = "_bench_scale_seed";
// Tables whose secondary indexes are dropped during the bulk insert and built once afterwards.
const BULK_TABLES = ["AuditLog", "CreditEntry", "PlaybackSession", "ExamAttempt", "Enrollment", "ExportRow"];
export const COUNTED_TABLES = [
  "Learner",
  "Enrollment",
  "ExamAttempt",
  "PlaybackSession",
  "CreditEntry",
  "CreditYearTotal",
  "ProblemReport",
  "ProblemNote",
  "PlayerError",
  "AuditLog",
  "ExportBatch",
  "ExportRow",
] as const;

export interface SeedInfo {
  learners: number;
  seconds: number;
  seededAt: string;
  counts: Record<string, number>;
  reused: boolean;
}

function databaseUrl(name: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** The marker of a complete seed of `learners`, or null. */
export async function readSeedMarker(name: string, learners: number): Promise<Omit<SeedInfo, "reused"> | null> {
  const client = new pg.Client({ connectionString: databaseUrl(name) });
  try {
    await client.connect();
  } catch {
    return null; // no such database
  }
  try {
    const { rows } = await client.query<{ info: Omit<SeedInfo, "reused"> }>(
      `SELECT "info" FROM "${MARKER}" WHERE ("info"->>'learners')::int = $1`,
      [learners],
    );
    return rows[0]?.info ?? null;
  } catch {
    return null; // no marker table: an unfinished or foreign database
  } finally {
    await client.end();
  }
}

async function seedDemo(url: string): Promise<void> {
  // The portal's modules read their configuration on first use: set it before loading them.
  Object.assign(process.env, BENCH_SECRETS, { DATABASE_URL: url });
  const { getDb } = await import("../../src/server/db");
  const { sqlPool } = await import("../../src/server/sql");
  const { seedDemoData } = await import("../../prisma/seed");
  const db = getDb();
  try {
    await seedDemoData(db, { staffPassword: "Bench-Password-2026!" });
  } finally {
    await db.$disconnect();
    await sqlPool().end();
  }
}

async function timed(label: string, work: () => Promise<void>): Promise<void> {
  const started = performance.now();
  await work();
  console.log(`  seed: ${label} ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

async function seedBulk(url: string, learners: number): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`SET synchronous_commit = off; SET work_mem = '256MB'; SET maintenance_work_mem = '1GB'`);
    await client.query(HELPERS);
    const { rows: indexes } = await client.query<{ indexname: string; indexdef: string }>(
      `SELECT indexname, indexdef FROM pg_indexes
       WHERE schemaname = 'public' AND tablename = ANY($1) AND indexname NOT LIKE '%\\_pkey'`,
      [BULK_TABLES],
    );
    for (const index of indexes) await client.query(`DROP INDEX "${index.indexname}"`);
    // Foreign-key checks (triggers) off for the bulk: the rows are made consistent by construction.
    // The ledger is inserted with triggers on (seedStudy), so that its trigger keeps the totals.
    await client.query("SET session_replication_role = replica");
    await timed("learners, staff, courses", () => seedPeople(client, learners));
    await timed("enrolments, attempts, playback, ledger", () => seedStudy(client));
    await client.query("SET session_replication_role = replica");
    await timed("reports, errors, audit, exports", () => seedSupport(client, learners));
    await client.query("SET session_replication_role = origin");
    await timed("indexes", async () => {
      for (const index of indexes) await client.query(index.indexdef);
    });
    // The learners went in with triggers off: the completion review's counts (ADR 0026) are
    // counted once from the data, as the migration's backfill does.
    await timed("completion counts", async () => void (await client.query("SELECT completion_counts_rebuild()")));
    await client.query(`DROP TABLE sc_l, sc_e, sc_c`);
    await timed("analyze", async () => {
      await client.query("VACUUM ANALYZE");
    });
    const counts: Record<string, number> = {};
    for (const table of COUNTED_TABLES) {
      const { rows } = await client.query<{ n: string }>(`SELECT count(*)::text AS n FROM "${table}"`);
      counts[table] = Number(rows[0]?.n);
    }
    // The ledger's trigger kept the totals: check them against the ledger itself.
    const { rows: drift } = await client.query<{ n: string }>(`
      SELECT count(*)::text AS n FROM (
        SELECT "learnerId", "year", sum("credits") AS total FROM "CreditEntry" GROUP BY 1, 2
      ) e FULL JOIN "CreditYearTotal" t USING ("learnerId", "year")
      WHERE e.total IS DISTINCT FROM t."totalCredits"`);
    if (Number(drift[0]?.n) !== 0) throw new Error(`CreditYearTotal differs from the ledger in ${drift[0]?.n} rows`);
    return counts;
  } finally {
    await client.end();
  }
}

/** Seeds `name` with `learners` learners unless `reuse` and a complete seed of that size is there. */
export async function prepareScaleDatabase(name: string, learners: number, reuse: boolean): Promise<SeedInfo> {
  if (reuse) {
    const marker = await readSeedMarker(name, learners);
    if (marker) {
      // Migrations added since the seed (indexes, maintained tables) apply to the kept data, as a
      // deployment's would to production.
      const url = new URL(ADMIN_URL);
      url.pathname = `/${name}`;
      await timed("migrations since the seed", async () => void (await applyMigrations(url.toString())));
      return { ...marker, reused: true };
    }
  }
  const started = performance.now();
  const database = await createBenchDatabase(name);
  await timed("demo data (portal functions)", () => seedDemo(database.url));
  const counts = await seedBulk(database.url, learners);
  const info = {
    learners,
    seconds: Math.round((performance.now() - started) / 100) / 10,
    seededAt: new Date().toISOString(),
    counts,
  };
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  await client.query(`CREATE TABLE "${MARKER}" ("info" jsonb NOT NULL)`);
  await client.query(`INSERT INTO "${MARKER}" ("info") VALUES ($1)`, [JSON.stringify(info)]);
  await client.end();
  return { ...info, reused: false };
}

// As a script: prints the SeedInfo as the last line of its output.
if (process.argv[1]?.endsWith("scale-seed.ts")) {
  const [learners, name] = [Number(process.argv[2]), process.argv[3]];
  if (!Number.isInteger(learners) || learners < 100 || !name?.startsWith("bench_scale_")) {
    console.error("usage: scale-seed.ts <learners ≥ 100> <bench_scale_…> [--reuse]");
    process.exit(2);
  }
  const info = await prepareScaleDatabase(name, learners, process.argv.includes("--reuse"));
  console.log(`SEED_INFO ${JSON.stringify(info)}`);
  process.exit(0);
}
