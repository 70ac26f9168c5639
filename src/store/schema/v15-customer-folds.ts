// Migration 15: customers get the folded copies of their name and number that accounts have had
// from the start, so GetCustomersInfo, SearchCustomers and FindAccountsOrCustomersInfo filter and
// order customers in SQL, case-insensitively for any letter (sql.ts `fold`; SQLite's LOWER and
// LIKE fold only ASCII). Existing rows are filled by the runner in TypeScript. No ordered index:
// these searches are driven by the caller's reach (customers read by primary key), and an index in
// name order would tempt SQLite to walk every customer of the store for one page instead.
// Client links get the folded copy of their name, the order SearchClientLinks' Name asks for.
import { addColumn, foldColumn, nullable, text, type Migration } from './model.js';

export const v15CustomerFolds: Migration = {
  version: 15,
  name: 'folded customer names and numbers, folded client link names',
  steps: [
    // SQLite adds a NOT NULL column only with a default; every write sets it.
    addColumn('customers', text('name_folded', { default: '' })),
    addColumn('customers', text('number_folded', { default: '' })),
    foldColumn('customers', 'name', 'name_folded'),
    foldColumn('customers', 'number', 'number_folded'),
    // A link's name may be null (its folded copy too); it is never changed after the insert.
    addColumn('client_links', text('name_folded', nullable)),
    foldColumn('client_links', 'name', 'name_folded'),
  ],
};
