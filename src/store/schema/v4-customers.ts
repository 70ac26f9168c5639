// Migration 4: what the customer operations keep beside the customer row — the external id a
// customer is mapped to (MapCustomerIdToExternalCustomerId) and the operator-designated internal
// account managers, the only users who may DeleteCustomer.
import { bigint, createTable, nullable, ref, text, timestamp, type Migration } from './model.js';

export const v4Customers: Migration = {
  version: 4,
  name: 'external customer ids; internal account managers',
  steps: [
    createTable({
      name: 'customer_external_ids',
      columns: [
        bigint('customer_id', ref('customers')), text('external_customer_id'), timestamp('last_modified_time'),
        bigint('last_modified_by_user_id', nullable),
      ],
      primaryKey: { columns: ['customer_id'] },
    }),
    createTable({
      name: 'account_managers',
      columns: [bigint('user_id', ref('users')), timestamp('granted_time')],
      primaryKey: { columns: ['user_id'] },
    }),
  ],
};
