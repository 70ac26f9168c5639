// Bearer secrets (access tokens, developer tokens): random, shown once, stored only as SHA-256.
// A fast hash is right here: the secrets are 256-bit random values, not guessable passwords.
import { createHash, randomBytes } from 'node:crypto';
import type { Environment } from '../domain/context.js';

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Access tokens name their environment, so a token of the other environment is recognisably foreign. */
export function newAccessToken(environment: Environment): string {
  return `${environment === 'sandbox' ? 'sbx' : 'prd'}.${randomBytes(32).toString('base64url')}`;
}

/** Developer tokens look like Microsoft's: upper-case alphanumeric. */
export function newDeveloperToken(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  return [...randomBytes(20)].map((b) => alphabet[b % alphabet.length]).join('');
}

/** The secret of a user invitation's acceptance link: 256 random bits, URL-safe. */
export function newInvitationSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** OAuth authorization codes, refresh tokens and client secrets: 256 random bits, URL-safe. */
export function newOAuthSecret(): string {
  return randomBytes(32).toString('base64url');
}
