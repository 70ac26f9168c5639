// Migration 3: the outbox; OAuth clients, authorization codes and refresh tokens; the grant an
// access token was issued under (so a replayed authorization code revokes its tokens).
import {
  addColumn, bigint, boolean, createIndex, createTable, id, json, nullable, ref, text, timestamp, type Migration,
} from './model.js';

export const v3OutboxOAuth: Migration = {
  version: 3,
  name: 'outbox; OAuth clients, authorization codes, refresh tokens; grants on access tokens',
  steps: [
    createTable({
      name: 'outbox_messages', firstId: 800000001,
      columns: [id(), text('recipient'), text('recipient_folded'), text('subject'), text('body'), timestamp('created_time')],
    }),
    createIndex({ name: 'outbox_messages_recipient', table: 'outbox_messages', columns: ['recipient_folded', 'id'] }),

    createTable({
      name: 'oauth_clients',
      columns: [
        text('client_id'), text('name'), json('redirect_uris'), boolean('confidential'), text('secret_hash', nullable),
        bigint('owner_user_id', ref('users')), timestamp('created_time'),
      ],
      primaryKey: { columns: ['client_id'], conflict: 'token' },
    }),
    createIndex({ name: 'oauth_clients_owner', table: 'oauth_clients', columns: ['owner_user_id'] }),

    createTable({
      name: 'oauth_codes',
      columns: [
        text('code_hash'), text('grant_id'), text('client_id', ref('oauth_clients', 'client_id')), bigint('user_id', ref('users')),
        text('redirect_uri'), text('scope'), text('code_challenge', nullable), text('code_challenge_method', nullable),
        timestamp('expires_at'), timestamp('created_time'), timestamp('used_time', nullable),
      ],
      primaryKey: { columns: ['code_hash'], conflict: 'token' },
    }),
    createIndex({ name: 'oauth_codes_user', table: 'oauth_codes', columns: ['user_id'] }),

    createTable({
      name: 'refresh_tokens',
      columns: [
        text('token_hash'), text('grant_id'), text('client_id', ref('oauth_clients', 'client_id')), bigint('user_id', ref('users')),
        text('scope'), timestamp('expires_at'), timestamp('created_time'), timestamp('revoked_time', nullable),
      ],
      primaryKey: { columns: ['token_hash'], conflict: 'token' },
    }),
    createIndex({ name: 'refresh_tokens_user', table: 'refresh_tokens', columns: ['user_id'] }),
    createIndex({ name: 'refresh_tokens_grant', table: 'refresh_tokens', columns: ['grant_id'] }),

    addColumn('access_tokens', text('grant_id', nullable)),
    createIndex({ name: 'access_tokens_grant', table: 'access_tokens', columns: ['grant_id'] }),
  ],
};
