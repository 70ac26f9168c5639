// Migration 10: searches are index range scans (docs/architecture.md, "Searches are index range
// scans"). One index per order a customer's accounts are listed in — id, folded name, folded
// number, life-cycle status — each ending in id, so ties are broken by id inside the index and a
// page is read in order and stops at its limit, never sorting the whole customer. Text is in byte
// (code point) order on both backends. The links of a client entity by manager serve the
// "newest link of the pair" test the reach join makes for every link it follows.
import { createIndex, type Migration } from './model.js';

export const v10SearchIndexes: Migration = {
  version: 10,
  name: 'index-ordered searches',
  steps: [
    createIndex({ name: 'accounts_customer_id', table: 'accounts', columns: ['customer_id', 'id'] }),
    createIndex({
      name: 'accounts_customer_name', table: 'accounts', columns: ['customer_id', 'name_folded', 'id'], byteOrder: ['name_folded'],
    }),
    createIndex({
      name: 'accounts_customer_number', table: 'accounts', columns: ['customer_id', 'number_folded', 'id'], byteOrder: ['number_folded'],
    }),
    createIndex({
      name: 'accounts_customer_status_id', table: 'accounts', columns: ['customer_id', 'life_cycle_status', 'id'],
      byteOrder: ['life_cycle_status'],
    }),
    createIndex({
      name: 'client_links_pair', table: 'client_links', columns: ['managing_customer_id', 'type', 'client_entity_id', 'id'],
    }),
  ],
};
