// Record <-> row mapping for the OAuth tables (clients, authorization codes, refresh tokens).
import type {
  AuthorizationCodeRecord, NewAuthorizationCode, NewOAuthClient, NewRefreshToken, OAuthClientRecord, PkceMethod,
  RefreshTokenRecord,
} from '../../records.js';
import type { Columns } from '../sql.js';
import type { Row } from '../driver.js';
import { big, bool, date, dateOrNull, ms, str, strOrNull } from '../values.js';

function encodeUris(uris: readonly string[]): string {
  return JSON.stringify(uris);
}

function decodeUris(text: string): string[] {
  const v: unknown = JSON.parse(text);
  if (!Array.isArray(v) || !v.every((u): u is string => typeof u === 'string')) {
    throw new TypeError('store: redirect_uris is not a JSON array of strings');
  }
  return v;
}

export function oauthClientColumns(c: NewOAuthClient, now: number): Columns {
  return [
    ['client_id', c.clientId], ['name', c.name], ['redirect_uris', encodeUris(c.redirectUris)],
    ['confidential', c.confidential], ['secret_hash', c.secretHash], ['owner_user_id', c.ownerUserId],
    ['created_time', now],
  ];
}

export function oauthClientFromRow(r: Row): OAuthClientRecord {
  return {
    clientId: str(r, 'client_id'), name: str(r, 'name'), redirectUris: decodeUris(str(r, 'redirect_uris')),
    confidential: bool(r, 'confidential'), secretHash: strOrNull(r, 'secret_hash'),
    ownerUserId: big(r, 'owner_user_id'), createdTime: date(r, 'created_time'),
  };
}

function pkceMethod(r: Row): PkceMethod | null {
  const v = strOrNull(r, 'code_challenge_method');
  if (v === null || v === 'S256' || v === 'plain') return v;
  throw new TypeError(`store: unknown PKCE method ${v}`);
}

export function authorizationCodeColumns(c: NewAuthorizationCode, now: number): Columns {
  return [
    ['code_hash', c.codeHash], ['grant_id', c.grantId], ['client_id', c.clientId], ['user_id', c.userId],
    ['redirect_uri', c.redirectUri], ['scope', c.scope], ['code_challenge', c.codeChallenge],
    ['code_challenge_method', c.codeChallengeMethod], ['expires_at', ms(c.expiresAt)], ['created_time', now],
  ];
}

export function authorizationCodeFromRow(r: Row): AuthorizationCodeRecord {
  return {
    codeHash: str(r, 'code_hash'), grantId: str(r, 'grant_id'), clientId: str(r, 'client_id'), userId: big(r, 'user_id'),
    redirectUri: str(r, 'redirect_uri'), scope: str(r, 'scope'), codeChallenge: strOrNull(r, 'code_challenge'),
    codeChallengeMethod: pkceMethod(r), expiresAt: date(r, 'expires_at'), createdTime: date(r, 'created_time'),
    usedTime: dateOrNull(r, 'used_time'),
  };
}

export function refreshTokenColumns(t: NewRefreshToken, now: number): Columns {
  return [
    ['token_hash', t.tokenHash], ['grant_id', t.grantId], ['client_id', t.clientId], ['user_id', t.userId],
    ['scope', t.scope], ['expires_at', ms(t.expiresAt)], ['created_time', now],
  ];
}

export function refreshTokenFromRow(r: Row): RefreshTokenRecord {
  return {
    tokenHash: str(r, 'token_hash'), grantId: str(r, 'grant_id'), clientId: str(r, 'client_id'),
    userId: big(r, 'user_id'), scope: str(r, 'scope'), expiresAt: date(r, 'expires_at'),
    createdTime: date(r, 'created_time'), revokedTime: dateOrNull(r, 'revoked_time'),
  };
}
