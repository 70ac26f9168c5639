// PostgresStore: the shared SQL store on a pg Pool. int8 is parsed to bigint by this pool only
// (a per-pool `types`, leaving the global pg.types alone), bigint parameters go as decimal text.
import pg from 'pg';
import { StoreConflict } from '../store.js';
import { SqlStore, type SqlDriver, type Step } from '../sql/sql-store.js';
import { postgresDialect } from '../sql/dialect.js';
import type { Row, SqlValue } from '../sql/values.js';
import { migratePostgres } from './migrations.js';

const INT8_OID = 20;

const parseInt8 = (text: string): bigint => BigInt(text);

const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID && format !== 'binary' ? parseInt8 : pg.types.getTypeParser(oid, format ?? 'text')
  ) as pg.CustomTypesConfig['getTypeParser'],
};

// Unique index / constraint names (see migrations) -> what the domain is told.
const CONSTRAINTS: Readonly<Record<string, StoreConflict['what']>> = {
  accounts_name_uq: 'account_name',
  accounts_number_uq: 'account_number',
  customers_number_uq: 'customer_number',
  users_name_uq: 'user_name',
  developer_tokens_hash_uq: 'token',
  access_tokens_pkey: 'token',
  user_invitations_secret_uq: 'token',
  oauth_clients_pkey: 'token',
  oauth_codes_pkey: 'token',
  refresh_tokens_pkey: 'token',
};

function mapError(err: unknown): unknown {
  if (!(err instanceof pg.DatabaseError) || err.code !== '23505' || err.constraint === undefined) return err;
  const what = CONSTRAINTS[err.constraint];
  return what === undefined ? err : new StoreConflict(what);
}

function bind(v: SqlValue): string | number | boolean | null | readonly string[] {
  return typeof v === 'bigint' ? v.toString() : v;
}

/** Schema names are spliced into DDL and the startup options, so only plain identifiers pass. */
export function checkSchemaName(schema: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw new Error(`store: invalid PostgreSQL schema name ${JSON.stringify(schema)} (use [a-z_][a-z0-9_]*)`);
  }
  return schema;
}

class PostgresDriver implements SqlDriver {
  constructor(private readonly pool: pg.Pool) {}

  async all(sql: string, params: readonly SqlValue[]): Promise<Row[]> {
    try {
      return (await this.pool.query<Row>(sql, params.map(bind))).rows;
    } catch (err) {
      throw mapError(err);
    }
  }

  async run(sql: string, params: readonly SqlValue[]): Promise<number> {
    try {
      return (await this.pool.query(sql, params.map(bind))).rowCount ?? 0;
    } catch (err) {
      throw mapError(err);
    }
  }

  async transaction(steps: readonly Step[]): Promise<Row[][] | null> {
    // One pooled connection for the whole transaction; READ COMMITTED suffices because every
    // guard is a compare-and-set on a row it locks (a concurrent writer waits, then re-checks).
    const client = await this.pool.connect();
    let broken = false;
    try {
      await client.query('BEGIN');
      const results: Row[][] = [];
      for (const step of steps) {
        const s = typeof step === 'function' ? step(results) : step;
        const res = await client.query<Row>(s.sql, s.params.map(bind));
        if (s.guard && (res.rowCount ?? 0) === 0) {
          await client.query('ROLLBACK');
          return null;
        }
        results.push(res.rows);
      }
      await client.query('COMMIT');
      return results;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => { broken = true; });
      throw mapError(err);
    } finally {
      client.release(broken); // a connection whose transaction state is unknown is discarded
    }
  }

  async close(): Promise<void> {
    if (!this.pool.ended) await this.pool.end();
  }
}

export interface PostgresOptions {
  url: string;
  /** Schema holding the tables (created if missing); default: the server's search_path. */
  schema?: string;
  /** Pool size; pg's default (10) when absent. */
  max?: number;
}

export class PostgresStore extends SqlStore {
  readonly backend = 'postgres' as const;

  private constructor(pool: pg.Pool) {
    super(new PostgresDriver(pool), postgresDialect);
  }

  /** Connects, creates the schema if asked, and migrates. */
  static async open(opts: PostgresOptions): Promise<PostgresStore> {
    const schema = opts.schema === undefined ? null : checkSchemaName(opts.schema);
    const pool = new pg.Pool({
      connectionString: opts.url,
      types,
      max: opts.max,
      // Every pooled connection starts with the schema first in its search_path.
      ...(schema === null ? {} : { options: `-c search_path=${schema}` }),
    });
    // An idle connection dropped by the server emits 'error' on the pool; without a listener that
    // would crash the process. The pool discards the client and the next query reconnects.
    pool.on('error', () => {});
    try {
      const client = await pool.connect();
      try {
        await migratePostgres(client, schema);
        client.release();
      } catch (err) {
        client.release(true); // its session state (lock, aborted transaction) is unknown: discard it
        throw err;
      }
    } catch (err) {
      await pool.end();
      throw err;
    }
    return new PostgresStore(pool);
  }
}
