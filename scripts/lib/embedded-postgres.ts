// An embedded PostgreSQL (PGlite, compiled to WASM) served on a local TCP port, so that the
// portal, its migrations and its tests talk to it exactly as to a real server (adapter-pg).
// PGlite executes one query at a time; the socket server queues concurrent connections and
// a transaction holds the engine until it ends — and, with `keepExtendedQueriesWhole`, so does
// an extended-protocol query until its Sync.
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

const SYNC = 0x53; // 'S'
const SIMPLE_QUERY = 0x51; // 'Q'
const TERMINATE = 0x58; // 'X'

/**
 * pglite-socket queues the protocol messages of all connections one by one and keeps one
 * connection's turn only while PGlite is inside a transaction. An extended-protocol query is
 * several messages (Parse, Bind, Describe, Execute, then Sync); when two connections' messages
 * interleave, one's Bind replaces the other's unnamed portal (`portal "" does not exist`) — any
 * two concurrent requests of the portal could fail. This view of the database tells the queue
 * that a connection is "in a transaction" from its first message of a query to its Sync, so a
 * query's messages run together. Startup messages (which begin with a zero length byte), a
 * simple query and Terminate end the turn; so does the ROLLBACK the queue runs for a connection
 * that went away mid-turn.
 */
export function keepExtendedQueriesWhole(db: PGlite): PGlite {
  let midQuery = false;
  return new Proxy(db, {
    get(target, property) {
      if (property === "isInTransaction") return () => midQuery || target.isInTransaction();
      if (property === "execProtocolRawStream") {
        return (message: Uint8Array, options: Parameters<PGlite["execProtocolRawStream"]>[1]) => {
          const type = message[0];
          midQuery = !(type === 0 || type === SYNC || type === SIMPLE_QUERY || type === TERMINATE);
          return target.execProtocolRawStream(message, options);
        };
      }
      if (property === "exec") {
        return (...args: Parameters<PGlite["exec"]>) => {
          midQuery = false;
          return target.exec(...args);
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
