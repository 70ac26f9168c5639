// What differs between the SQL of the two backends, and a parameter collector that numbers
// placeholders for the dialect. Every value reaches the database as a bound parameter.
import type { SqlValue } from './driver.js';

export interface Dialect {
  /** The n-th (1-based) parameter: `?` or `$n`. */
  placeholder(n: number): string;
  /** `column` is one of the ids in the list parameter `ph` (any length, one parameter). */
  inBigints(column: string, ph: string): string;
  inTexts(column: string, ph: string): string;
  /** Encodes a list for inBigints/inTexts (SQLite: JSON text; PostgreSQL: an array). */
  list(values: readonly (bigint | string)[]): SqlValue;
  /** Scalar maximum of two values: SQLite MAX(a, b), PostgreSQL GREATEST(a, b). */
  greatest(a: string, b: string): string;
  /** A text column in ORDER BY, compared by code point on both backends. */
  orderText(column: string): string;
  /** LIMIT/OFFSET clause from placeholders (null = absent). */
  limitOffset(limit: string | null, offset: string | null): string;
  /** The rows (column `v`) of a bigint list parameter (see list), as a FROM item. */
  bigintRows(ph: string): string;
  /** A JSON id-list column (json.ts encodeIdList) as rows: the FROM item and the bigint value. */
  jsonIds(column: string): { from: string; value: string };
  /**
   * `column` is one of the values the subquery returns, looked up value by value through the
   * column's index (PostgreSQL: = ANY(ARRAY(…)), which its planner never turns into a hash join
   * over the whole table).
   */
  inSubquery(column: string, subquery: string): string;
  /** Names the index a table must be read through (SQLite INDEXED BY; PostgreSQL plans alone). */
  indexedBy(index: string): string;
  /** A table read only by its primary key (SQLite NOT INDEXED: rowid lookups, no other index). */
  byPrimaryKey(): string;
  /**
   * Whether each customer's page of a search is a LATERAL subquery with its own ORDER BY … LIMIT
   * (PostgreSQL), or a join in the index's order whose LIMIT SQLite applies by skipping to the
   * next customer once its sorter is full (SQLite, which has no LATERAL).
   */
  readonly lateral: boolean;
  /** Refreshes planner statistics after a bulk load, or null when the dialect does not need it. */
  readonly analyze: string | null;
  /**
   * Whether a search's candidates carry their rows (PostgreSQL: its index scans fetch each row
   * anyway, and a second read of the page by primary key costs more than it saves) or only their
   * ids, from a covering index, the page's rows then read by primary key (SQLite: a row costs
   * microseconds to build, so only the page's are).
   */
  readonly candidateRows: boolean;
}

/** A page's LIMIT or OFFSET as given to a store search: absent (null), or a non-negative integer. */
export function pageBound(n: number | undefined, what: string): number | null {
  if (n === undefined) return null;
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`store: ${what} must be a non-negative integer`);
  return n;
}

export class Params {
  readonly values: SqlValue[] = [];
  constructor(private readonly dialect: Dialect) {}

  /** Binds a value, returning its placeholder. */
  add(value: SqlValue): string {
    this.values.push(value);
    return this.dialect.placeholder(this.values.length);
  }

  inBigints(column: string, ids: readonly bigint[]): string {
    return this.dialect.inBigints(column, this.add(this.dialect.list(ids)));
  }

  inTexts(column: string, values: readonly string[]): string {
    return this.dialect.inTexts(column, this.add(this.dialect.list(values)));
  }
}

export const sqliteDialect: Dialect = {
  placeholder: () => '?',
  inBigints: (column, ph) => `${column} IN (SELECT value FROM json_each(${ph}))`,
  inTexts: (column, ph) => `${column} IN (SELECT value FROM json_each(${ph}))`,
  // JSON text; bigints are written as bare integers, which SQLite's JSON reads as exact 64-bit ints.
  list: (values) => `[${values.map((v) => (typeof v === 'bigint' ? v.toString() : JSON.stringify(v))).join(',')}]`,
  greatest: (a, b) => `MAX(${a}, ${b})`,
  orderText: (column) => column, // BINARY collation: UTF-8 bytes, i.e. code point order
  // A bare `LIMIT ?` is read when the statement is prepared (SQLite 3.4x plans with its value),
  // which makes SQLite prepare the statement again every time that parameter is bound: each run
  // parses and plans anew (≈ 0.1–0.3 ms for a search). A CAST is an expression, evaluated per run.
  limitOffset: (limit, offset) =>
    limit === null && offset === null ? ''
      : ` LIMIT ${limit === null ? '-1' : `CAST(${limit} AS INTEGER)`}${offset === null ? '' : ` OFFSET CAST(${offset} AS INTEGER)`}`,
  bigintRows: (ph) => `(SELECT value AS v FROM json_each(${ph}))`,
  jsonIds: (column) => ({ from: `json_each(${column}) j`, value: 'CAST(j.value AS INTEGER)' }),
  // The planner's statistics may favour reading a huge customer in rowid order; the search names
  // the index whose order it needs, so its cost stays that of one page (and a missing index fails).
  inSubquery: (column, subquery) => `${column} IN (${subquery})`,
  indexedBy: (index) => ` INDEXED BY ${index}`,
  byPrimaryKey: () => ' NOT INDEXED',
  lateral: false,
  analyze: null,
  candidateRows: false,
};

export const postgresDialect: Dialect = {
  placeholder: (n) => `$${n}`,
  inBigints: (column, ph) => `${column} = ANY(${ph}::bigint[])`,
  inTexts: (column, ph) => `${column} = ANY(${ph}::text[])`,
  list: (values) => values.map((v) => v.toString()),
  greatest: (a, b) => `GREATEST(${a}, ${b})`,
  // "C" compares bytes, matching SQLite's BINARY whatever the database's default collation is.
  orderText: (column) => `${column} COLLATE "C"`,
  limitOffset: (limit, offset) => `${limit === null ? '' : ` LIMIT ${limit}`}${offset === null ? '' : ` OFFSET ${offset}`}`,
  bigintRows: (ph) => `(SELECT unnest(${ph}::bigint[]) AS v)`,
  jsonIds: (column) => ({ from: `jsonb_array_elements_text(${column}::jsonb) AS j(v)`, value: 'j.v::bigint' }),
  inSubquery: (column, subquery) => `${column} = ANY(ARRAY(${subquery}))`,
  indexedBy: () => '',
  byPrimaryKey: () => '',
  lateral: true,
  // Autovacuum analyses a freshly loaded table only after a while; until then plans are guesses.
  analyze: 'ANALYZE customers, payment_methods, users, user_roles, accounts, client_links',
  candidateRows: true,
};
