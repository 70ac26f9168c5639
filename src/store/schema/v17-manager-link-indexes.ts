// Migration 17: the orders SearchClientLinks reads one manager's links in, so a page of an agency's
// links is an index walk that stops at the page instead of a sort of every link it manages
// (manager-links-query.ts). By folded name (code point order, as the search compares), then id;
// and the links that are not aggregatee by id (the Number order: one manager, one number, so the
// tie-breaker decides). The Id order walks client_links_pair (manager, type, client entity, id)
// once per type.
import { createIndex, type Migration } from './model.js';

export const v17ManagerLinkIndexes: Migration = {
  version: 17,
  name: "a manager's client links by folded name and by id",
  steps: [
    createIndex({
      name: 'client_links_manager_name', table: 'client_links', columns: ['managing_customer_id', 'name_folded', 'id'], byteOrder: ['name_folded'],
    }),
    // Not (manager, id): PostgreSQL would answer the newest-link probe, MAX(id) of one pair, by
    // walking that index backward through all of an agency's links until one is of the pair.
    createIndex({ name: 'client_links_manager_current', table: 'client_links', columns: ['managing_customer_id', 'aggregatee', 'id'] }),
  ],
};
