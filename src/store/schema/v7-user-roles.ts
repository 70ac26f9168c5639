// Migration 7: several roles per user and customer. "An Aggregator has two role identifiers in
// Microsoft Advertising i.e., 41 and 33" (guides/account-hierarchy-permissions.md), returned as two
// CustomerRole objects for the same CustomerId, so the role id joins user_roles' primary key.
import { bigint, int, json, nullable, ref, type Migration } from './model.js';

export const v7UserRoles: Migration = {
  version: 7,
  name: 'several roles per user and customer',
  steps: [{
    kind: 'replacePrimaryKey',
    table: {
      name: 'user_roles',
      columns: [
        bigint('user_id', ref('users')), bigint('customer_id', ref('customers')), int('role_id'),
        json('account_ids', nullable),
      ],
      primaryKey: { columns: ['user_id', 'customer_id', 'role_id'] },
    },
    indexes: [{ name: 'user_roles_customer', table: 'user_roles', columns: ['customer_id'] }],
  }],
};
