// Conversions between SQL cell values and record fields, shared by both backends. SQLite (with
// safe integers) returns every INTEGER as bigint and booleans as 0n/1n; PostgreSQL (with our int8
// parser) returns BIGINT as bigint, INTEGER as number and BOOLEAN as boolean. These helpers accept
// either, so the row mappers are identical for both backends.
import { checkedEnum, type EnumName, type EnumValue } from '../enums.js';
import type { Row } from './driver.js';

function fail(column: string, value: unknown, expected: string): never {
  throw new TypeError(`store: column ${column} holds ${typeof value}, expected ${expected}`);
}

export function big(row: Row, column: string): bigint {
  const v = row[column];
  if (typeof v === 'bigint') return v;
  // Never a JS number for ids: a number here would mean precision may already be lost.
  if (typeof v === 'string' && /^-?\d+$/.test(v)) return BigInt(v);
  return fail(column, v, 'bigint');
}

export function bigOrNull(row: Row, column: string): bigint | null {
  return row[column] === null ? null : big(row, column);
}

export function int(row: Row, column: string): number {
  const v = row[column];
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  return fail(column, v, 'integer');
}

export function intOrNull(row: Row, column: string): number | null {
  return row[column] === null ? null : int(row, column);
}

export function str(row: Row, column: string): string {
  const v = row[column];
  return typeof v === 'string' ? v : fail(column, v, 'string');
}

export function strOrNull(row: Row, column: string): string | null {
  return row[column] === null ? null : str(row, column);
}

/** A text column holding a value of the contract enum `name`. */
export function enumCol<N extends EnumName>(row: Row, column: string, name: N): EnumValue<N> {
  return checkedEnum(name, str(row, column), `column ${column}`);
}

export function enumColOrNull<N extends EnumName>(row: Row, column: string, name: N): EnumValue<N> | null {
  return row[column] === null ? null : enumCol(row, column, name);
}

export function bool(row: Row, column: string): boolean {
  const v = row[column];
  if (typeof v === 'boolean') return v;
  if (v === 0n || v === 0) return false;
  if (v === 1n || v === 1) return true;
  return fail(column, v, 'boolean');
}

export function boolOrNull(row: Row, column: string): boolean | null {
  return row[column] === null ? null : bool(row, column);
}

/** Timestamps are kept as epoch milliseconds in a 64-bit integer column on both backends. */
export function date(row: Row, column: string): Date {
  return new Date(Number(big(row, column)));
}

export function dateOrNull(row: Row, column: string): Date | null {
  return row[column] === null ? null : date(row, column);
}

export function ms(d: Date): number {
  const t = d.getTime();
  if (!Number.isFinite(t)) throw new RangeError('store: invalid Date');
  return t;
}

export function msOrNull(d: Date | null): number | null {
  return d === null ? null : ms(d);
}
