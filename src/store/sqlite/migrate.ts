// Applies the schema's pending migrations (schema/migrations) to a SQLite database, recording each
// in schema_migrations.
import type Database from 'better-sqlite3';
import { migrationDdl } from '../schema/ddl.js';
import { MIGRATIONS } from '../schema/migrations.js';

/**
 * Applies pending migrations inside one IMMEDIATE transaction: it takes the write lock first, so a
 * second process starting at the same moment waits (busy_timeout) and then sees them applied.
 */
export function migrateSqlite(db: Database.Database): void {
  db.transaction(() => {
    db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)');
    const applied = new Set(
      db.prepare('SELECT version FROM schema_migrations').pluck().all().map((v) => Number(v)),
    );
    const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
    for (const m of MIGRATIONS) {
      if (applied.has(m.version)) continue;
      for (const ddl of migrationDdl('sqlite', m)) db.exec(ddl);
      record.run(m.version, m.name, Date.now());
    }
  }).immediate();
}
