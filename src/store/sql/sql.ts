// The statement plumbing every part of the SQL store shares: one driver and dialect, numbered
// parameters, single-row reads, inserts and the compare-and-set update. Table names passed in are
// constants of the calling part, never input.
import { Params, type Dialect } from './dialect.js';
import type { Row, SqlDriver, SqlValue, Statement, Step } from './driver.js';
import { nowMs } from '../../contract/ambient.js';
import { StoreConflict } from '../store.js';

export type Columns = Array<[column: string, value: SqlValue]>;

export class Sql {
  constructor(readonly driver: SqlDriver, readonly dialect: Dialect) {}

  params(): Params {
    return new Params(this.dialect);
  }

  all(sql: string, params: readonly SqlValue[]): Promise<Row[]> {
    return this.driver.all(sql, params);
  }

  run(sql: string, params: readonly SqlValue[]): Promise<number> {
    return this.driver.run(sql, params);
  }

  transaction(steps: readonly Step[]): Promise<Row[][] | null> {
    return this.driver.transaction(steps);
  }

  async one(sql: string, params: readonly SqlValue[]): Promise<Row | null> {
    return (await this.driver.all(sql, params))[0] ?? null;
  }

  insertStatement(table: string, columns: Columns): Statement {
    return { sql: this.insertText(table, columns.map(([c]) => c)), params: columns.map(([, v]) => v) };
  }

  /**
   * The INSERT … RETURNING * text of these columns, their values bound in the same order. Built
   * once for a fixed list of columns (accounts' group commit), the statement is then found in the
   * driver's cache by the same string object, without building or hashing a new text per row.
   * `ifNew` skips a row a unique index refuses (ON CONFLICT DO NOTHING: no row back).
   */
  insertText(table: string, names: readonly string[], options: { ifNew?: boolean } = {}): string {
    const values = names.map((_, i) => this.dialect.placeholder(i + 1)).join(', ');
    return `INSERT INTO ${table} (${names.join(', ')}) VALUES (${values})${options.ifNew ? ' ON CONFLICT DO NOTHING' : ''} RETURNING *`;
  }

  async insert(table: string, columns: Columns): Promise<Row> {
    const { sql, params } = this.insertStatement(table, columns);
    const row = await this.one(sql, params);
    if (row === null) throw new Error(`store: insert into ${table} returned no row`);
    return row;
  }

  byId(table: string, id: bigint): Promise<Row | null> {
    const p = this.params();
    return this.one(`SELECT * FROM ${table} WHERE id = ${p.add(id)}`, p.values);
  }

  async byIds(table: string, ids: readonly bigint[]): Promise<Row[]> {
    if (ids.length === 0) return [];
    const p = this.params();
    return this.driver.all(`SELECT * FROM ${table} WHERE ${p.inBigints('id', ids)} ORDER BY id`, p.values);
  }

  /**
   * Compare-and-set on `version`. last_modified_time moves to now, and at least 1 ms past its old
   * value, so it visibly changes even when two writes fall in the same millisecond. A guard when
   * run in a transaction.
   */
  updateStatement(
    table: string, id: bigint, expectedVersion: bigint, columns: Columns, extraCondition?: (p: Params) => string,
  ): Statement {
    const p = this.params();
    const sets = columns.map(([c, v]) => `${c} = ${p.add(v)}`);
    sets.push('version = version + 1');
    sets.push(`last_modified_time = ${this.dialect.greatest(p.add(nowMs()), 'last_modified_time + 1')}`);
    let where = `id = ${p.add(id)} AND version = ${p.add(expectedVersion)}`;
    if (extraCondition) where += ` AND ${extraCondition(p)}`;
    return { sql: `UPDATE ${table} SET ${sets.join(', ')} WHERE ${where} RETURNING *`, params: p.values, guard: true };
  }

  update(table: string, id: bigint, expectedVersion: bigint, columns: Columns): Promise<Row | null> {
    const { sql, params } = this.updateStatement(table, id, expectedVersion, columns);
    return this.one(sql, params);
  }
}

/** Audit columns the store owns on insert of a versioned row. */
export function created(now: number): Columns {
  return [['version', 1n], ['created_time', now], ['last_modified_time', now]];
}

/**
 * Whether a write of several rows failed because of one of its rows rather than the database: a
 * constraint of the data (unique, foreign key, not null, check: SQLite's SQLITE_CONSTRAINT_*
 * codes, PostgreSQL's SQLSTATE class 23), or on PostgreSQL a deadlock with another transaction
 * writing the same keys in another order (40P01), which rows written one at a time cannot meet.
 * Other failures (a busy database, a lost connection) would fail each row alike.
 */
export function isRowFailure(err: unknown): boolean {
  if (err instanceof StoreConflict) return true;
  const code = typeof err === 'object' && err !== null && 'code' in err ? err.code : undefined;
  return typeof code === 'string' && (code.startsWith('SQLITE_CONSTRAINT') || /^23[0-9A-Z]{3}$/.test(code) || code === '40P01');
}

/** The one case fold used for names, numbers, user names and recipients (JS, not the database's LOWER()). */
export function fold(s: string): string {
  return s.toLowerCase();
}

/** fold, keeping a null (an absent text has no folded copy either). */
export function foldOrNull(s: string | null): string | null {
  return s === null ? null : fold(s);
}
