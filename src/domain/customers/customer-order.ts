// The orders customers are listed in: by id, name or number, names and numbers compared
// case-insensitively (the same fold as the store's), ties broken by id so paging is stable.
import type { CustomerRecord } from '../../store/records.js';

export type CustomerOrderField = 'Id' | 'Name' | 'Number';

export function fold(s: string): string {
  return s.toLowerCase();
}

const compareIds = (a: CustomerRecord, b: CustomerRecord): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function byFoldedName(a: CustomerRecord, b: CustomerRecord): number {
  return compareText(fold(a.name), fold(b.name)) || compareIds(a, b);
}

export function customerOrder(field: CustomerOrderField, descending: boolean): (a: CustomerRecord, b: CustomerRecord) => number {
  const ascending = field === 'Id' ? compareIds
    : field === 'Name' ? byFoldedName
      : (a: CustomerRecord, b: CustomerRecord) => compareText(fold(a.number), fold(b.number)) || compareIds(a, b);
  return descending ? (a, b) => ascending(b, a) : ascending;
}
