// PKCE (RFC 7636): the challenge sent to /authorize and the verifier sent to /token.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { PkceMethod } from '../../store/records.js';

/** code_verifier and code_challenge share this syntax: 43–128 unreserved characters. */
const PKCE_VALUE = /^[A-Za-z0-9\-._~]{43,128}$/;

export function isPkceValue(value: string): boolean {
  return PKCE_VALUE.test(value);
}

export function isPkceMethod(value: string): value is PkceMethod {
  return value === 'S256' || value === 'plain';
}

export function s256(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

/** Constant-time comparison of the transformed verifier with the stored challenge. */
export function verifierMatches(method: PkceMethod, challenge: string, verifier: string): boolean {
  if (!isPkceValue(verifier)) return false;
  const expected = Buffer.from(challenge);
  const actual = Buffer.from(method === 'S256' ? s256(verifier) : verifier);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
