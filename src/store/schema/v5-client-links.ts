// Migration 5: what the client-link life cycle needs. A link's creation time (LinkPending expires
// 30 days after it; rows of earlier versions fall back to their last-modified time), the
// aggregatee flag (SignupCustomer's link from the aggregator to the account it created, which no
// ClientLink operation shows or changes), and the lookup of the links on one client entity.
import { addColumn, boolean, createIndex, nullable, timestamp, type Migration } from './model.js';

export const v5ClientLinks: Migration = {
  version: 5,
  name: 'client links: created time, aggregatee flag, lookup by client entity',
  steps: [
    addColumn('client_links', timestamp('created_time', nullable)),
    addColumn('client_links', boolean('aggregatee', { default: false })),
    createIndex({ name: 'client_links_client', table: 'client_links', columns: ['client_entity_id', 'type'] }),
  ],
};
