// Reads a live schema back from the database (not from our description), in two forms: `exact`,
// as the dialect reports it (declared types, NOT NULL, defaults, identity), to compare two stores
// of the same dialect; and `normalised`, comparable across SQLite and PostgreSQL.
import Database from 'better-sqlite3';
import type pg from 'pg';

export interface LiveColumn {
  name: string;
  /** As declared (SQLite) or the data type (PostgreSQL), lower case. */
  type: string;
  notNull: boolean;
  default: string | null;
  /** PostgreSQL identity start; SQLite AUTOINCREMENT: null. */
  identity: string | null;
}

export interface LiveTable {
  columns: LiveColumn[];
  primaryKey: string[];
  /** "column -> table.column", sorted. */
  references: string[];
}

export interface LiveIndex {
  table: string;
  columns: string[];
  unique: boolean;
}

export interface LiveSchema {
  tables: Record<string, LiveTable>;
  /** Named indexes; primary keys are described on their table instead. */
  indexes: Record<string, LiveIndex>;
}

/** schema_migrations is the migration runner's own bookkeeping (its applied_at differs by design). */
const BOOKKEEPING = 'schema_migrations';

export function introspectSqlite(file: string): LiveSchema {
  const db = new Database(file, { readonly: true });
  try {
    const schema: LiveSchema = { tables: {}, indexes: {} };
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> ? ORDER BY name")
      .pluck().all(BOOKKEEPING) as string[];
    for (const t of tables) {
      const info = db.prepare(`PRAGMA table_info(${t})`).all() as Array<{ name: string; type: string; notnull: number; dflt_value: string | null; pk: number }>;
      const fks = db.prepare(`PRAGMA foreign_key_list(${t})`).all() as Array<{ table: string; from: string; to: string }>;
      schema.tables[t] = {
        columns: info.map((c) => ({ name: c.name, type: c.type.toLowerCase(), notNull: c.notnull === 1, default: c.dflt_value, identity: null })),
        primaryKey: info.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name),
        references: fks.map((f) => `${f.from} -> ${f.table}.${f.to}`).sort(),
      };
      const indexes = db.prepare(`PRAGMA index_list(${t})`).all() as Array<{ name: string; unique: number; origin: string }>;
      for (const i of indexes.filter((x) => x.origin !== 'pk')) {
        const cols = db.prepare(`PRAGMA index_info(${i.name})`).all() as Array<{ seqno: number; name: string }>;
        schema.indexes[i.name] = { table: t, columns: cols.sort((a, b) => a.seqno - b.seqno).map((c) => c.name), unique: i.unique === 1 };
      }
    }
    return schema;
  } finally {
    db.close();
  }
}

/** The first id AUTOINCREMENT hands out per table (sqlite_sequence + 1), to compare with PostgreSQL's identity starts. */
export function sqliteFirstIds(file: string): Record<string, string> {
  const db = new Database(file, { readonly: true });
  try {
    const rows = db.prepare('SELECT name, seq FROM sqlite_sequence ORDER BY name').safeIntegers(true).all() as Array<{ name: string; seq: bigint }>;
    return Object.fromEntries(rows.map((r) => [r.name, (r.seq + 1n).toString()]));
  } finally {
    db.close();
  }
}

export async function introspectPostgres(client: pg.ClientBase, schemaName: string): Promise<LiveSchema> {
  const schema: LiveSchema = { tables: {}, indexes: {} };
  const columns = await client.query<{ table_name: string; column_name: string; data_type: string; is_nullable: string; column_default: string | null; identity_start: string | null }>(
    `SELECT table_name, column_name, data_type, is_nullable, column_default, identity_start FROM information_schema.columns
     WHERE table_schema = $1 AND table_name <> $2 ORDER BY table_name, ordinal_position`, [schemaName, BOOKKEEPING]);
  for (const c of columns.rows) {
    const table = (schema.tables[c.table_name] ??= { columns: [], primaryKey: [], references: [] });
    table.columns.push({
      name: c.column_name, type: c.data_type.toLowerCase(), notNull: c.is_nullable === 'NO', default: c.column_default,
      identity: c.identity_start,
    });
  }
  const indexes = await client.query<{ name: string; table: string; unique: boolean; primary: boolean; columns: string[] }>(
    `SELECT i.relname AS name, t.relname AS table, ix.indisunique AS unique, ix.indisprimary AS primary,
       array(SELECT a.attname::text FROM unnest(ix.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
             JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.ord) AS columns
     FROM pg_index ix JOIN pg_class i ON i.oid = ix.indexrelid JOIN pg_class t ON t.oid = ix.indrelid
     JOIN pg_namespace n ON n.oid = t.relnamespace
     WHERE n.nspname = $1 AND t.relname <> $2 ORDER BY i.relname`, [schemaName, BOOKKEEPING]);
  for (const i of indexes.rows) {
    if (i.primary) schema.tables[i.table]!.primaryKey = i.columns;
    else schema.indexes[i.name] = { table: i.table, columns: i.columns, unique: i.unique };
  }
  const fks = await client.query<{ table: string; column: string; ref_table: string; ref_column: string }>(
    `SELECT cl.relname AS table, a.attname::text AS column, fcl.relname AS ref_table, fa.attname::text AS ref_column
     FROM pg_constraint c JOIN pg_class cl ON cl.oid = c.conrelid JOIN pg_namespace n ON n.oid = cl.relnamespace
     JOIN pg_class fcl ON fcl.oid = c.confrelid
     CROSS JOIN LATERAL unnest(c.conkey, c.confkey) AS k(col, fcol)
     JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.col
     JOIN pg_attribute fa ON fa.attrelid = c.confrelid AND fa.attnum = k.fcol
     WHERE c.contype = 'f' AND n.nspname = $1`, [schemaName]);
  for (const f of fks.rows) schema.tables[f.table]!.references.push(`${f.column} -> ${f.ref_table}.${f.ref_column}`);
  for (const t of Object.values(schema.tables)) t.references.sort();
  return schema;
}

/** PostgreSQL identity starts per table, in sqliteFirstIds' form. */
export function postgresFirstIds(schema: LiveSchema): Record<string, string> {
  const ids: Record<string, string> = {};
  for (const [name, t] of Object.entries(schema.tables).sort(([a], [b]) => a.localeCompare(b))) {
    const identity = t.columns.find((c) => c.identity !== null);
    if (identity !== undefined) ids[name] = identity.identity!;
  }
  return ids;
}

/**
 * The cross-dialect form: types by SQLite storage class (PostgreSQL BIGINT, INTEGER and BOOLEAN are
 * all SQLite INTEGER), primary-key columns NOT NULL (SQLite reports an INTEGER PRIMARY KEY as
 * nullable), defaults and identity left to the exact form.
 */
export function normalise(schema: LiveSchema): LiveSchema {
  const storage = (type: string): string => {
    if (['integer', 'bigint', 'boolean'].includes(type)) return 'integer';
    if (type === 'text') return 'text';
    throw new Error(`introspect: unexpected column type ${type}`);
  };
  const tables: Record<string, LiveTable> = {};
  for (const [name, t] of Object.entries(schema.tables).sort(([a], [b]) => a.localeCompare(b))) {
    tables[name] = {
      columns: t.columns.map((c) => ({
        name: c.name, type: storage(c.type), notNull: c.notNull || t.primaryKey.includes(c.name), default: null, identity: null,
      })),
      primaryKey: t.primaryKey,
      references: t.references,
    };
  }
  const indexes = Object.fromEntries(Object.entries(schema.indexes).sort(([a], [b]) => a.localeCompare(b)));
  return { tables, indexes };
}
