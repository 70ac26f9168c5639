// The store on PostgreSQL: a pool whose connections use the configured schema, migrated, with the
// SQL store composed on the pg driver.
import pg from 'pg';
import { postgresDialect } from '../sql/dialect.js';
import { sqlStore } from '../sql/sql-store.js';
import type { Store } from '../store.js';
import { migratePostgres } from './migrate.js';
import { PostgresDriver, types } from './postgres-driver.js';

/** Schema names are spliced into DDL and the startup options, so only plain identifiers pass. */
export function checkSchemaName(schema: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw new Error(`store: invalid PostgreSQL schema name ${JSON.stringify(schema)} (use [a-z_][a-z0-9_]*)`);
  }
  return schema;
}

export interface PostgresOptions {
  url: string;
  /** Schema holding the tables (created if missing); default: the server's search_path. */
  schema?: string;
  /** Pool size; pg's default (10) when absent. */
  max?: number;
}

/**
 * Settings of every pooled session.
 * - Generic plans: the driver sends each statement text as a named prepared statement, and
 *   PostgreSQL would otherwise plan a search anew on every run (≈ 0.6 ms of its 0.9 ms for
 *   FindAccounts), its custom plans never looking cheaper than the generic one. The searches are
 *   written so that their plan does not depend on the values (each names its range, limit and
 *   reach as parameters), and the plan tests judge the generic plans.
 * - No JIT: a generic plan estimates a LIMIT parameter at a tenth of the table, which over a
 *   million accounts crosses jit_above_cost, and compiling 183 functions on every run of a
 *   SearchAccounts took the server from 600 answers a second to none. These are short OLTP
 *   statements, the case PostgreSQL's documentation says JIT does not pay for.
 */
export function sessionOptions(schema: string | null): string {
  return `-c plan_cache_mode=force_generic_plan -c jit=off${schema === null ? '' : ` -c search_path=${schema}`}`;
}

/** Connects, creates the schema if asked, and migrates. */
export async function openPostgresStore(opts: PostgresOptions): Promise<Store> {
  const schema = opts.schema === undefined ? null : checkSchemaName(opts.schema);
  const pool = new pg.Pool({
    connectionString: opts.url,
    types,
    max: opts.max,
    // A host that drops packets would otherwise hold start-up (and /health) for ever.
    connectionTimeoutMillis: 10_000,
    // Every pooled connection starts with the schema first in its search_path.
    options: sessionOptions(schema),
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
  return sqlStore('postgres', new PostgresDriver(pool), postgresDialect);
}
