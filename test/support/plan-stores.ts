// Stores whose driver records every statement it is given, and the query plan of a recorded
// statement asked of the same connection: SQLite's EXPLAIN QUERY PLAN rows, PostgreSQL's EXPLAIN
// (FORMAT JSON) tree. The plan tests run real handlers on these and judge what they ran.
import Database from 'better-sqlite3';
import pg from 'pg';
import { migrateSqlite } from '../../src/store/sqlite/migrate.js';
import { SqliteDriver } from '../../src/store/sqlite/sqlite-driver.js';
import { migratePostgres } from '../../src/store/postgres/migrate.js';
import { bind as pgValue, PostgresDriver, types } from '../../src/store/postgres/postgres-driver.js';
import { sessionOptions } from '../../src/store/postgres/postgres-store.js';
import { postgresDialect, sqliteDialect } from '../../src/store/sql/dialect.js';
import type { Row, SqlDriver, SqlValue, Step } from '../../src/store/sql/driver.js';
import { sqlStore } from '../../src/store/sql/sql-store.js';
import type { Store } from '../../src/store/store.js';

export interface Recorded { sql: string; params: readonly SqlValue[] }

/** One line of SQLite's EXPLAIN QUERY PLAN. */
export interface SqlitePlanLine { id: number; parent: number; detail: string }

/** One instruction of SQLite's EXPLAIN (the bytecode program); `p4` as text (a seek's: how many index columns it fixes). */
export interface SqliteOp { addr: number; opcode: string; p1: number; p2: number; p4: string | null }

/**
 * SQLite's plan of a statement: the EXPLAIN QUERY PLAN lines, the bytecode program (to see what
 * the plan lines do not say, such as where a full LIMIT sorter jumps) and each index's root page.
 */
export interface SqlitePlan { lines: SqlitePlanLine[]; program: SqliteOp[]; roots: ReadonlyMap<string, number> }

/** A node of PostgreSQL's EXPLAIN (FORMAT JSON) plan. */
export interface PgPlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Index Cond'?: string;
  Plans?: PgPlanNode[];
  [key: string]: unknown;
}

class RecordingDriver implements SqlDriver {
  readonly statements: Recorded[] = [];
  constructor(readonly inner: SqlDriver) {}
  all(sql: string, params: readonly SqlValue[]): Promise<Row[]> {
    this.statements.push({ sql, params });
    return this.inner.all(sql, params);
  }
  run(sql: string, params: readonly SqlValue[]): Promise<number> {
    return this.inner.run(sql, params);
  }
  transaction(steps: readonly Step[]): Promise<Row[][] | null> {
    return this.inner.transaction(steps);
  }
  close(): Promise<void> {
    return this.inner.close();
  }
}

export interface PlanStore {
  backend: 'sqlite' | 'postgres';
  store: Store;
  /** Runs SQL directly (bulk fills, ANALYZE). */
  exec(sql: string, params?: readonly SqlValue[]): Promise<void>;
  /** Statements given to the driver since the last take(), then forgotten. */
  take(): Recorded[];
  /** The plan as the database prints it, for failure messages. */
  planText(r: Recorded): Promise<string>;
  close(): Promise<void>;
}

export async function sqlitePlanStore(): Promise<PlanStore & { plan(r: Recorded): Promise<SqlitePlan> }> {
  const db = new Database(':memory:');
  db.defaultSafeIntegers(true);
  db.pragma('foreign_keys = ON');
  migrateSqlite(db);
  const driver = new RecordingDriver(new SqliteDriver(db));
  return {
    backend: 'sqlite',
    store: sqlStore('sqlite', driver, sqliteDialect),
    async exec(sql, params = []) { await driver.inner.run(sql, params); },
    take: () => driver.statements.splice(0),
    async plan(r) {
      const rows = await driver.inner.all(`EXPLAIN QUERY PLAN ${r.sql}`, r.params);
      const lines = rows.map((x) => ({ id: Number(x.id), parent: Number(x.parent), detail: String(x.detail) }));
      const program = (await driver.inner.all(`EXPLAIN ${r.sql}`, r.params))
        .map((x) => ({ addr: Number(x.addr), opcode: String(x.opcode), p1: Number(x.p1), p2: Number(x.p2), p4: x.p4 === null ? null : String(x.p4) }));
      const indexes = await driver.inner.all("SELECT name, rootpage FROM sqlite_schema WHERE type = 'index'", []);
      return { lines, program, roots: new Map(indexes.map((x) => [String(x.name), Number(x.rootpage)])) };
    },
    async planText(r) {
      const rows = await driver.inner.all(`EXPLAIN QUERY PLAN ${r.sql}`, r.params);
      return rows.map((x) => `${String(x.id)}<${String(x.parent)} ${String(x.detail)}`).join('\n');
    },
    close: () => driver.close(),
  };
}

export async function postgresPlanStore(url: string, schema: string): Promise<PlanStore & { plan(r: Recorded): Promise<PgPlanNode> }> {
  // The server's session settings (generic plans): the plans judged are the ones it runs.
  const pool = new pg.Pool({ connectionString: url, types, max: 1, options: sessionOptions(schema) });
  const client = await pool.connect();
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    await migratePostgres(client, schema);
  } finally {
    client.release();
  }
  const driver = new RecordingDriver(new PostgresDriver(pool));
  /**
   * EXPLAIN of a statement with parameters plans it for those values; the server runs the generic
   * plan of the prepared statement. So: PREPARE, EXPLAIN EXECUTE (generic under the session's
   * plan_cache_mode), DEALLOCATE — one connection (max 1), so the three meet the same session.
   */
  async function explainGeneric(explain: string, r: Recorded): Promise<Row[]> {
    if (r.params.length === 0) return driver.inner.all(`${explain} ${r.sql}`, []);
    const client = await pool.connect();
    try {
      await client.query(`PREPARE judged AS ${r.sql}`);
      try {
        // EXECUTE under EXPLAIN takes no bound parameters: the values go in as literals, which
        // PREPARE's inferred parameter types then type.
        const literal = (v: ReturnType<typeof pgValue>): string => {
          if (v === null) return 'NULL';
          if (typeof v === 'number' || typeof v === 'boolean') return String(v);
          if (typeof v === 'string') return client.escapeLiteral(v);
          return client.escapeLiteral(`{${v.map((x) => `"${x.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(',')}}`);
        };
        // Plain queries on the client (not the driver's named statements, which outlive DEALLOCATE).
        const result = await client.query(`${explain} EXECUTE judged(${r.params.map((v) => literal(pgValue(v))).join(', ')})`);
        return result.rows as Row[];
      } finally {
        await client.query('DEALLOCATE judged');
      }
    } finally {
      client.release();
    }
  }
  return {
    backend: 'postgres',
    store: sqlStore('postgres', driver, postgresDialect),
    async exec(sql, params = []) { await driver.inner.run(sql, params); },
    take: () => driver.statements.splice(0),
    async plan(r) {
      const rows = await explainGeneric('EXPLAIN (FORMAT JSON)', r);
      const json = rows[0]!['QUERY PLAN'];
      const doc = (typeof json === 'string' ? JSON.parse(json) : json) as Array<{ Plan: PgPlanNode }>;
      return doc[0]!.Plan;
    },
    async planText(r) {
      return (await explainGeneric('EXPLAIN', r)).map((x) => String(x['QUERY PLAN'])).join('\n');
    },
    close: () => driver.close(),
  };
}
