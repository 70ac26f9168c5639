// Applies the schema's pending migrations (schema/migrations) to a PostgreSQL schema, recording
// each in schema_migrations.
import type pg from 'pg';
import { migrationActions, type FoldStep } from '../schema/ddl.js';
import { fold } from '../sql/sql.js';
import { MIGRATIONS } from '../schema/migrations.js';

// One fixed key for every adcenter migration in the database ("adcenter" in ASCII as a big-endian int64).
const MIGRATION_LOCK = '7017843406646044018';

/**
 * Creates the schema if asked and applies pending migrations, each in its own transaction, while
 * holding a session advisory lock: instances starting together run migrations one at a time, and
 * the later ones find nothing left to do.
 */
export async function migratePostgres(client: pg.ClientBase, schema: string | null): Promise<void> {
  await client.query('SELECT pg_advisory_lock($1::bigint)', [MIGRATION_LOCK]);
  try {
    // Identifier validated by the caller (see checkSchemaName); identifiers cannot be parameters.
    if (schema !== null) await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())',
    );
    const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
    const applied = new Set(rows.map((r) => Number(r.version)));
    for (const m of MIGRATIONS) {
      if (applied.has(m.version)) continue;
      await client.query('BEGIN');
      try {
        for (const action of migrationActions('postgres', m)) {
          if ('ddl' in action) await client.query(action.ddl); else await foldPostgres(client, action.fold);
        }
        await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK');
        throw err;
      }
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1::bigint)', [MIGRATION_LOCK]);
  }
}

/** Rows in batches by id, each batch written back in one UPDATE. */
async function foldPostgres(client: pg.ClientBase, step: FoldStep): Promise<void> {
  let after = '-1';
  for (;;) {
    const { rows } = await client.query<{ id: string; v: string | null }>(
      `SELECT id::text AS id, ${step.source} AS v FROM ${step.table} WHERE id > $1::bigint ORDER BY id LIMIT 5000`, [after],
    );
    if (rows.length === 0) return;
    const texts = rows.filter((r) => r.v !== null);
    await client.query(
      `UPDATE ${step.table} t SET ${step.target} = f.v FROM unnest($1::bigint[], $2::text[]) AS f(id, v) WHERE t.id = f.id`,
      [texts.map((r) => r.id), texts.map((r) => fold(r.v!))],
    );
    after = rows[rows.length - 1]!.id;
  }
}
