// The SQL driver on better-sqlite3: synchronous calls behind async methods; every statement runs
// in safe-integer mode so 64-bit ids come back as bigint.
import Database from 'better-sqlite3';
import { conflictByColumns } from '../schema/conflicts.js';
import type { Row, SqlDriver, SqlValue, Step } from '../sql/driver.js';
import { rowBuilder, type RowBuilder } from '../sql/row-builder.js';
import { StoreConflict } from '../store.js';

/** Thrown inside a transaction to roll it back when a guard statement changed no row. */
class GuardFailed extends Error {}

function mapError(err: unknown): unknown {
  if (!(err instanceof Database.SqliteError)) return err;
  if (err.code !== 'SQLITE_CONSTRAINT_UNIQUE' && err.code !== 'SQLITE_CONSTRAINT_PRIMARYKEY') return err;
  // SQLite names the indexed columns, not the index: "UNIQUE constraint failed: t.a, t.b".
  const what = conflictByColumns(err.message.replace(/^UNIQUE constraint failed: /, ''));
  return what === undefined ? err : new StoreConflict(what);
}

function bind(v: SqlValue): number | bigint | string | null {
  if (typeof v === 'boolean') return v ? 1n : 0n;
  // Integers bind as INTEGER (not REAL), so RETURNING and comparisons see exact integers.
  if (typeof v === 'number') return Number.isInteger(v) ? BigInt(v) : v;
  if (typeof v === 'object' && v !== null) throw new TypeError('store: SQLite lists are bound as JSON text');
  return v;
}

const CACHE_LIMIT = 256;

/** A prepared statement and, for one returning rows, how to build its rows (sql/row-builder). */
interface Prepared {
  readonly stmt: Database.Statement;
  readonly build: RowBuilder | undefined;
  readonly width: number;
}

function prepared(stmt: Database.Statement): Prepared {
  if (!stmt.reader) return { stmt, build: undefined, width: 0 };
  // Raw rows: better-sqlite3 would set the keys of each row object one by one in C++.
  stmt.raw(true);
  const columns = stmt.columns().map((c) => c.name);
  return { stmt, build: rowBuilder(columns), width: columns.length };
}

function readRows(p: Prepared, params: ReadonlyArray<number | bigint | string | null>): Row[] {
  const raw = p.stmt.all(...params) as unknown[][];
  // The schema changed under a `SELECT *` (another process migrated) and SQLite re-prepared it.
  const build = raw.length > 0 && raw[0]!.length !== p.width ? rowBuilder(p.stmt.columns().map((c) => c.name)) : p.build!;
  const rows = new Array<Row>(raw.length);
  for (let i = 0; i < raw.length; i++) rows[i] = build(raw[i]!);
  return rows;
}

export class SqliteDriver implements SqlDriver {
  // Prepared statements by SQL text; queryAccounts builds a bounded variety of texts.
  private readonly cache = new Map<string, Prepared>();

  constructor(private readonly db: Database.Database) {}

  private statement(sql: string): Prepared {
    let p = this.cache.get(sql);
    if (p === undefined) {
      if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
      p = prepared(this.db.prepare(sql).safeIntegers(true));
      this.cache.set(sql, p);
    }
    return p;
  }

  async all(sql: string, params: readonly SqlValue[]): Promise<Row[]> {
    try {
      const p = this.statement(sql);
      const values = params.map(bind);
      return p.build ? readRows(p, values) : (p.stmt.all(...values) as Row[]);
    } catch (err) {
      throw mapError(err);
    }
  }

  async run(sql: string, params: readonly SqlValue[]): Promise<number> {
    try {
      return this.statement(sql).stmt.run(...params.map(bind)).changes;
    } catch (err) {
      throw mapError(err);
    }
  }

  async transaction(steps: readonly Step[]): Promise<Row[][] | null> {
    // Synchronous from BEGIN to COMMIT, so no other request's statement can slip in between.
    // IMMEDIATE takes the write lock up front (waiting up to busy_timeout), which avoids the
    // SQLITE_BUSY a deferred transaction gets when it upgrades from reading to writing.
    const run = this.db.transaction((): Row[][] => {
      const results: Row[][] = [];
      for (const step of steps) {
        const s = typeof step === 'function' ? step(results) : step;
        const p = this.statement(s.sql);
        const params = s.params.map(bind);
        const rows = p.build ? readRows(p, params) : [];
        const changed = p.build ? rows.length : p.stmt.run(...params).changes;
        if (s.guard && changed === 0) throw new GuardFailed();
        results.push(rows);
      }
      return results;
    });
    try {
      return run.immediate();
    } catch (err) {
      if (err instanceof GuardFailed) return null;
      throw mapError(err);
    }
  }

  async close(): Promise<void> {
    this.cache.clear();
    if (this.db.open) this.db.close();
  }
}
