// Migration 2: user invitations, and accounts by primary user (DeleteUser refuses a user who is the
// primary user of an account).
import { bigint, createIndex, createTable, id, int, json, nullable, ref, text, timestamp, type Migration } from './model.js';

export const v2Invitations: Migration = {
  version: 2,
  name: 'user invitations; accounts by primary user',
  steps: [
    createTable({
      name: 'user_invitations', firstId: 700000001,
      columns: [
        id(), bigint('customer_id', ref('customers')), text('first_name'), text('last_name'), text('email'),
        int('role_id'), json('account_ids', nullable), text('lcid'), timestamp('expiration_date'), text('secret_hash'),
        timestamp('created_time'), bigint('created_by_user_id'), timestamp('accepted_time', nullable),
        bigint('accepted_user_id', nullable),
      ],
    }),
    createIndex({ name: 'user_invitations_secret_uq', table: 'user_invitations', columns: ['secret_hash'], unique: { conflict: 'token' } }),
    createIndex({ name: 'user_invitations_customer', table: 'user_invitations', columns: ['customer_id', 'accepted_time'] }),
    createIndex({ name: 'accounts_primary_user', table: 'accounts', columns: ['primary_user_id'] }),
  ],
};
