// OAuth helpers for the end-to-end tests: register an app in the running server's store, build a
// signed-in session cookie exactly as the sign-in page would set it, and drive the authorize and
// token endpoints with fetch (manual redirects, manual cookies), as a browser and an app would.
import { createHash, randomBytes } from 'node:crypto';
import { registerClientApp, type RegisteredClient } from '../../src/auth/oauth/clients.js';
import { DEMO_USER_KEY } from '../../src/cli/demo-tenant.js';
import { SESSION_COOKIE, Sessions } from '../../src/web/session.js';
import type { RunningServer } from './server.js';

export const SANDBOX_SCOPE = 'https://si.ads.microsoft.com/msads.manage';
export const PRODUCTION_SCOPE = 'https://ads.microsoft.com/msads.manage';
export const REDIRECT = 'http://localhost:5000/callback';

export interface App extends RegisteredClient {
  redirectUri: string;
}

export async function registerApp(server: RunningServer, options: { confidential?: boolean; redirectUris?: string[]; ownerUserId?: bigint } = {}): Promise<App> {
  const store = await server.store();
  const ownerUserId = options.ownerUserId ?? (await demoUserId(server));
  const redirectUris = options.redirectUris ?? [REDIRECT];
  const registered = await registerClientApp(store, { ownerUserId, name: 'Test app', redirectUris, confidential: options.confidential ?? false });
  return { ...registered, redirectUri: redirectUris[0]! };
}

export async function demoUserId(server: RunningServer): Promise<bigint> {
  const store = await server.store();
  return BigInt((await store.getMeta(DEMO_USER_KEY))!);
}

export interface Browser {
  /** The Cookie header value. */
  cookie: string;
  csrf: string;
  userId: bigint;
}

/** A browser signed in as the user: the session cookie the sign-in page would have set. */
export async function signedIn(server: RunningServer, userId?: bigint): Promise<Browser> {
  const id = userId ?? (await demoUserId(server));
  const { session, value } = await (await Sessions.forStore(await server.store())).create(id);
  return { cookie: `${SESSION_COOKIE}=${value}`, csrf: session.csrf, userId: id };
}

export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(48).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export function authorizeUrl(server: RunningServer, params: Record<string, string>, tenant = 'common'): string {
  return `${server.url}/${tenant}/oauth2/v2.0/authorize?${new URLSearchParams(params).toString()}`;
}

export async function get(url: string, cookie?: string): Promise<Response> {
  return fetch(url, { redirect: 'manual', headers: cookie ? { Cookie: cookie } : {} });
}

/** The hidden fields of the consent page's form (name → value), HTML-unescaped. */
export function consentForm(page: string): Record<string, string> {
  const unescape = (s: string): string => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  const fields: Record<string, string> = {};
  for (const m of page.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) fields[unescape(m[1]!)] = unescape(m[2]!);
  return fields;
}

/** Posts the consent form from this site (Origin set), as the browser would. */
export async function postConsent(
  server: RunningServer, browser: Browser, fields: Record<string, string>, decision: 'accept' | 'cancel',
  options: { tenant?: string; origin?: string | null } = {},
): Promise<Response> {
  const headers: Record<string, string> = { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: browser.cookie };
  if (options.origin !== null) headers.Origin = options.origin ?? server.url;
  return fetch(`${server.url}/${options.tenant ?? 'common'}/oauth2/v2.0/authorize`, {
    method: 'POST', redirect: 'manual', headers, body: new URLSearchParams({ ...fields, decision }).toString(),
  });
}

/** Authorize → consent page → Accept: the redirect the app receives. */
export async function authorizeAndConsent(server: RunningServer, browser: Browser, params: Record<string, string>, tenant = 'common'): Promise<URL> {
  const page = await get(authorizeUrl(server, params, tenant), browser.cookie);
  if (page.status !== 200) throw new Error(`authorize answered ${page.status} ${page.headers.get('location') ?? ''}`);
  const res = await postConsent(server, browser, consentForm(await page.text()), 'accept', { tenant });
  if (res.status !== 302) throw new Error(`consent answered ${res.status}`);
  return new URL(res.headers.get('location')!);
}

/** The whole code flow with PKCE (S256): returns the code and the verifier. */
export async function codeFlow(
  server: RunningServer, browser: Browser, app: App, scope: string, extra: Record<string, string> = {},
): Promise<{ code: string; verifier: string; location: URL }> {
  const { verifier, challenge } = pkcePair();
  const location = await authorizeAndConsent(server, browser, {
    client_id: app.clientId, response_type: 'code', redirect_uri: app.redirectUri, scope, state: 'st-1',
    code_challenge: challenge, code_challenge_method: 'S256', ...extra,
  });
  return { code: location.searchParams.get('code')!, verifier, location };
}

export interface TokenResult {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
}

export async function tokenRequest(server: RunningServer, form: Record<string, string>, options: { tenant?: string; headers?: Record<string, string> } = {}): Promise<TokenResult> {
  const res = await fetch(`${server.url}/${options.tenant ?? 'common'}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...(options.headers ?? {}) },
    body: new URLSearchParams(form).toString(),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, unknown> };
}

/** Tokens for the demo user through the whole flow (authorize, consent, code redemption). */
export async function obtainTokens(server: RunningServer, browser: Browser, app: App, scope: string): Promise<TokenResult> {
  const { code, verifier } = await codeFlow(server, browser, app, scope);
  return tokenRequest(server, {
    client_id: app.clientId, grant_type: 'authorization_code', code, redirect_uri: app.redirectUri, code_verifier: verifier,
  });
}
