// Credentials the domain hands out: developer tokens and invitation secrets, random and shown
// once, stored only as their SHA-256. A fast hash is right here: the secrets are 256-bit (or
// 20-character) random values, not guessable passwords. auth builds its bearer secrets on this.
import crypto, { createHash } from 'node:crypto';
import { random } from '../contract/ambient.js';

// crypto.hash (Node 20.12+) hashes in one call, about three times cheaper than a Hash object;
// every API request hashes its access token.
const oneShot = (crypto as { hash?: (algorithm: string, data: string, encoding: 'hex') => string }).hash;

export function hashSecret(secret: string): string {
  return oneShot ? oneShot('sha256', secret, 'hex') : createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Developer tokens look like Microsoft's: upper-case alphanumeric. */
export function newDeveloperToken(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  return [...random().bytes(20)].map((b) => alphabet[b % alphabet.length]).join('');
}

/** The secret of a user invitation's acceptance link: 256 random bits, URL-safe. */
export function newInvitationSecret(): string {
  return random().bytes(32).toString('base64url');
}
