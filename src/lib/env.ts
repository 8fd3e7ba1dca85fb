// The one place that reads process.env. Validated lazily (on first use) so that `next build`
// needs no secrets; the start script and instrumentation validate eagerly at start-up, so a
// missing or invalid variable stops the portal with a message naming it.
import { z } from "zod";

const base64Key = (name: string) =>
  z
    .string({ error: `${name} is required: 32 random bytes in base64 (openssl rand -base64 32)` })
    .refine((v) => Buffer.from(v, "base64").length === 32, {
      message: `${name} must be 32 bytes encoded in base64 (openssl rand -base64 32)`,
    });

/** A server-side time limit: whole milliseconds, from 0.1 s to a day (0, "no limit", is refused). */
const milliseconds = (name: string, fallback: number) =>
  z.coerce
    .number({ error: `${name} must be a number of milliseconds` })
    .int(`${name} must be a whole number of milliseconds`)
    .min(100, `${name} must be at least 100 (milliseconds)`)
    .max(86_400_000, `${name} must be at most 86400000 (a day, in milliseconds)`)
    .default(fallback);

export const ZEnv = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string({ error: "DATABASE_URL is required (postgresql://user:password@host:5432/database)" })
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must start with postgresql://"),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  // Pages Next.js renders at once per instance; more wait their turn (src/server/http/render-gate.ts).
  // Default: twice the cores.
  PAGE_RENDER_CONCURRENCY: z.coerce.number().int().min(1).max(500).optional(),
  // The staff reports' own pool (lists, counts, the completion review, the audit log, the support
  // queue), so that they cannot take the connections the learners need (ADR 0022).
  DATABASE_REPORT_POOL_SIZE: z.coerce.number().int().min(1).max(50).default(3),
  // Limits the server enforces on every connection of the portal, in milliseconds (ADR 0022):
  // a statement running longer is cancelled, a transaction left idle longer ends its session.
  DATABASE_STATEMENT_TIMEOUT_MS: milliseconds("DATABASE_STATEMENT_TIMEOUT_MS", 5_000),
  DATABASE_REPORT_STATEMENT_TIMEOUT_MS: milliseconds("DATABASE_REPORT_STATEMENT_TIMEOUT_MS", 15_000),
  DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: milliseconds("DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS", 10_000),
  // The export processes: a batch's snapshot of 500,000 learners is one statement of ~15 s.
  DATABASE_EXPORT_STATEMENT_TIMEOUT_MS: milliseconds("DATABASE_EXPORT_STATEMENT_TIMEOUT_MS", 600_000),
  DATABASE_EXPORT_IDLE_IN_TRANSACTION_TIMEOUT_MS: milliseconds(
    "DATABASE_EXPORT_IDLE_IN_TRANSACTION_TIMEOUT_MS",
    60_000,
  ),
  AUTH_SECRET: z
    .string({ error: "AUTH_SECRET is required (openssl rand -base64 32)" })
    .min(32, "AUTH_SECRET must be at least 32 characters"),
  ID_HMAC_KEY: base64Key("ID_HMAC_KEY"),
  ID_ENCRYPTION_KEY: base64Key("ID_ENCRYPTION_KEY"),
  // 学时证明 (ADR 0027): the Ed25519 signing key, its 32-byte private seed in base64 (the
  // public key, served at /verify/key, follows from it); the body named as issuer; the public
  // address printed on certificates (default: the address each download was requested at).
  CERTIFICATE_SIGNING_KEY: base64Key("CERTIFICATE_SIGNING_KEY"),
  CERTIFICATE_ISSUER: z.string().trim().min(2, "CERTIFICATE_ISSUER must name the issuing body").max(60).default("武汉市会计考办"),
  PUBLIC_BASE_URL: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z
      .string()
      .regex(/^https?:\/\/[^/\s]+$/, "PUBLIC_BASE_URL must be an origin without a path, e.g. https://kjxx.example.gov.cn")
      .optional(),
  ),
  // Secure session cookies in production. Only a plain-HTTP intranet without TLS sets false.
  AUTH_COOKIE_SECURE: z
    .enum(["true", "false"], { error: "AUTH_COOKIE_SECURE must be true or false" })
    .default("true")
    .transform((v) => v === "true"),
  // Folder of uploaded lesson videos, shared by every instance; relative to the working directory.
  MEDIA_STORAGE_DIR: z.string().min(1, "MEDIA_STORAGE_DIR must not be empty").default(".data/media"),
  // The nightly export to the provincial system: a 5-field cron expression in Asia/Shanghai time.
  EXPORT_SCHEDULE_CRON: z
    .string()
    .trim()
    .regex(/^\S+(\s+\S+){4}$/, "EXPORT_SCHEDULE_CRON must be a 5-field cron expression, e.g. 0 2 * * *")
    .default("0 2 * * *"),
  // Background jobs (pg-boss on PostgreSQL). Off for an instance that should only serve pages.
  JOBS_ENABLED: z
    .enum(["true", "false"], { error: "JOBS_ENABLED must be true or false" })
    .default("true")
    .transform((v) => v === "true"),
  // Addresses or networks (CIDR) of the load balancers or reverse proxies in front,
  // comma-separated: only their X-Forwarded-* headers are believed (login throttling, audit log,
  // the host and protocol of URLs). Empty: clients connect directly. Each entry is checked when
  // the server starts (parseTrustedProxies).
  TRUSTED_PROXIES: z
    .string()
    .regex(/^[0-9a-fA-F.:/,\s]*$/, "TRUSTED_PROXIES must be comma-separated IP addresses or networks (10.0.0.0/24)")
    .default(""),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  DEMO_STAFF_PASSWORD: z
    .string()
    .min(12, "DEMO_STAFF_PASSWORD must be at least 12 characters")
    .default("Wuhan-Demo-2026!"),
});

export type TEnv = z.infer<typeof ZEnv>;

/** Parses an environment; throws an Error whose message names every invalid variable. */
export function parseEnv(source: Record<string, string | undefined>): TEnv {
  const result = ZEnv.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  - ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(
      `Invalid configuration:\n${lines.join("\n")}\nSee .env.example for every variable and its default.`,
    );
  }
  return result.data;
}

const ZLogLevel = ZEnv.shape.LOG_LEVEL;

/** The log level alone: logging must work before (and while) the rest is validated. */
export function logLevel(): z.infer<typeof ZLogLevel> {
  const parsed = ZLogLevel.safeParse(process.env.LOG_LEVEL);
  return parsed.success ? parsed.data : "info";
}

let cached: TEnv | undefined;

export function env(): TEnv {
  cached ??= parseEnv(process.env);
  return cached;
}
