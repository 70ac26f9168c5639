// Migration 8: pilot features (the operator's catalogue and per-customer / per-account grants),
// notifications (the operator's messages and each user's dismissals) and the prepay mark of
// accounts created with AddPrepayAccount.
import {
  bigint, boolean, createIndex, createTable, id, int, json, nullable, ref, text, timestamp, type Migration,
} from './model.js';

export const v8PilotsNotifications: Migration = {
  version: 8,
  name: 'pilot features and grants; operator notifications and dismissals; prepay accounts',
  steps: [
    // A catalogue entry overrides the built-in one with the same id (src/domain/pilot-features).
    createTable({
      name: 'pilot_features',
      columns: [int('feature_id'), text('name'), text('level'), json('countries'), boolean('default_on')],
      primaryKey: { columns: ['feature_id'] },
    }),
    // One row per (customer or account, feature): enabled = granted, false = switched off.
    createTable({
      name: 'pilot_feature_grants',
      columns: [text('scope'), bigint('entity_id'), int('feature_id'), boolean('enabled'), timestamp('changed_time')],
      primaryKey: { columns: ['scope', 'entity_id', 'feature_id'] },
    }),
    createTable({
      name: 'operator_notifications', firstId: 960000001,
      columns: [
        id(), bigint('customer_id', nullable), bigint('user_id', nullable), int('severity'), text('title'),
        text('message'), timestamp('created_time'), timestamp('expires_time', nullable),
      ],
    }),
    createIndex({ name: 'operator_notifications_user', table: 'operator_notifications', columns: ['user_id'] }),
    createIndex({ name: 'operator_notifications_customer', table: 'operator_notifications', columns: ['customer_id'] }),
    createTable({
      name: 'notification_dismissals',
      columns: [bigint('user_id', ref('users')), int('type_id'), bigint('notification_id'), timestamp('dismissed_time')],
      primaryKey: { columns: ['user_id', 'type_id', 'notification_id'] },
    }),
    createTable({
      name: 'prepay_accounts',
      columns: [bigint('account_id', ref('accounts')), timestamp('created_time')],
      primaryKey: { columns: ['account_id'] },
    }),
  ],
};
