// Migration 6: the external account ids a client maps to an account (MapAccountIdToExternalAccountIds),
// kept as one JSON list beside the account: they are replaced as a whole and only read by account.
import { addColumn, json, nullable, type Migration } from './model.js';

export const v6Accounts: Migration = {
  version: 6,
  name: 'external account ids',
  steps: [
    addColumn('accounts', json('external_account_ids', nullable)),
  ],
};
