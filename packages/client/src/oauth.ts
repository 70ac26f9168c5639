// Refreshing the access token with the refresh token (RFC 6749 §6) at the Microsoft identity
// platform's token endpoint, or at another one (adcenter's /common/oauth2/v2.0/token).
import { OAuthRefreshError } from './errors.js';

export interface OAuthOptions {
  clientId: string;
  /** Only for confidential (web) applications. */
  clientSecret?: string;
  refreshToken: string;
  /** Default: https://login.microsoftonline.com/common/oauth2/v2.0/token */
  tokenUrl?: string;
  /** Default: the environment's msads.manage scope plus offline_access. */
  scope?: string;
  /**
   * Called after every refresh with the new tokens. The identity platform rotates refresh tokens
   * (adcenter: the old one stops working), so store `refreshToken` for the next run.
   */
  onTokens?: (tokens: RefreshedTokens) => void | Promise<void>;
}

export interface RefreshedTokens {
  accessToken: string;
  refreshToken: string;
  /** Seconds the access token lives, as the token endpoint said. */
  expiresIn: number | undefined;
}

export async function refreshTokens(fetchImpl: typeof fetch, tokenUrl: string, scope: string, oauth: OAuthOptions, refreshToken: string): Promise<RefreshedTokens> {
  const form = new URLSearchParams({ client_id: oauth.clientId, grant_type: 'refresh_token', refresh_token: refreshToken, scope });
  if (oauth.clientSecret !== undefined) form.set('client_secret', oauth.clientSecret);
  const res = await fetchImpl(tokenUrl, {
    method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' }, body: form.toString(),
  });
  const text = await res.text();
  let body: Record<string, unknown> = {};
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // not JSON: reported below with the status
  }
  if (!res.ok || typeof body.access_token !== 'string') {
    throw new OAuthRefreshError(res.status, typeof body.error === 'string' ? body.error : `HTTP ${res.status}`,
      typeof body.error_description === 'string' ? body.error_description : undefined);
  }
  return {
    accessToken: body.access_token,
    // A token endpoint that does not rotate leaves the old refresh token valid.
    refreshToken: typeof body.refresh_token === 'string' ? body.refresh_token : refreshToken,
    expiresIn: typeof body.expires_in === 'number' ? body.expires_in : undefined,
  };
}
