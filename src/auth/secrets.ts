// Bearer secrets of the OAuth server (access tokens, codes, refresh tokens, client secrets):
// random, shown once, stored only as their hash (domain/credentials.ts hashSecret).
import type { Environment } from '../contract/environment.js';
import { random } from '../contract/ambient.js';

/** Access tokens name their environment, so a token of the other environment is recognisably foreign. */
export function newAccessToken(environment: Environment): string {
  return `${environment === 'sandbox' ? 'sbx' : 'prd'}.${random().bytes(32).toString('base64url')}`;
}

/** OAuth authorization codes, refresh tokens and client secrets: 256 random bits, URL-safe. */
export function newOAuthSecret(): string {
  return random().bytes(32).toString('base64url');
}
