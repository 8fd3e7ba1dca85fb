// An embedded PostgreSQL (PGlite, compiled to WASM) served on a local TCP port, so that the
// portal, its migrations and its tests talk to it exactly as to a real server (adapter-pg).
// PGlite executes one query at a time; the socket server queues concurrent connections and
// a transaction holds the engine until it ends.
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export interface EmbeddedPostgres {
  /** postgresql:// URL for clients (adapter-pg, psql). */
  url: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * Starts PGlite on 127.0.0.1. `dataDir` persists the data (created when missing); without it
 * the database lives in memory. `port` 0 lets the system choose a free port.
 */
export async function startEmbeddedPostgres(opts: { dataDir?: string; port?: number } = {}): Promise<EmbeddedPostgres> {
  const db = await PGlite.create(opts.dataDir);
  const server = new PGLiteSocketServer({
    db,
    host: "127.0.0.1",
    port: opts.port ?? 0,
    maxConnections: 200,
  });
  await server.start();
  const port = Number(server.getServerConn().split(":").pop());
  let stopped = false;
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
    port,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
      await db.close();
    },
  };
}
