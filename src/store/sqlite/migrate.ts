// Applies the schema's pending migrations (schema/migrations) to a SQLite database, recording each
// in schema_migrations.
import type Database from 'better-sqlite3';
import { migrationActions, type FoldStep } from '../schema/ddl.js';
import { fold } from '../sql/sql.js';
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
      for (const action of migrationActions('sqlite', m)) {
        if ('ddl' in action) db.exec(action.ddl); else foldSqlite(db, action.fold);
      }
      record.run(m.version, m.name, Date.now());
    }
  }).immediate();
}

/** Rows in batches by id (better-sqlite3 cannot write while a read is still being iterated). */
function foldSqlite(db: Database.Database, step: FoldStep): void {
  const read = db.prepare(`SELECT id, ${step.source} AS v FROM ${step.table} WHERE id > ? ORDER BY id LIMIT 5000`);
  const write = db.prepare(`UPDATE ${step.table} SET ${step.target} = ? WHERE id = ?`);
  let after: unknown = -1;
  for (;;) {
    const rows = read.all(after) as Array<{ id: unknown; v: unknown }>;
    if (rows.length === 0) return;
    for (const r of rows) if (typeof r.v === 'string') write.run(fold(r.v), r.id);
    after = rows[rows.length - 1]!.id;
  }
}
