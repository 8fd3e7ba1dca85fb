// The embedded PostgreSQL of `npm start` and of the tests without TEST_DATABASE_URL: concurrent
// connections must never mix their queries (pglite-socket alone interleaves the messages of
// extended-protocol queries from different connections).
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import {
  keepExtendedQueriesWhole,
  startEmbeddedPostgres,
  type EmbeddedPostgres,
} from "../../scripts/lib/embedded-postgres";

let embedded: EmbeddedPostgres;
let pool: pg.Pool;

beforeAll(async () => {
  embedded = await startEmbeddedPostgres();
  pool = new pg.Pool({ connectionString: embedded.url, max: 8 });
});

afterAll(async () => {
  await pool?.end();
  await embedded?.stop();
});

it(
  "answers concurrent queries and transactions of many connections, each with its own result",
  { timeout: 60_000 },
  async () => {
    await pool.query("CREATE TABLE item (id int PRIMARY KEY, label text NOT NULL)");
    // Transactions interleaved with parameterized queries of other connections: without the
    // fix, some queries hang forever or fail with portal "" does not exist.
    const inTransaction = async (i: number) => {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        await client.query("INSERT INTO item (id, label) VALUES ($1, $2)", [i, `第${i}条`]);
        await client.query("COMMIT");
      } finally {
        client.release();
      }
    };
    // Each query its own text: a Bind that reached another connection's Parse would show.
    const query = async (i: number) =>
      (await pool.query<{ query: number; param: number }>(`SELECT ${i} AS query, $1::int AS param`, [i])).rows;
    const results = await Promise.all(
      Array.from({ length: 300 }, (_, i) => (i % 2 ? inTransaction(i).then(() => null) : query(i))),
    );
    results.forEach((rows, i) => expect(rows).toEqual(i % 2 ? null : [{ query: i, param: i }]));
    expect((await pool.query<{ n: number }>("SELECT count(*)::int AS n FROM item")).rows[0]?.n).toBe(150);
  },
);

it("keeps a transaction to its connection while others wait", async () => {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query("INSERT INTO item (id, label) VALUES ($1, $2)", [1000, "未提交"]);
    const outside = pool.query<{ n: number }>("SELECT count(*)::int AS n FROM item WHERE id = $1", [1000]);
    await client.query("ROLLBACK");
    expect((await outside).rows[0]?.n).toBe(0);
  } finally {
    client.release();
  }
});

it("reports PGlite's own transaction state through the view", async () => {
  const db = await PGlite.create();
  const view = keepExtendedQueriesWhole(db);
  expect(view.isInTransaction()).toBe(false);
  await view.exec("BEGIN");
  expect(view.isInTransaction()).toBe(true);
  await view.exec("ROLLBACK");
  expect(view.isInTransaction()).toBe(false);
  await db.close();
});
