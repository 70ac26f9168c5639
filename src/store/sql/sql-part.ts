// Shared plumbing of every SQL class of the store (SqlStore itself, and the outbox and OAuth
// parts it delegates to): the same driver and dialect, parameters, single-row reads and inserts.
// Table names (T) are constants of the calling module, never input.
import type { Dialect } from './dialect.js';
import { Params } from './dialect.js';
import type { Columns } from './rows.js';
import type { SqlDriver, Statement } from './sql-store.js';
import type { Row, SqlValue } from './values.js';

export abstract class SqlPart<T extends string = string> {
  constructor(protected readonly driver: SqlDriver, protected readonly dialect: Dialect) {}

  protected params(): Params {
    return new Params(this.dialect);
  }

  protected async one(sql: string, params: readonly SqlValue[]): Promise<Row | null> {
    return (await this.driver.all(sql, params))[0] ?? null;
  }

  protected insertStatement(table: T, columns: Columns): Statement {
    const p = this.params();
    const names = columns.map(([c]) => c).join(', ');
    const values = columns.map(([, v]) => p.add(v)).join(', ');
    return { sql: `INSERT INTO ${table} (${names}) VALUES (${values}) RETURNING *`, params: p.values };
  }

  protected async insert(table: T, columns: Columns): Promise<Row> {
    const { sql, params } = this.insertStatement(table, columns);
    const row = await this.one(sql, params);
    if (row === null) throw new Error(`store: insert into ${table} returned no row`);
    return row;
  }
}
