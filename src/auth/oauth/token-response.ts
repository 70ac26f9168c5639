// Issuing the token endpoint's answer: an access token (stored hashed, see issue-tokens) and,
// when offline_access was granted, a refresh token of the same grant.
import type { Environment } from '../../contract/environment.js';
import type { Store } from '../../store/store.js';
import { issueAccessToken } from '../issue-tokens.js';
import { hashSecret } from '../../domain/credentials.js';
import { newOAuthSecret } from '../secrets.js';
import { REFRESH_TOKEN_SECONDS, after } from './lifetimes.js';
import { formatScope, OFFLINE_ACCESS } from './scopes.js';

/** The success body of the token endpoint, as the identity platform shapes it. */
export interface TokenResponse {
  token_type: 'Bearer';
  scope: string;
  expires_in: number;
  ext_expires_in: number;
  access_token: string;
  refresh_token?: string;
}

export interface TokenContext {
  store: Store;
  environment: Environment;
  accessTokenLifetimeSeconds: number;
  now: Date;
}

export interface Grant {
  grantId: string;
  clientId: string;
  userId: bigint;
}

/** Issues the access token for `scopes`; `refreshToken` (already stored) is passed through. */
export async function tokenResponse(ctx: TokenContext, grant: Grant, scopes: readonly string[], refreshToken?: string): Promise<TokenResponse> {
  const scope = formatScope(scopes);
  const issued = await issueAccessToken(ctx.store, ctx.environment, grant.userId, {
    clientId: grant.clientId, lifetimeSeconds: ctx.accessTokenLifetimeSeconds, scope, now: ctx.now, grantId: grant.grantId,
  });
  const body: TokenResponse = {
    token_type: 'Bearer', scope, expires_in: issued.expiresIn, ext_expires_in: issued.expiresIn, access_token: issued.accessToken,
  };
  if (refreshToken !== undefined) body.refresh_token = refreshToken;
  return body;
}

/** A new refresh token for the grant when offline_access is among `grantedScopes`; stored hashed. */
export async function newRefreshToken(ctx: TokenContext, grant: Grant, grantedScopes: readonly string[]): Promise<string | undefined> {
  if (!grantedScopes.includes(OFFLINE_ACCESS)) return undefined;
  const token = newOAuthSecret();
  await ctx.store.insertRefreshToken({
    tokenHash: hashSecret(token), ...grant, scope: formatScope(grantedScopes), expiresAt: after(ctx.now, REFRESH_TOKEN_SECONDS),
  });
  return token;
}
