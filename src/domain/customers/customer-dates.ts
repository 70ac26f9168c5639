// Creation-date bounds of SearchCustomers: "Only the month, day, and year of the specified string
// are used for search" (CreatedDate predicates) and DateRange's "yyyyMMdd". Days are UTC.

/** The range of days the service supports (SQL Server's datetime range). */
const MIN_YEAR = 1753;
const MAX_YEAR = 9999;

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/;
const COMPACT_DAY = /^(\d{4})(\d{2})(\d{2})$/;

/** Start of the UTC day of a yyyy-MM-dd (time ignored) or yyyyMMdd value; null when not a real date. */
export function createdDay(value: string): Date | null {
  const m = ISO_DAY.exec(value) ?? COMPACT_DAY.exec(value);
  return m ? day(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

/** DateRange's form, yyyyMMdd only. */
export function compactDay(value: string): Date | null {
  const m = COMPACT_DAY.exec(value);
  return m ? day(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

export function dayAfter(d: Date): Date {
  return new Date(d.getTime() + 86_400_000);
}

/** Whether the day lies within the dates the service supports. */
export function supportedDay(d: Date): boolean {
  const year = d.getUTCFullYear();
  return year >= MIN_YEAR && year <= MAX_YEAR;
}

function day(year: number, month: number, date: number): Date | null {
  const d = new Date(Date.UTC(year, month - 1, date));
  // Date.UTC rolls 2025-02-30 over into March: a real date reads back unchanged.
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== date) return null;
  return d;
}
