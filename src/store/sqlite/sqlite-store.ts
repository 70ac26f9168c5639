// SqliteStore: the shared SQL store on better-sqlite3. Synchronous calls behind async methods;
// every statement runs in safe-integer mode so 64-bit ids come back as bigint.
import Database from 'better-sqlite3';
import { StoreConflict } from '../store.js';
import { SqlStore, type SqlDriver, type Step } from '../sql/sql-store.js';
import { sqliteDialect } from '../sql/dialect.js';
import type { Row, SqlValue } from '../sql/values.js';
import { migrateSqlite } from './migrations.js';

// SQLite names the indexed columns, not the index, in "UNIQUE constraint failed: t.a, t.b".
const UNIQUE_COLUMNS: ReadonlyArray<[string, StoreConflict['what']]> = [
  ['accounts.customer_id, accounts.name_folded', 'account_name'],
  ['accounts.number', 'account_number'],
  ['customers.number', 'customer_number'],
  ['users.user_name_folded', 'user_name'],
  ['developer_tokens.token_hash', 'token'],
  ['access_tokens.token_hash', 'token'],
  ['user_invitations.secret_hash', 'token'],
  ['oauth_clients.client_id', 'token'],
  ['oauth_codes.code_hash', 'token'],
  ['refresh_tokens.token_hash', 'token'],
];

/** Thrown inside a transaction to roll it back when a guard statement changed no row. */
class GuardFailed extends Error {}

function mapError(err: unknown): unknown {
  if (!(err instanceof Database.SqliteError)) return err;
  if (err.code !== 'SQLITE_CONSTRAINT_UNIQUE' && err.code !== 'SQLITE_CONSTRAINT_PRIMARYKEY') return err;
  const columns = err.message.replace(/^UNIQUE constraint failed: /, '');
  const hit = UNIQUE_COLUMNS.find(([c]) => c === columns);
  return hit === undefined ? err : new StoreConflict(hit[1]);
}

function bind(v: SqlValue): number | bigint | string | null {
  if (typeof v === 'boolean') return v ? 1n : 0n;
  // Integers bind as INTEGER (not REAL), so RETURNING and comparisons see exact integers.
  if (typeof v === 'number') return Number.isInteger(v) ? BigInt(v) : v;
  if (typeof v === 'object' && v !== null) throw new TypeError('store: SQLite lists are bound as JSON text');
  return v;
}

const CACHE_LIMIT = 256;

class SqliteDriver implements SqlDriver {
  // Prepared statements by SQL text; queryAccounts builds a bounded variety of texts.
  private readonly cache = new Map<string, Database.Statement>();

  constructor(private readonly db: Database.Database) {}

  private statement(sql: string): Database.Statement {
    let stmt = this.cache.get(sql);
    if (stmt === undefined) {
      if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
      stmt = this.db.prepare(sql).safeIntegers(true);
      this.cache.set(sql, stmt);
    }
    return stmt;
  }

  async all(sql: string, params: readonly SqlValue[]): Promise<Row[]> {
    try {
      return this.statement(sql).all(...params.map(bind)) as Row[];
    } catch (err) {
      throw mapError(err);
    }
  }

  async run(sql: string, params: readonly SqlValue[]): Promise<number> {
    try {
      return this.statement(sql).run(...params.map(bind)).changes;
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
        const stmt = this.statement(s.sql);
        const params = s.params.map(bind);
        const rows = stmt.reader ? (stmt.all(...params) as Row[]) : [];
        const changed = stmt.reader ? rows.length : stmt.run(...params).changes;
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

export class SqliteStore extends SqlStore {
  readonly backend = 'sqlite' as const;

  private constructor(db: Database.Database) {
    super(new SqliteDriver(db), sqliteDialect);
  }

  /** Opens (creating if needed) and migrates the database at `file`, or ':memory:'. */
  static async open(file: string): Promise<SqliteStore> {
    const db = new Database(file);
    try {
      db.defaultSafeIntegers(true);
      // First, so that even switching to WAL waits for another process starting at the same time.
      db.pragma('busy_timeout = 5000');
      db.pragma('journal_mode = WAL'); // a no-op ('memory') for ':memory:'
      db.pragma('foreign_keys = ON');
      db.pragma('synchronous = NORMAL'); // durable enough with WAL, much faster than FULL
      migrateSqlite(db);
    } catch (err) {
      db.close();
      throw err;
    }
    return new SqliteStore(db);
  }
}
