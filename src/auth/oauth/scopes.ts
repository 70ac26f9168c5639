// The scopes this authorization server issues. Every Microsoft Advertising scope that clients
// still send is issuable — the instance's own, the other environment's, the legacy ones — because
// the API, not the authorization server, decides: a token without this instance's msads.manage
// scope gets 3101 from the API, which is the documented "wrong scope" behaviour clients must see.
import type { Environment } from '../../contract/environment.js';
import { API_SCOPE } from '../scopes.js';
import { oauthErrors } from './errors.js';

/** Resource scopes, canonical spelling. */
const RESOURCE_SCOPES: readonly string[] = [
  API_SCOPE.production,
  API_SCOPE.sandbox,
  'https://api.ads.microsoft.com/msads.manage', // the legacy sandbox (login.windows-ppe.net)
  'https://ads.microsoft.com/ads.manage', // before MFA enforcement
  'bingads.manage', // Live Connect
];

export const OFFLINE_ACCESS = 'offline_access';
/** OpenID Connect and refresh scopes: they never grant API access on their own. */
const PROTOCOL_SCOPES: readonly string[] = [OFFLINE_ACCESS, 'openid', 'profile', 'email'];

const CANONICAL = new Map([...RESOURCE_SCOPES, ...PROTOCOL_SCOPES].map((s) => [s.toLowerCase(), s]));

/**
 * Parses a space-separated scope parameter into canonical, de-duplicated scopes in request order.
 * Throws invalid_scope for an unknown scope or when no Microsoft Advertising scope is asked for.
 */
export function parseScope(raw: string): string[] {
  const scopes: string[] = [];
  for (const item of raw.split(/\s+/).filter((s) => s !== '')) {
    const canonical = CANONICAL.get(item.toLowerCase());
    if (canonical === undefined) throw oauthErrors.invalidScope(item);
    if (!scopes.includes(canonical)) scopes.push(canonical);
  }
  if (!scopes.some((s) => RESOURCE_SCOPES.includes(s))) throw oauthErrors.invalidScope(raw.trim() === '' ? '(empty)' : raw.trim());
  return scopes;
}

export function formatScope(scopes: readonly string[]): string {
  return scopes.join(' ');
}

export function isSubset(requested: readonly string[], granted: readonly string[]): boolean {
  return requested.every((s) => granted.includes(s));
}

/** Whether the scopes reach this instance's API (the consent page warns when they do not). */
export function reachesApi(scopes: readonly string[], environment: Environment): boolean {
  return scopes.includes(API_SCOPE[environment]);
}

/** What a scope lets the application do, for the consent page. */
export function describeScope(scope: string): string {
  switch (scope) {
    case OFFLINE_ACCESS: return 'Keep access while you are away (refresh tokens)';
    case 'openid': return 'Sign you in';
    case 'profile': return 'Read your basic profile';
    case 'email': return 'Read your email address';
    default: return `Manage your Microsoft Advertising accounts (${scope})`;
  }
}
