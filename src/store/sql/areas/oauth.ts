// The OAuth authorization server's tables. Single-use and rotation are compare-and-sets
// (`… AND used_time IS NULL`, `… AND revoked_time IS NULL`), so concurrent requests — on one
// instance or several sharing PostgreSQL — redeem a code or a refresh token at most once.
import type { OAuthStore } from '../../store.js';
import type { Statement } from '../driver.js';
import type { Sql } from '../sql.js';
import { ms } from '../values.js';
import {
  authorizationCodeColumns, authorizationCodeFromRow, oauthClientColumns, oauthClientFromRow, refreshTokenColumns,
  refreshTokenFromRow,
} from './oauth-rows.js';
import { nowMs } from '../../../contract/ambient.js';

/** Revokes live access and refresh tokens matching `column = value`; one statement per table. */
function revokeTokens(sql: Sql, column: 'grant_id' | 'user_id', value: string | bigint, at: Date): Statement[] {
  return (['access_tokens', 'refresh_tokens'] as const).map((table) => {
    const p = sql.params();
    return {
      sql: `UPDATE ${table} SET revoked_time = ${p.add(ms(at))} WHERE ${column} = ${p.add(value)} `
        + 'AND revoked_time IS NULL RETURNING token_hash',
      params: p.values,
    };
  });
}

/**
 * Statements that revoke every token of a user, burn their unused codes and end their web sessions
 * (also run by deleteUser): whatever let the user in stops working together.
 */
export function userRevocation(sql: Sql, userId: bigint, at: Date): Statement[] {
  const p = sql.params();
  const s = sql.params();
  return [
    ...revokeTokens(sql, 'user_id', userId, at),
    {
      sql: `UPDATE oauth_codes SET used_time = ${p.add(ms(at))} WHERE user_id = ${p.add(userId)} AND used_time IS NULL RETURNING code_hash`,
      params: p.values,
    },
    {
      sql: `UPDATE web_sessions SET revoked_time = ${s.add(ms(at))} WHERE user_id = ${s.add(userId)} AND revoked_time IS NULL `
        + 'RETURNING session_hash',
      params: s.values,
    },
  ];
}

export function oauthPart(sql: Sql): OAuthStore {
  return {
    async insertOAuthClient(client) {
      return oauthClientFromRow(await sql.insert('oauth_clients', oauthClientColumns(client, nowMs())));
    },

    async getOAuthClient(clientId) {
      const p = sql.params();
      const row = await sql.one(`SELECT * FROM oauth_clients WHERE client_id = ${p.add(clientId)}`, p.values);
      return row === null ? null : oauthClientFromRow(row);
    },

    async listOAuthClients(ownerUserId) {
      const p = sql.params();
      const text = `SELECT * FROM oauth_clients WHERE owner_user_id = ${p.add(ownerUserId)} ORDER BY created_time, client_id`;
      return (await sql.all(text, p.values)).map(oauthClientFromRow);
    },

    async insertAuthorizationCode(code) {
      return authorizationCodeFromRow(await sql.insert('oauth_codes', authorizationCodeColumns(code, nowMs())));
    },

    async findAuthorizationCode(codeHash) {
      const p = sql.params();
      const row = await sql.one(`SELECT * FROM oauth_codes WHERE code_hash = ${p.add(codeHash)}`, p.values);
      return row === null ? null : authorizationCodeFromRow(row);
    },

    async consumeAuthorizationCode(codeHash, at) {
      const p = sql.params();
      const text = `UPDATE oauth_codes SET used_time = ${p.add(ms(at))} WHERE code_hash = ${p.add(codeHash)} `
        + `AND used_time IS NULL AND expires_at > ${p.add(ms(at))} RETURNING *`;
      const row = await sql.one(text, p.values);
      return row === null ? null : authorizationCodeFromRow(row);
    },

    async insertRefreshToken(token) {
      return refreshTokenFromRow(await sql.insert('refresh_tokens', refreshTokenColumns(token, nowMs())));
    },

    async findRefreshToken(tokenHash) {
      const p = sql.params();
      const row = await sql.one(`SELECT * FROM refresh_tokens WHERE token_hash = ${p.add(tokenHash)}`, p.values);
      return row === null ? null : refreshTokenFromRow(row);
    },

    async rotateRefreshToken(tokenHash, at, next) {
      const p = sql.params();
      const revoke: Statement = {
        sql: `UPDATE refresh_tokens SET revoked_time = ${p.add(ms(at))} WHERE token_hash = ${p.add(tokenHash)} `
          + `AND revoked_time IS NULL AND expires_at > ${p.add(ms(at))} RETURNING token_hash`,
        params: p.values,
        guard: true,
      };
      const rows = await sql.transaction([revoke, sql.insertStatement('refresh_tokens', refreshTokenColumns(next, ms(at)))]);
      return rows === null ? null : refreshTokenFromRow(rows[1]![0]!);
    },

    async revokeGrant(grantId, at) {
      const rows = await sql.transaction(revokeTokens(sql, 'grant_id', grantId, at));
      return (rows ?? []).reduce((n, r) => n + r.length, 0);
    },

    async revokeUserTokens(userId, at) {
      const rows = await sql.transaction(userRevocation(sql, userId, at));
      // The statements after the first two burn codes and end sessions; only tokens are counted.
      return (rows ?? []).slice(0, 2).reduce((n, r) => n + r.length, 0);
    },
  };
}
