// Migration 15: customers get the folded copies of their name and number that accounts have had
// from the start, so GetCustomersInfo, SearchCustomers and FindAccountsOrCustomersInfo filter and
// order customers in SQL, case-insensitively for any letter (sql.ts `fold`; SQLite's LOWER and
// LIKE fold only ASCII). Existing rows are filled by the runner in TypeScript. No ordered index:
// these searches are driven by the caller's reach (customers read by primary key), and an index in
// name order would tempt SQLite to walk every customer of the store for one page instead.
import { addColumn, foldColumn, text, type Migration } from './model.js';

export const v15CustomerFolds: Migration = {
  version: 15,
  name: 'folded customer names and numbers',
  steps: [
    // SQLite adds a NOT NULL column only with a default; every write sets it.
    addColumn('customers', text('name_folded', { default: '' })),
    addColumn('customers', text('number_folded', { default: '' })),
    foldColumn('customers', 'name', 'name_folded'),
    foldColumn('customers', 'number', 'number_folded'),
  ],
};
