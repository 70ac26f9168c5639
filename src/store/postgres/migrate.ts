// Applies the schema's pending migrations (schema/migrations) to a PostgreSQL schema, recording
// each in schema_migrations.
import type pg from 'pg';
import { migrationDdl } from '../schema/ddl.js';
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
        for (const ddl of migrationDdl('postgres', m)) await client.query(ddl);
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
