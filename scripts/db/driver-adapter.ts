// What the schema engine connects through: @prisma/adapter-pg over pools this module owns,
// with adapter quirks 1 ("char" columns) and 3 (executeScript) of
// docs/decisions/0002-offline-migrations.md worked around, and the cleanups of everything an
// engine run opened. Quirk 2, the shadow database, is shadow-database.ts.
import { PrismaPg } from "@prisma/adapter-pg";
import {
  ColumnTypeEnum,
  type ConnectionInfo,
  type IsolationLevel,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
  type SqlResultSet,
  type Transaction,
} from "@prisma/driver-adapter-utils";
import pg from "pg";

import { createShadowDatabase } from "./shadow-database";

/** Cleanup steps, run last-in first-out, each at most once, even if an earlier one fails. */
export class Resources {
  private readonly cleanups: Array<() => Promise<void>> = [];

  add(cleanup: () => Promise<void>): void {
    this.cleanups.push(cleanup);
  }

  async closeAll(): Promise<void> {
    const failures: unknown[] = [];
    for (let cleanup = this.cleanups.pop(); cleanup; cleanup = this.cleanups.pop()) {
      try {
        await cleanup();
      } catch (error) {
        failures.push(error);
      }
    }
    if (failures.length > 0) throw new AggregateError(failures, "Cleaning up after the schema engine failed.");
  }
}

/**
 * What the engine connects through: the main database plus a shadow database that
 * shadow-database.ts creates and removes itself (adapter-pg's own connectToShadowDb is
 * unusable, see there).
 */
export class MigrationAdapterFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = "postgres";
  readonly adapterName = "@prisma/adapter-pg";
  /** An error thrown while preparing a connection, kept because the engine hides its message. */
  setupError: Error | undefined;
  private readonly charColumns = new CharColumns();

  constructor(
    private readonly databaseUrl: string,
    private readonly resources: Resources,
  ) {}

  async connect(): Promise<SqlDriverAdapter> {
    return this.remember(() => this.connectTo(this.databaseUrl));
  }

  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    return this.remember(async () => this.connectTo(await createShadowDatabase(this.databaseUrl, this.resources)));
  }

  /**
   * An adapter-pg adapter over a pool owned by `resources`. The pool is handed to PrismaPg as
   * an external pool, so whether or not the engine disposes the adapter, it is ended exactly
   * once, after the engine is done.
   */
  private async connectTo(databaseUrl: string): Promise<SqlDriverAdapter> {
    const pool = new pg.Pool({ connectionString: databaseUrl });
    this.resources.add(() => pool.end());
    // A server-side disconnect of an idle client would otherwise be an unhandled 'error' event.
    pool.on("error", (error) => console.error(`[schema-engine] idle connection error: ${error.message}`));
    pool.on("connect", (client) => this.charColumns.watch(client));
    return new MigrationAdapter(await new PrismaPg(pool).connect(), this.charColumns);
  }

  private async remember(open: () => Promise<SqlDriverAdapter>): Promise<SqlDriverAdapter> {
    try {
      return await open();
    } catch (error) {
      this.setupError ??= error instanceof Error ? error : new Error(String(error));
      throw error;
    }
  }
}

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

/**
 * Adapter quirk 1: adapter-pg 7.10 throws "Unsupported column type" for PostgreSQL's internal
 * one-byte "char" type (OID 18), which the engine reads from the catalogs (pg_constraint.contype,
 * confdeltype, ...) while describing a database. Reporting those columns as text is not enough:
 * the engine reads contype with a strict "as char" getter and panics on text as soon as the
 * query returns a row (any CHECK constraint, and PostgreSQL 18's NOT NULL constraints, which
 * PGlite has). So the columns are announced to node-postgres as text (OID 25, whose text form
 * is the same one-character string) and then retyped to the driver-adapter Character type.
 *
 * node-postgres reports column types per result only inside adapter-pg, hence this side
 * channel: for each connection, remember the SQL being sent and which of its result columns
 * are "char"; the same SQL text always has the same result columns.
 */
class CharColumns {
  private readonly bySql = new Map<string, readonly number[]>();

  watch(client: pg.PoolClient): void {
    const connection = client.connection;
    // node-postgres runs one query at a time per connection (no pipelining by default) and
    // adapter-pg sends every statement unnamed, hence parsed afresh: the row description that
    // arrives belongs to the last statement sent.
    let lastSql = "";
    const parse = connection.parse.bind(connection);
    connection.parse = (...args: Parameters<typeof parse>) => {
      lastSql = args[0].text;
      parse(...args);
    };
    const query = connection.query.bind(connection);
    connection.query = (text: string) => {
      lastSql = text;
      query(text);
    };
    // prependListener: the rewrite must happen before pg's own handler builds the result.
    connection.prependListener("rowDescription", (message: unknown) => {
      if (!isRowDescription(message)) return;
      const indexes: number[] = [];
      message.fields.forEach((field, index) => {
        if (field.dataTypeID !== PG_CHAR_OID) return;
        field.dataTypeID = PG_TEXT_OID;
        indexes.push(index);
      });
      if (indexes.length > 0) this.bySql.set(lastSql, indexes);
    });
  }

  retype(sql: string, result: SqlResultSet): SqlResultSet {
    const indexes = this.bySql.get(sql);
    if (!indexes) return result;
    const columnTypes = [...result.columnTypes];
    for (const index of indexes) columnTypes[index] = ColumnTypeEnum.Character;
    return { ...result, columnTypes };
  }
}

function isRowDescription(message: unknown): message is { fields: Array<{ dataTypeID: number }> } {
  return typeof message === "object" && message !== null && "fields" in message && Array.isArray(message.fields);
}

/**
 * adapter-pg's adapter with "char" columns retyped (quirk 1) and one more fix, adapter quirk 3:
 * its executeScript splits scripts on every ";" and runs the pieces one by one. That breaks
 * any statement with a semicolon inside (a plpgsql function body, a string literal) and leaves
 * a half-applied migration behind on failure. The engine runs migration.sql files through
 * executeScript, so send the script as a single simple-protocol query instead, as the native
 * engine does: PostgreSQL runs a multi-statement simple query as one implicit transaction, so
 * a failing migration leaves nothing behind.
 */
class MigrationAdapter implements SqlDriverAdapter {
  readonly provider: SqlDriverAdapter["provider"];
  readonly adapterName: string;

  constructor(
    private readonly inner: SqlDriverAdapter,
    private readonly charColumns: CharColumns,
  ) {
    this.provider = inner.provider;
    this.adapterName = inner.adapterName;
  }

  async executeScript(script: string): Promise<void> {
    // Without parameters node-postgres uses the simple query protocol, which accepts several
    // statements; going through executeRaw keeps adapter-pg's error mapping.
    await this.inner.executeRaw({ sql: script, args: [], argTypes: [] });
  }

  async queryRaw(query: SqlQuery): Promise<SqlResultSet> {
    return this.charColumns.retype(query.sql, await this.inner.queryRaw(query));
  }

  executeRaw(query: SqlQuery): Promise<number> {
    return this.inner.executeRaw(query);
  }

  async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
    return new MigrationTransaction(await this.inner.startTransaction(isolationLevel), this.charColumns);
  }

  getConnectionInfo(): ConnectionInfo {
    return this.inner.getConnectionInfo?.() ?? { supportsRelationJoins: true };
  }

  dispose(): Promise<void> {
    return this.inner.dispose();
  }
}

/** adapter-pg's transaction with "char" columns retyped (quirk 1). */
class MigrationTransaction implements Transaction {
  readonly provider: Transaction["provider"];
  readonly adapterName: string;
  readonly options: Transaction["options"];

  constructor(
    private readonly inner: Transaction,
    private readonly charColumns: CharColumns,
  ) {
    this.provider = inner.provider;
    this.adapterName = inner.adapterName;
    this.options = inner.options;
  }

  async queryRaw(query: SqlQuery): Promise<SqlResultSet> {
    return this.charColumns.retype(query.sql, await this.inner.queryRaw(query));
  }

  executeRaw(query: SqlQuery): Promise<number> {
    return this.inner.executeRaw(query);
  }

  commit(): Promise<void> {
    return this.inner.commit();
  }

  rollback(): Promise<void> {
    return this.inner.rollback();
  }

  async createSavepoint(name: string): Promise<void> {
    await this.savepointOperation("createSavepoint")(name);
  }

  async rollbackToSavepoint(name: string): Promise<void> {
    await this.savepointOperation("rollbackToSavepoint")(name);
  }

  async releaseSavepoint(name: string): Promise<void> {
    await this.savepointOperation("releaseSavepoint")(name);
  }

  private savepointOperation(
    operation: "createSavepoint" | "rollbackToSavepoint" | "releaseSavepoint",
  ): (name: string) => Promise<void> {
    const method = this.inner[operation];
    if (!method) throw new Error(`The driver adapter's transactions do not support ${operation}.`);
    return method.bind(this.inner);
  }
}
