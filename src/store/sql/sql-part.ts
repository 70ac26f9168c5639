// Shared plumbing for the store's later tables (outbox, OAuth): each concern is its own small
// class over the same driver and dialect, and SqlStore delegates to it. Table names passed here
// are constants of the calling module, never input.
import type { Dialect } from './dialect.js';
import { Params } from './dialect.js';
import type { Columns } from './rows.js';
import type { SqlDriver, Statement } from './sql-store.js';
import type { Row, SqlValue } from './values.js';

export abstract class SqlPart {
  constructor(protected readonly driver: SqlDriver, protected readonly dialect: Dialect) {}

  protected params(): Params {
    return new Params(this.dialect);
  }

  protected async one(sql: string, params: readonly SqlValue[]): Promise<Row | null> {
    return (await this.driver.all(sql, params))[0] ?? null;
  }

  protected insertStatement(table: string, columns: Columns): Statement {
    const p = this.params();
    const names = columns.map(([c]) => c).join(', ');
    const values = columns.map(([, v]) => p.add(v)).join(', ');
    return { sql: `INSERT INTO ${table} (${names}) VALUES (${values}) RETURNING *`, params: p.values };
  }

  protected async insert(table: string, columns: Columns): Promise<Row> {
    const { sql, params } = this.insertStatement(table, columns);
    const row = await this.one(sql, params);
    if (row === null) throw new Error(`store: insert into ${table} returned no row`);
    return row;
  }
}
