// Migration 9: web sign-in sessions kept server-side, so signing out (or the operator) ends a
// session at once: the signed cookie only names a session, whose row must still be live.
import { bigint, createIndex, createTable, nullable, ref, text, timestamp, type Migration } from './model.js';

export const v9Sessions: Migration = {
  version: 9,
  name: 'web sessions',
  steps: [
    createTable({
      name: 'web_sessions',
      // session_hash: SHA-256 of the random session id the cookie carries (a leaked table forges no cookie).
      columns: [
        text('session_hash'), bigint('user_id', ref('users')), text('csrf'), timestamp('created_time'), timestamp('expires_at'),
        timestamp('revoked_time', nullable),
      ],
      primaryKey: { columns: ['session_hash'], conflict: 'token' },
    }),
    createIndex({ name: 'web_sessions_user', table: 'web_sessions', columns: ['user_id'] }),
  ],
};
