// What the SQL store needs from a database: bound values in, rows out, and a fixed list of
// statements run as one transaction. SQLite and PostgreSQL each implement SqlDriver.

/** A value bound to a statement parameter; each driver adapts it to its client library. */
export type SqlValue = string | number | bigint | boolean | null | readonly string[];

/** A result row, keyed by column name. */
export type Row = Readonly<Record<string, unknown>>;

/** One statement of a transaction. */
export interface Statement {
  sql: string;
  params: readonly SqlValue[];
  /** When this statement changes (or returns) no row, the whole transaction is rolled back. */
  guard?: boolean;
}

/** A statement, or one built from the rows the earlier statements of the transaction returned. */
export type Step = Statement | ((previous: readonly Row[][]) => Statement);

/** Runs statements. Implementations map unique violations to StoreConflict (see schema/conflicts). */
export interface SqlDriver {
  all(sql: string, params: readonly SqlValue[]): Promise<Row[]>;
  /** Returns the number of rows changed. */
  run(sql: string, params: readonly SqlValue[]): Promise<number>;
  /**
   * Runs the steps in order as one transaction and returns each statement's rows; null when a
   * guard statement changed no row (then nothing was changed). An error rolls everything back.
   */
  transaction(steps: readonly Step[]): Promise<Row[][] | null>;
  close(): Promise<void>;
}
