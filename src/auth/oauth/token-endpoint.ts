// The token endpoint's logic, free of HTTP: client identification and authentication, then the grant.
import { oauthErrors } from './errors.js';
import { authenticateClient, findClient } from './clients.js';
import { redeemAuthorizationCode } from './code-grant.js';
import { redeemRefreshToken } from './refresh-grant.js';
import { isKnownTenant } from './tenants.js';
import type { TokenContext, TokenResponse } from './token-response.js';

/** Client credentials from an `Authorization: Basic` header (RFC 6749 §2.3.1), when sent. */
export interface BasicCredentials {
  clientId: string;
  secret: string;
}

export async function handleTokenRequest(
  ctx: TokenContext, tenant: string, form: URLSearchParams, basic: BasicCredentials | null,
): Promise<TokenResponse> {
  if (!isKnownTenant(tenant)) throw oauthErrors.unknownTenant(tenant);
  const repeated = [...new Set(form.keys())].find((k) => form.getAll(k).length > 1);
  if (repeated !== undefined) throw oauthErrors.malformed(`The parameter '${repeated}' was sent more than once.`);
  const grantType = form.get('grant_type');
  if (!grantType) throw oauthErrors.missingParameter('grant_type');

  const formClientId = form.get('client_id') || null; // empty = absent, as for client_secret below
  if (basic !== null && formClientId !== null && formClientId !== basic.clientId) {
    throw oauthErrors.malformed('The client_id in the body differs from the one in the Authorization header.');
  }
  if (basic !== null && form.has('client_secret')) throw oauthErrors.malformed('Send the client secret in the body or in the Authorization header, not both.');
  const clientId = basic?.clientId ?? formClientId;
  if (!clientId) throw oauthErrors.missingParameter('client_id');
  const client = await findClient(ctx.store, clientId, tenant);
  if (grantType !== 'authorization_code' && grantType !== 'refresh_token') throw oauthErrors.unsupportedGrant(grantType);
  // An empty client_secret counts as none (some form builders send every field).
  authenticateClient(client, basic?.secret ?? (form.get('client_secret') || undefined));

  return grantType === 'authorization_code'
    ? redeemAuthorizationCode(ctx, client, form)
    : redeemRefreshToken(ctx, client, form);
}
