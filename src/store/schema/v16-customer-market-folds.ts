// Migration 16: customers get folded copies of their market country and language, so
// SearchCustomers' MarketCountry + MarketLanguage pair is one more equality in the store's
// statement (case-insensitive for any letter, sql.ts `fold`) with the page's limit inside, instead
// of every reached customer read and compared in TypeScript. Existing rows are filled by the
// runner in TypeScript; a customer without a market keeps null, which no predicate value equals.
// No index: the search is driven by the caller's reach (customers read by primary key), as v15's.
import { addColumn, foldColumn, nullable, text, type Migration } from './model.js';

export const v16CustomerMarketFolds: Migration = {
  version: 16,
  name: 'folded customer market country and language',
  steps: [
    addColumn('customers', text('market_country_folded', nullable)),
    addColumn('customers', text('market_language_folded', nullable)),
    foldColumn('customers', 'market_country', 'market_country_folded'),
    foldColumn('customers', 'market_language', 'market_language_folded'),
  ],
};
