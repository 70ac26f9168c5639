// grant_type=authorization_code (RFC 6749 §4.1.3, RFC 7636 §4.5). The code is checked first and
// redeemed last, by compare-and-set, so two concurrent redemptions cannot both succeed; a code
// presented again after redemption revokes what it produced (RFC 6749 §4.1.2).
import type { OAuthClientRecord } from '../../store/records.js';
import { hashSecret } from '../../domain/credentials.js';
import { oauthErrors } from './errors.js';
import { verifierMatches } from './pkce.js';
import { isSubset, parseScope } from './scopes.js';
import { activeUser } from './users.js';
import { newRefreshToken, tokenResponse, type TokenContext, type TokenResponse } from './token-response.js';

export async function redeemAuthorizationCode(ctx: TokenContext, client: OAuthClientRecord, form: URLSearchParams): Promise<TokenResponse> {
  const code = form.get('code');
  if (!code) throw oauthErrors.missingParameter('code');
  const redirectUri = form.get('redirect_uri');
  if (!redirectUri) throw oauthErrors.missingParameter('redirect_uri');
  const verifier = form.get('code_verifier');

  const codeHash = hashSecret(code);
  const record = await ctx.store.findAuthorizationCode(codeHash);
  if (!record || record.clientId !== client.clientId) throw oauthErrors.invalidCode();
  if (record.usedTime !== null) {
    await ctx.store.revokeGrant(record.grantId, ctx.now);
    throw oauthErrors.codeRedeemed();
  }
  if (record.expiresAt.getTime() <= ctx.now.getTime()) throw oauthErrors.codeExpired();
  if (record.redirectUri !== redirectUri) throw oauthErrors.redirectMismatch();
  if (record.codeChallenge === null || record.codeChallengeMethod === null) {
    // OAuth 2.1 §4.1.3: a verifier without a challenge is refused, so PKCE cannot be downgraded.
    if (verifier !== null) throw oauthErrors.verifierWithoutChallenge();
  } else {
    if (verifier === null) throw oauthErrors.verifierMissing();
    if (!verifierMatches(record.codeChallengeMethod, record.codeChallenge, verifier)) throw oauthErrors.verifierMismatch();
  }
  const granted = parseScope(record.scope);
  // The identity platform lets the redemption name the scopes again (the PHP SDK does): a subset narrows the access token.
  const scopeParam = form.get('scope');
  const scopes = scopeParam === null ? granted : parseScope(scopeParam);
  if (!isSubset(scopes, granted)) throw oauthErrors.scopeNotGranted(client.clientId);
  await activeUser(ctx.store, record.userId);

  const redeemed = await ctx.store.consumeAuthorizationCode(codeHash, ctx.now);
  if (!redeemed) throw oauthErrors.codeRedeemed();
  const grant = { grantId: record.grantId, clientId: client.clientId, userId: record.userId };
  const refreshToken = await newRefreshToken(ctx, grant, granted);
  return tokenResponse(ctx, grant, scopes, refreshToken);
}
