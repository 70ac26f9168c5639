// The SQL driver on a pg Pool. int8 is parsed to bigint by this pool only (a per-pool `types`,
// leaving the global pg.types alone), bigint parameters go as decimal text.
import pg from 'pg';
import { conflictByName } from '../schema/conflicts.js';
import type { Row, SqlDriver, SqlValue, Step } from '../sql/driver.js';
import { RowShape } from '../sql/row-builder.js';
import { StoreConflict } from '../store.js';

const INT8_OID = 20;

const parseInt8 = (text: string): bigint => BigInt(text);

export const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID && format !== 'binary' ? parseInt8 : pg.types.getTypeParser(oid, format ?? 'text')
  ) as pg.CustomTypesConfig['getTypeParser'],
};

function mapError(err: unknown): unknown {
  if (!(err instanceof pg.DatabaseError) || err.code !== '23505' || err.constraint === undefined) return err;
  const what = conflictByName(err.constraint);
  return what === undefined ? err : new StoreConflict(what);
}

export function bind(v: SqlValue): string | number | boolean | null | readonly string[] {
  return typeof v === 'bigint' ? v.toString() : v;
}

/** Distinct statement texts prepared by name at most; later ones run unnamed (parsed each time). */
const NAMED_LIMIT = 500;

export class PostgresDriver implements SqlDriver {
  // Statement texts to the names they are prepared under: each pooled connection parses and plans
  // a named statement once and reuses it (pg keeps the per-connection list).
  private readonly names = new Map<string, string>();
  // Rows are read as arrays and built by a per-statement object literal (sql/row-builder).
  private readonly shapes = new Map<string, RowShape>();

  constructor(private readonly pool: pg.Pool) {}

  private query(sql: string, params: readonly SqlValue[]): pg.QueryArrayConfig {
    let name = this.names.get(sql);
    if (name === undefined && this.names.size < NAMED_LIMIT) {
      name = `s${this.names.size}`;
      this.names.set(sql, name);
    }
    const values = params.map(bind);
    return name === undefined ? { text: sql, values, rowMode: 'array' } : { name, text: sql, values, rowMode: 'array' };
  }

  private rows(sql: string, result: pg.QueryArrayResult): Row[] {
    let shape = this.shapes.get(sql);
    if (shape === undefined) {
      shape = new RowShape();
      if (this.shapes.size < NAMED_LIMIT) this.shapes.set(sql, shape);
    }
    return shape.rows(result.fields.map((f) => f.name), result.rows);
  }

  async all(sql: string, params: readonly SqlValue[]): Promise<Row[]> {
    try {
      return this.rows(sql, await this.pool.query(this.query(sql, params)));
    } catch (err) {
      throw mapError(err);
    }
  }

  async run(sql: string, params: readonly SqlValue[]): Promise<number> {
    try {
      return (await this.pool.query(this.query(sql, params))).rowCount ?? 0;
    } catch (err) {
      throw mapError(err);
    }
  }

  async transaction(steps: readonly Step[]): Promise<Row[][] | null> {
    // One pooled connection for the whole transaction; READ COMMITTED suffices because every
    // guard is a compare-and-set on a row it locks (a concurrent writer waits, then re-checks).
    const client = await this.pool.connect();
    let broken = false;
    try {
      await client.query('BEGIN');
      const results: Row[][] = [];
      for (const step of steps) {
        const s = typeof step === 'function' ? step(results) : step;
        const res = await client.query(this.query(s.sql, s.params));
        if (s.guard && (res.rowCount ?? 0) === 0) {
          await client.query('ROLLBACK');
          return null;
        }
        results.push(this.rows(s.sql, res));
      }
      await client.query('COMMIT');
      return results;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => { broken = true; });
      throw mapError(err);
    } finally {
      client.release(broken); // a connection whose transaction state is unknown is discarded
    }
  }

  async close(): Promise<void> {
    if (!this.pool.ended) await this.pool.end();
  }
}
