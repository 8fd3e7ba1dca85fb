// An embedded PostgreSQL (PGlite, compiled to WASM) served on a local TCP port, so that the
// portal, its migrations and its tests talk to it exactly as to a real server (adapter-pg).
// PGlite executes one query at a time; the socket server queues concurrent connections and
// a transaction holds the engine until it ends — and, with `keepExtendedQueriesWhole`, so does
// an extended-protocol query until its Sync.
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

/** Messages of an extended-protocol query before its Sync: Parse, Bind, Describe, Execute, Close, Flush, CopyData. */
const MID_QUERY = new Set([..."PBDECHd"].map((c) => c.charCodeAt(0)));

/**
 * pglite-socket queues the protocol messages of all connections one by one and keeps one
 * connection's turn only while PGlite is inside a transaction. An extended-protocol query is
 * several messages (Parse, Bind, Describe, Execute, then Sync); when another connection's
 * transaction or query runs between them, the first one's unnamed portal is gone
 * (`portal "" does not exist`) or the query hangs — any two concurrent requests of the portal
 * could hit it. This view of the database tells the queue that a connection is "in a
 * transaction" from its first message of a query to its Sync, so a query's messages run
 * together. Any other message (Sync, a simple query, Terminate, startup) ends the turn, and so
 * does the ROLLBACK the queue runs for a connection that went away mid-turn. A client that
 * sends Flush and then waits for another connection would wait forever, as with an open
 * transaction; the portal's clients (node-postgres) always end a query with Sync.
 */
export function keepExtendedQueriesWhole(db: PGlite): PGlite {
  let midQuery = false;
  return new Proxy(db, {
    get(target, property) {
      if (property === "isInTransaction") return () => midQuery || target.isInTransaction();
      if (property === "execProtocolRawStream") {
        return (message: Uint8Array, options: Parameters<PGlite["execProtocolRawStream"]>[1]) => {
          midQuery = MID_QUERY.has(message[0] ?? 0);
          return target.execProtocolRawStream(message, options);
        };
      }
      if (property === "exec") {
        return async (...args: Parameters<PGlite["exec"]>) => {
          const result = await target.exec(...args);
          midQuery = false;
          return result;
        };
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

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
    db: keepExtendedQueriesWhole(db),
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
