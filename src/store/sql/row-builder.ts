// Row objects built in JS from rows read as arrays. Both client libraries build a row object key
// by key (better-sqlite3 in C++, pg with keyed stores on a copied object), about twice the cost of
// one object literal of the statement's columns (measured on a 28-column account row). The literal
// also gives every row of a statement the same shape, which is faster to read afterwards.
import type { Row } from './driver.js';

/** Raw row (values in column order) in, Row out. */
export type RowBuilder = (values: readonly unknown[]) => Row;

/**
 * A builder for rows of these columns. Keys are JSON string literals, so a column name can only
 * ever be a key; a repeated name keeps its last value, as both client libraries do.
 */
export function rowBuilder(columns: readonly string[]): RowBuilder {
  const fields = columns.map((name, i) => `${JSON.stringify(name)}: v[${i}]`).join(', ');
  return new Function('v', `return { ${fields} };`) as RowBuilder;
}

/** A statement's builder, remade when its columns change (a `SELECT *` after a migration). */
export class RowShape {
  private columns: readonly string[] = [];
  private build: RowBuilder = rowBuilder([]);

  rows(columns: readonly string[], raw: readonly (readonly unknown[])[]): Row[] {
    if (!sameColumns(this.columns, columns)) {
      this.columns = [...columns];
      this.build = rowBuilder(columns);
    }
    const build = this.build;
    const rows = new Array<Row>(raw.length);
    for (let i = 0; i < raw.length; i++) rows[i] = build(raw[i]!);
    return rows;
  }
}

function sameColumns(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
