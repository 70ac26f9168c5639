// Which unique violation is which StoreConflict, derived from the schema: every unique index and
// primary key that declares a `conflict`. The drivers look errors up here, by the name PostgreSQL
// reports or by the "table.column, …" list SQLite reports.
import type { ConflictKind } from '../store.js';
import { primaryKeyName } from './ddl.js';
import { MIGRATIONS } from './migrations.js';

interface UniqueKey {
  /** The index (or PostgreSQL primary key constraint) name. */
  name: string;
  table: string;
  columns: readonly string[];
  conflict: ConflictKind;
}

function uniqueKeys(): UniqueKey[] {
  const keys: UniqueKey[] = [];
  for (const step of MIGRATIONS.flatMap((m) => m.steps)) {
    if (step.kind === 'createIndex') {
      const { name, table, columns, unique } = step.index;
      if (unique?.conflict !== undefined) keys.push({ name, table, columns, conflict: unique.conflict });
    }
    if (step.kind === 'createTable') {
      const { name, primaryKey } = step.table;
      const conflict = primaryKey?.conflict;
      if (primaryKey !== undefined && conflict !== undefined) {
        keys.push({ name: primaryKeyName(name), table: name, columns: primaryKey.columns, conflict });
      }
    }
  }
  return keys;
}

const KEYS = uniqueKeys();
const BY_NAME = new Map(KEYS.map((k) => [k.name, k.conflict]));
const BY_COLUMNS = new Map(KEYS.map((k) => [k.columns.map((c) => `${k.table}.${c}`).join(', '), k.conflict]));

/** PostgreSQL: the violated constraint's name. */
export function conflictByName(constraint: string): ConflictKind | undefined {
  return BY_NAME.get(constraint);
}

/** SQLite: the "t.a, t.b" list of "UNIQUE constraint failed: t.a, t.b". */
export function conflictByColumns(columns: string): ConflictKind | undefined {
  return BY_COLUMNS.get(columns);
}
