// The OAuth authorization server's tables. Single-use and rotation are compare-and-sets
// (`… AND used_time IS NULL`, `… AND revoked_time IS NULL`), so concurrent requests — on one
// instance or several sharing PostgreSQL — redeem a code or a refresh token at most once.
import type {
  AuthorizationCodeRecord, NewAuthorizationCode, NewOAuthClient, NewRefreshToken, OAuthClientRecord,
  RefreshTokenRecord,
} from '../records.js';
import {
  authorizationCodeColumns, authorizationCodeFromRow, oauthClientColumns, oauthClientFromRow, refreshTokenColumns,
  refreshTokenFromRow,
} from './oauth-rows.js';
import { SqlPart } from './sql-part.js';
import type { Statement } from './sql-store.js';
import { ms } from './values.js';

export class OAuthSql extends SqlPart {
  async insertOAuthClient(client: NewOAuthClient): Promise<OAuthClientRecord> {
    return oauthClientFromRow(await this.insert('oauth_clients', oauthClientColumns(client, Date.now())));
  }

  async getOAuthClient(clientId: string): Promise<OAuthClientRecord | null> {
    const p = this.params();
    const row = await this.one(`SELECT * FROM oauth_clients WHERE client_id = ${p.add(clientId)}`, p.values);
    return row === null ? null : oauthClientFromRow(row);
  }

  async listOAuthClients(ownerUserId: bigint): Promise<OAuthClientRecord[]> {
    const p = this.params();
    const sql = `SELECT * FROM oauth_clients WHERE owner_user_id = ${p.add(ownerUserId)} ORDER BY created_time, client_id`;
    return (await this.driver.all(sql, p.values)).map(oauthClientFromRow);
  }

  async insertAuthorizationCode(code: NewAuthorizationCode): Promise<AuthorizationCodeRecord> {
    return authorizationCodeFromRow(await this.insert('oauth_codes', authorizationCodeColumns(code, Date.now())));
  }

  async findAuthorizationCode(codeHash: string): Promise<AuthorizationCodeRecord | null> {
    const p = this.params();
    const row = await this.one(`SELECT * FROM oauth_codes WHERE code_hash = ${p.add(codeHash)}`, p.values);
    return row === null ? null : authorizationCodeFromRow(row);
  }

  async consumeAuthorizationCode(codeHash: string, at: Date): Promise<AuthorizationCodeRecord | null> {
    const p = this.params();
    const sql = `UPDATE oauth_codes SET used_time = ${p.add(ms(at))} WHERE code_hash = ${p.add(codeHash)} `
      + `AND used_time IS NULL AND expires_at > ${p.add(ms(at))} RETURNING *`;
    const row = await this.one(sql, p.values);
    return row === null ? null : authorizationCodeFromRow(row);
  }

  async insertRefreshToken(token: NewRefreshToken): Promise<RefreshTokenRecord> {
    return refreshTokenFromRow(await this.insert('refresh_tokens', refreshTokenColumns(token, Date.now())));
  }

  async findRefreshToken(tokenHash: string): Promise<RefreshTokenRecord | null> {
    const p = this.params();
    const row = await this.one(`SELECT * FROM refresh_tokens WHERE token_hash = ${p.add(tokenHash)}`, p.values);
    return row === null ? null : refreshTokenFromRow(row);
  }

  async rotateRefreshToken(tokenHash: string, at: Date, next: NewRefreshToken): Promise<RefreshTokenRecord | null> {
    const p = this.params();
    const revoke: Statement = {
      sql: `UPDATE refresh_tokens SET revoked_time = ${p.add(ms(at))} WHERE token_hash = ${p.add(tokenHash)} `
        + `AND revoked_time IS NULL AND expires_at > ${p.add(ms(at))} RETURNING token_hash`,
      params: p.values,
      guard: true,
    };
    const rows = await this.driver.transaction([revoke, this.insertStatement('refresh_tokens', refreshTokenColumns(next, ms(at)))]);
    return rows === null ? null : refreshTokenFromRow(rows[1]![0]!);
  }

  /** Revokes live access and refresh tokens matching `column = value`; one statement per table. */
  private revokeTokens(column: 'grant_id' | 'user_id', value: string | bigint, at: Date): Statement[] {
    return (['access_tokens', 'refresh_tokens'] as const).map((table) => {
      const p = this.params();
      return {
        sql: `UPDATE ${table} SET revoked_time = ${p.add(ms(at))} WHERE ${column} = ${p.add(value)} `
          + 'AND revoked_time IS NULL RETURNING token_hash',
        params: p.values,
      };
    });
  }

  /** Statements that revoke every token of a user and burn their unused codes (also used by deleteUser). */
  userRevocation(userId: bigint, at: Date): Statement[] {
    const p = this.params();
    return [
      ...this.revokeTokens('user_id', userId, at),
      {
        sql: `UPDATE oauth_codes SET used_time = ${p.add(ms(at))} WHERE user_id = ${p.add(userId)} AND used_time IS NULL RETURNING code_hash`,
        params: p.values,
      },
    ];
  }

  async revokeGrant(grantId: string, at: Date): Promise<number> {
    const rows = await this.driver.transaction(this.revokeTokens('grant_id', grantId, at));
    return (rows ?? []).reduce((n, r) => n + r.length, 0);
  }

  async revokeUserTokens(userId: bigint, at: Date): Promise<number> {
    const rows = await this.driver.transaction(this.userRevocation(userId, at));
    // The last statement burns codes; only tokens are counted.
    return (rows ?? []).slice(0, 2).reduce((n, r) => n + r.length, 0);
  }
}
