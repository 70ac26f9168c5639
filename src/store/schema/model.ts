// The vocabulary the store's schema is written in: logical column types, tables, indexes and the
// ordered migrations made of them. Dialect-free data; ddl.ts renders it for SQLite and PostgreSQL,
// conflicts.ts derives the unique-violation mapping from it.
import type { ConflictKind } from '../store.js';

/**
 * Logical column types. `id` is the table's 64-bit generated primary key; `timestamp` is epoch
 * milliseconds in a 64-bit integer (so both backends round-trip identical values); `json` is JSON
 * text the row mappers encode and decode.
 */
export type ColumnType = 'id' | 'bigint' | 'int' | 'text' | 'boolean' | 'timestamp' | 'json';

export interface Column {
  readonly name: string;
  readonly type: ColumnType;
  /** Columns are NOT NULL unless declared nullable. */
  readonly nullable?: true;
  /** `table (column)` the value must exist in (a foreign key). */
  readonly references?: { readonly table: string; readonly column: string };
  readonly default?: string | number | boolean;
}

export interface Table {
  readonly name: string;
  readonly columns: readonly Column[];
  /**
   * The primary key when it is not an `id` column. `conflict` names what a duplicate is reported
   * as (StoreConflict), e.g. a colliding token hash.
   */
  readonly primaryKey?: { readonly columns: readonly string[]; readonly conflict?: ConflictKind };
  /** The first generated id of an `id` table (each entity's ids start at their own 9-digit base). */
  readonly firstId?: number;
}

export interface Index {
  readonly name: string;
  readonly table: string;
  readonly columns: readonly string[];
  /** A unique index; `conflict` is what a violation is reported as (none: the raw error passes). */
  readonly unique?: { readonly conflict?: ConflictKind };
  /** The first column serves LIKE 'prefix%' (PostgreSQL: text_pattern_ops, whatever the collation). */
  readonly prefixSearch?: true;
  /**
   * Text columns the index orders by bytes, i.e. by code point (PostgreSQL COLLATE "C", whatever the
   * database's collation; SQLite's BINARY already is). A query's ORDER BY and range conditions on
   * them use the same collation (Dialect.orderText), so the index serves both.
   */
  readonly byteOrder?: readonly string[];
}

export type MigrationStep =
  | { readonly kind: 'createTable'; readonly table: Table }
  | { readonly kind: 'addColumn'; readonly table: string; readonly column: Column }
  | { readonly kind: 'createIndex'; readonly index: Index }
  /**
   * A new primary key for an existing table, rows kept. `table` is the table's whole definition
   * with the new key (SQLite cannot alter a key, so it rebuilds the table from it) and `indexes`
   * are the table's indexes, which SQLite's rebuild must create again.
   */
  | { readonly kind: 'replacePrimaryKey'; readonly table: Table; readonly indexes: readonly Index[] }
  /** A row written once (a counter's single row). */
  | { readonly kind: 'insertRow'; readonly table: string; readonly values: Readonly<Record<string, number | string>> }
  /**
   * A trigger that adds 1 to `counter.column` of the counter's row `id = 1` whenever a statement
   * changes `table` by one of `events`, in the same transaction as the change.
   */
  | { readonly kind: 'countChanges'; readonly table: string; readonly events: readonly ChangeEvent[]; readonly counter: { readonly table: string; readonly column: string } }
  /**
   * Fills `target` of every existing row with the store's case fold of `source` (sql.ts `fold`,
   * JavaScript's toLowerCase): a data step the migration runner carries out in TypeScript, since
   * neither database's LOWER() is that fold (SQLite's folds only ASCII). The table has an `id` key.
   */
  | { readonly kind: 'foldColumn'; readonly table: string; readonly source: string; readonly target: string };

export type ChangeEvent = 'INSERT' | 'UPDATE' | 'DELETE';

/** One recorded schema change. Never edit an applied one (its version's meaning is fixed); append. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly steps: readonly MigrationStep[];
}

// Small builders, so the schema files read like DDL.
export const createTable = (table: Table): MigrationStep => ({ kind: 'createTable', table });
export const addColumn = (table: string, column: Column): MigrationStep => ({ kind: 'addColumn', table, column });
export const createIndex = (index: Index): MigrationStep => ({ kind: 'createIndex', index });
export const insertRow = (table: string, values: Readonly<Record<string, number | string>>): MigrationStep => ({ kind: 'insertRow', table, values });
export const countChanges = (table: string, events: readonly ChangeEvent[], counter: { table: string; column: string }): MigrationStep =>
  ({ kind: 'countChanges', table, events, counter });

export const foldColumn = (table: string, source: string, target: string): MigrationStep => ({ kind: 'foldColumn', table, source, target });

type ColumnOptions = Omit<Column, 'name' | 'type'>;
const column = (type: ColumnType) => (name: string, opts: ColumnOptions = {}): Column => ({ name, type, ...opts });
export const id = (): Column => ({ name: 'id', type: 'id' });
export const bigint = column('bigint');
export const int = column('int');
export const text = column('text');
export const boolean = column('boolean');
export const timestamp = column('timestamp');
export const json = column('json');
export const nullable = { nullable: true } as const;
export function ref(table: string, col = 'id', opts: ColumnOptions = {}): ColumnOptions {
  return { ...opts, references: { table, column: col } };
}
