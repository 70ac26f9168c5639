// Developer tokens and access tokens, stored as SHA-256 hashes; revocation is a compare-and-set of
// the revoked time.
import type { AccessTokenRecord, DeveloperTokenRecord } from '../../records.js';
import type { TokenStore } from '../../store.js';
import type { Row } from '../driver.js';
import type { Sql } from '../sql.js';
import { big, date, dateOrNull, ms, str, strOrNull } from '../values.js';
import { nowMs } from '../../../contract/ambient.js';

export function developerTokenFromRow(r: Row): DeveloperTokenRecord {
  return {
    id: big(r, 'id'), userId: big(r, 'user_id'), tokenHash: str(r, 'token_hash'), hint: str(r, 'hint'),
    createdTime: date(r, 'created_time'), revokedTime: dateOrNull(r, 'revoked_time'),
  };
}

export function accessTokenFromRow(r: Row): AccessTokenRecord {
  return {
    tokenHash: str(r, 'token_hash'), userId: big(r, 'user_id'), clientId: str(r, 'client_id'),
    scope: str(r, 'scope'), expiresAt: date(r, 'expires_at'), createdTime: date(r, 'created_time'),
    revokedTime: dateOrNull(r, 'revoked_time'), grantId: strOrNull(r, 'grant_id'),
  };
}

export function tokenPart(sql: Sql): TokenStore {
  async function byHash(table: 'developer_tokens' | 'access_tokens', tokenHash: string): Promise<Row | null> {
    const p = sql.params();
    return sql.one(`SELECT * FROM ${table} WHERE token_hash = ${p.add(tokenHash)}`, p.values);
  }

  async function revoke(table: 'developer_tokens' | 'access_tokens', column: 'id' | 'token_hash', key: bigint | string, at: Date): Promise<boolean> {
    const p = sql.params();
    const text = `UPDATE ${table} SET revoked_time = ${p.add(ms(at))} WHERE ${column} = ${p.add(key)} AND revoked_time IS NULL`;
    return (await sql.run(text, p.values)) > 0;
  }

  return {
    async insertDeveloperToken(token) {
      return developerTokenFromRow(await sql.insert('developer_tokens', [
        ['user_id', token.userId], ['token_hash', token.tokenHash], ['hint', token.hint], ['created_time', nowMs()],
      ]));
    },

    async findDeveloperToken(tokenHash) {
      const row = await byHash('developer_tokens', tokenHash);
      return row === null ? null : developerTokenFromRow(row);
    },

    async listDeveloperTokens(userId) {
      const p = sql.params();
      return (await sql.all(`SELECT * FROM developer_tokens WHERE user_id = ${p.add(userId)} ORDER BY id`, p.values)).map(developerTokenFromRow);
    },

    revokeDeveloperToken: (id, at) => revoke('developer_tokens', 'id', id, at),

    async insertAccessToken(token) {
      return accessTokenFromRow(await sql.insert('access_tokens', [
        ['token_hash', token.tokenHash], ['user_id', token.userId], ['client_id', token.clientId], ['scope', token.scope],
        ['expires_at', ms(token.expiresAt)], ['grant_id', token.grantId ?? null], ['created_time', nowMs()],
      ]));
    },

    async findAccessToken(tokenHash) {
      const row = await byHash('access_tokens', tokenHash);
      return row === null ? null : accessTokenFromRow(row);
    },

    revokeAccessToken: (tokenHash, at) => revoke('access_tokens', 'token_hash', tokenHash, at),
  };
}
