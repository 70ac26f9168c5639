// Migration 12: "forgot password" links. The link e-mailed to the outbox carries a random token;
// only its SHA-256 is kept (a leaked table resets no password). A token is used once and expires.
import { bigint, createIndex, createTable, nullable, ref, text, timestamp, type Migration } from './model.js';

export const v12PasswordResets: Migration = {
  version: 12,
  name: 'password resets',
  steps: [
    createTable({
      name: 'password_resets',
      columns: [
        text('token_hash'), bigint('user_id', ref('users')), timestamp('created_time'), timestamp('expires_at'),
        timestamp('used_time', nullable),
      ],
      primaryKey: { columns: ['token_hash'], conflict: 'token' },
    }),
    createIndex({ name: 'password_resets_user', table: 'password_resets', columns: ['user_id'] }),
  ],
};
