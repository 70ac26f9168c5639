// Migration 1: the original tables (customers, payment methods, accounts, users and roles, client
// links, developer and access tokens). Its meaning is fixed: stores created by it exist.
import {
  bigint, boolean, createIndex, createTable, id, int, json, nullable, ref, text, timestamp, type Column,
  type Migration,
} from './model.js';

/** Row version and audit columns of an entity the API edits (TimeStamp is the version). */
const audit: readonly Column[] = [
  bigint('version'), timestamp('created_time'), timestamp('last_modified_time'),
  bigint('last_modified_by_user_id', nullable),
];

export const v1Initial: Migration = {
  version: 1,
  name: 'initial schema',
  steps: [
    // `key` as first declared: SQLite lets a non-integer primary key hold NULL unless it says NOT
    // NULL (PostgreSQL never does). Kept, so version 1 means exactly what it meant.
    createTable({ name: 'meta', columns: [text('key', nullable), text('value')], primaryKey: { columns: ['key'] } }),

    createTable({
      name: 'customers', firstId: 100000001,
      columns: [
        id(), text('number'), text('name'), text('industry', nullable), text('market_country', nullable),
        text('market_language', nullable), text('financial_status', nullable), text('life_cycle_status'),
        text('service_level', nullable), json('address', nullable), boolean('is_agency'), ...audit,
      ],
    }),
    createIndex({ name: 'customers_number_uq', table: 'customers', columns: ['number'], unique: { conflict: 'customer_number' } }),

    createTable({
      name: 'payment_methods', firstId: 300000001,
      columns: [id(), bigint('customer_id', ref('customers')), text('type'), timestamp('created_time')],
    }),
    createIndex({ name: 'payment_methods_customer', table: 'payment_methods', columns: ['customer_id'] }),

    createTable({
      name: 'accounts', firstId: 140000001,
      columns: [
        id(), bigint('customer_id', ref('customers')), text('number'), text('number_folded'), text('name'),
        text('name_folded'), text('currency_code'), text('financial_status', nullable), text('language', nullable),
        text('life_cycle_status'), int('pause_reason', nullable), bigint('payment_method_id', nullable),
        bigint('bill_to_customer_id', nullable), bigint('primary_user_id', nullable), text('time_zone', nullable),
        text('auto_tag_type', nullable), bigint('sales_house_customer_id', nullable),
        bigint('back_up_payment_instrument_id', nullable), text('billing_threshold_amount', nullable),
        bigint('sold_to_payment_instrument_id', nullable), text('account_mode', nullable),
        json('business_address', nullable), json('tax_information', nullable), ...audit,
      ],
    }),
    createIndex({
      name: 'accounts_name_uq', table: 'accounts', columns: ['customer_id', 'name_folded'], unique: { conflict: 'account_name' },
    }),
    createIndex({ name: 'accounts_number_uq', table: 'accounts', columns: ['number'], unique: { conflict: 'account_number' } }),
    createIndex({ name: 'accounts_number_folded', table: 'accounts', columns: ['number_folded'], prefixSearch: true }),
    createIndex({ name: 'accounts_customer_status', table: 'accounts', columns: ['customer_id', 'life_cycle_status'] }),

    createTable({
      name: 'users', firstId: 200000001,
      columns: [
        id(), bigint('customer_id', ref('customers')), text('user_name'), text('user_name_folded'),
        text('first_name', nullable), text('last_name', nullable), text('middle_initial', nullable),
        text('job_title', nullable), text('lcid', nullable), json('contact_info', nullable), text('life_cycle_status'),
        text('password_hash', nullable), ...audit,
      ],
    }),
    createIndex({ name: 'users_name_uq', table: 'users', columns: ['user_name_folded'], unique: { conflict: 'user_name' } }),
    createIndex({ name: 'users_customer', table: 'users', columns: ['customer_id'] }),

    createTable({
      name: 'user_roles',
      columns: [
        bigint('user_id', ref('users')), bigint('customer_id', ref('customers')), int('role_id'),
        json('account_ids', nullable),
      ],
      primaryKey: { columns: ['user_id', 'customer_id'] },
    }),
    createIndex({ name: 'user_roles_customer', table: 'user_roles', columns: ['customer_id'] }),

    createTable({
      name: 'client_links', firstId: 400000001,
      columns: [
        id(), text('type'), bigint('client_entity_id'), bigint('managing_customer_id', ref('customers')), text('status'),
        text('name', nullable), text('note', nullable), boolean('is_bill_to_client', nullable),
        timestamp('start_date', nullable), text('inviter_email', nullable), text('inviter_name', nullable),
        text('inviter_phone', nullable), text('customer_link_permission', nullable), boolean('suppress_notification'),
        bigint('version'), timestamp('last_modified_time'), bigint('last_modified_by_user_id', nullable),
      ],
    }),
    createIndex({ name: 'client_links_manager', table: 'client_links', columns: ['managing_customer_id', 'status'] }),

    createTable({
      name: 'developer_tokens', firstId: 500000001,
      columns: [
        id(), bigint('user_id', ref('users')), text('token_hash'), text('hint'), timestamp('created_time'),
        timestamp('revoked_time', nullable),
      ],
    }),
    createIndex({ name: 'developer_tokens_hash_uq', table: 'developer_tokens', columns: ['token_hash'], unique: { conflict: 'token' } }),
    createIndex({ name: 'developer_tokens_user', table: 'developer_tokens', columns: ['user_id'] }),

    createTable({
      name: 'access_tokens',
      columns: [
        text('token_hash'), bigint('user_id', ref('users')), text('client_id'), text('scope'), timestamp('expires_at'),
        timestamp('created_time'), timestamp('revoked_time', nullable),
      ],
      primaryKey: { columns: ['token_hash'], conflict: 'token' },
    }),
    createIndex({ name: 'access_tokens_user', table: 'access_tokens', columns: ['user_id'] }),
  ],
};
