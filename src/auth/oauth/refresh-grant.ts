// grant_type=refresh_token (RFC 6749 §6) with rotation: the presented token is revoked in the
// same transaction that stores its successor, so each refresh token works once. A rotated token
// presented again means it leaked or was stolen: the whole grant is revoked (RFC 9700 §4.14.2), so
// neither the thief's nor the client's newest tokens keep working.
import type { OAuthClientRecord } from '../../store/records.js';
import { hashSecret } from '../../domain/credentials.js';
import { newOAuthSecret } from '../secrets.js';
import { oauthErrors } from './errors.js';
import { REFRESH_TOKEN_SECONDS, after } from './lifetimes.js';
import { isSubset, parseScope } from './scopes.js';
import { activeUser } from './users.js';
import { tokenResponse, type TokenContext, type TokenResponse } from './token-response.js';

export async function redeemRefreshToken(ctx: TokenContext, client: OAuthClientRecord, form: URLSearchParams): Promise<TokenResponse> {
  const presented = form.get('refresh_token');
  if (!presented) throw oauthErrors.missingParameter('refresh_token');
  const tokenHash = hashSecret(presented);
  const record = await ctx.store.findRefreshToken(tokenHash);
  if (!record || record.clientId !== client.clientId) throw oauthErrors.invalidRefreshToken();
  if (record.revokedTime !== null) return replayed(ctx, record.grantId);
  if (record.expiresAt.getTime() <= ctx.now.getTime()) throw oauthErrors.refreshExpired();

  const granted = parseScope(record.scope);
  const scopeParam = form.get('scope');
  const scopes = scopeParam === null ? granted : parseScope(scopeParam);
  if (!isSubset(scopes, granted)) throw oauthErrors.scopeNotGranted(client.clientId);
  await activeUser(ctx.store, record.userId);

  // The successor keeps the grant's full scope (RFC 6749 §6); a narrower request narrows only the access token.
  const next = newOAuthSecret();
  const rotated = await ctx.store.rotateRefreshToken(tokenHash, ctx.now, {
    tokenHash: hashSecret(next), grantId: record.grantId, clientId: record.clientId, userId: record.userId,
    scope: record.scope, expiresAt: after(ctx.now, REFRESH_TOKEN_SECONDS),
  });
  // Lost the compare-and-set: another request rotated it first, so this one is a replay too.
  if (!rotated) return replayed(ctx, record.grantId);
  return tokenResponse(ctx, { grantId: record.grantId, clientId: record.clientId, userId: record.userId }, scopes, next);
}

async function replayed(ctx: TokenContext, grantId: string): Promise<never> {
  await ctx.store.revokeGrant(grantId, ctx.now);
  throw oauthErrors.refreshRevoked();
}
