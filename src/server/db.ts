import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";

// Columns that must never be selected by accident: they are asked for explicitly where needed.
const omit = {
  learner: { idNumberEncrypted: true },
  staffUser: { passwordHash: true },
} as const;

function createClient() {
  const config = env();
  const adapter = new PrismaPg(
    { connectionString: config.DATABASE_URL, max: config.DATABASE_POOL_SIZE },
    // The error carries the whole pg client; its message is all that is worth logging.
    { onPoolError: (err) => logger.error({ error: err.message }, "database pool error") },
  );
  return new PrismaClient({ adapter, omit });
}

export type Db = ReturnType<typeof createClient>;
/** A client or an interactive transaction: functions that write accept one to compose. */
export type DbOrTx = Db | Parameters<Parameters<Db["$transaction"]>[0]>[0];

// One client per process. Created on first use so that `next build` needs no database
// configuration, and kept on globalThis so that dev-mode hot reloads do not open new pools.
const holder = globalThis as typeof globalThis & { __portalDb?: Db };

export function getDb(): Db {
  holder.__portalDb ??= createClient();
  return holder.__portalDb;
}
