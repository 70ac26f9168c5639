// The SQL driver on better-sqlite3: synchronous calls behind async methods; every statement runs
// in safe-integer mode so 64-bit ids come back as bigint.
import Database from 'better-sqlite3';
import { conflictByColumns } from '../schema/conflicts.js';
import type { Row, SqlDriver, SqlValue, Step } from '../sql/driver.js';
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

/**
 * A prepared statement; a reader returns its rows as arrays (better-sqlite3's raw mode) and they
 * are made objects here: building a 28-column row object in the native addon costs ≈ 5 µs, as
 * an array ≈ 2 µs, and the same object built in JavaScript well under 1 µs more.
 */
interface Prepared {
  stmt: Database.Statement;
  /** Result column names of a reader, in order; null for a statement that returns no rows. */
  columns: string[] | null;
}

/** Rows as objects keyed by column name (a repeated name keeps its last value, as better-sqlite3 does). */
function objects(columns: readonly string[], rows: readonly unknown[][]): Row[] {
  const out: Row[] = new Array<Row>(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const values = rows[r]!;
    const row: Record<string, unknown> = {};
    for (let c = 0; c < columns.length; c++) row[columns[c]!] = values[c];
    out[r] = row;
  }
  return out;
}

export class SqliteDriver implements SqlDriver {
  // Prepared statements by SQL text; queryAccounts builds a bounded variety of texts.
  private readonly cache = new Map<string, Prepared>();

  constructor(private readonly db: Database.Database) {}

  private statement(sql: string): Prepared {
    let prepared = this.cache.get(sql);
    if (prepared === undefined) {
      if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
      const stmt = this.db.prepare(sql).safeIntegers(true);
      prepared = stmt.reader ? { stmt: stmt.raw(true), columns: stmt.columns().map((c) => c.name) } : { stmt, columns: null };
      this.cache.set(sql, prepared);
    }
    return prepared;
  }

  /** Runs a reader and returns its rows as objects. */
  private static read(prepared: Prepared, params: ReturnType<typeof bind>[]): Row[] {
    return objects(prepared.columns!, prepared.stmt.all(...params) as unknown[][]);
  }

  async all(sql: string, params: readonly SqlValue[]): Promise<Row[]> {
    try {
      const prepared = this.statement(sql);
      return prepared.columns === null ? (prepared.stmt.all(...params.map(bind)) as Row[]) : SqliteDriver.read(prepared, params.map(bind));
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
        const prepared = this.statement(s.sql);
        const params = s.params.map(bind);
        const reader = prepared.columns !== null;
        const rows = reader ? SqliteDriver.read(prepared, params) : [];
        const changed = reader ? rows.length : prepared.stmt.run(...params).changes;
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
