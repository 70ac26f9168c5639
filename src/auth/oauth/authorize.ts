// The authorization endpoint's logic, free of HTTP: validating a request (RFC 6749 §4.1.1 with
// the identity platform's parameters), issuing a code on consent and building the redirect back.
// Problems with the client or the redirect URI are shown to the user, never redirected (an
// attacker could otherwise bounce users to any URI); every other problem goes back to the app.
import type { OAuthClientRecord, PkceMethod } from '../../store/records.js';
import type { Store } from '../../store/store.js';
import { hashSecret } from '../../domain/credentials.js';
import { newOAuthSecret } from '../secrets.js';
import { OAuthError, oauthErrors } from './errors.js';
import { AUTHORIZATION_CODE_SECONDS, after } from './lifetimes.js';
import { isPkceMethod, isPkceValue } from './pkce.js';
import { matchRedirectUri } from './redirect-uris.js';
import { formatScope, parseScope } from './scopes.js';
import { isKnownTenant } from './tenants.js';
import { currentTime, random } from '../../contract/ambient.js';

export type ResponseMode = 'query' | 'fragment';
export type Prompt = 'none' | 'login' | 'consent' | 'select_account';

/** A validated authorization request. */
export interface AuthorizeRequest {
  tenant: string;
  client: OAuthClientRecord;
  redirectUri: string;
  responseMode: ResponseMode;
  state: string | null;
  scopes: string[];
  codeChallenge: string | null;
  codeChallengeMethod: PkceMethod | null;
  prompt: Prompt | null;
  loginHint: string | null;
}

/** Where a request stands: valid, an error for the user's eyes, or an error for the app. */
export type AuthorizeCheck =
  | { kind: 'ok'; request: AuthorizeRequest }
  | { kind: 'page'; error: OAuthError }
  | { kind: 'redirect'; error: OAuthError; location: string };

/** The parameters an authorization request may carry (each at most once, RFC 6749 §3.1). */
export const AUTHORIZE_PARAMETERS = [
  'client_id', 'redirect_uri', 'response_type', 'response_mode', 'scope', 'state', 'code_challenge',
  'code_challenge_method', 'prompt', 'login_hint',
] as const;

const PROMPTS: readonly string[] = ['none', 'login', 'consent', 'select_account'];

/** The redirect URI with the response parameters, in the query or the fragment. */
export function redirectTo(redirectUri: string, mode: ResponseMode, params: Readonly<Record<string, string | null>>): string {
  const url = new URL(redirectUri);
  const entries = Object.entries(params).filter((e): e is [string, string] => e[1] !== null);
  if (mode === 'fragment') {
    url.hash = new URLSearchParams(entries).toString();
  } else {
    for (const [k, v] of entries) url.searchParams.append(k, v);
  }
  return url.toString();
}

/** The redirect carrying an error (RFC 6749 §4.1.2.1), with the identity platform's error_codes habit in the description. */
export function errorRedirect(redirectUri: string, mode: ResponseMode, state: string | null, error: OAuthError): string {
  return redirectTo(redirectUri, mode, { error: error.error, error_description: error.message, state });
}

function single(params: URLSearchParams, name: string): string | null {
  return params.get(name);
}

/** Checks a request; `params` are the query (GET) or the consent form (POST). */
export async function checkAuthorizeRequest(store: Store, tenant: string, params: URLSearchParams): Promise<AuthorizeCheck> {
  if (!isKnownTenant(tenant)) return { kind: 'page', error: oauthErrors.unknownTenant(tenant) };
  for (const name of ['client_id', 'redirect_uri'] as const) {
    if (params.getAll(name).length > 1) return { kind: 'page', error: oauthErrors.malformed(`The parameter '${name}' was sent more than once.`) };
  }
  const clientId = single(params, 'client_id');
  if (!clientId) return { kind: 'page', error: oauthErrors.missingParameter('client_id') };
  const client = await store.getOAuthClient(clientId);
  if (!client) return { kind: 'page', error: oauthErrors.unknownClient(clientId, tenant) };
  const requestedRedirect = single(params, 'redirect_uri');
  if (!requestedRedirect) return { kind: 'page', error: oauthErrors.missingParameter('redirect_uri') };
  const redirectUri = matchRedirectUri(client.redirectUris, requestedRedirect);
  if (redirectUri === null) return { kind: 'page', error: oauthErrors.redirectNotRegistered(client.clientId) };

  // From here on the app is known and the URI is its own: errors go back to it.
  const state = single(params, 'state');
  const modeParam = single(params, 'response_mode');
  const responseMode: ResponseMode = modeParam === 'fragment' ? 'fragment' : 'query';
  const fail = (error: OAuthError): AuthorizeCheck => ({ kind: 'redirect', error, location: errorRedirect(redirectUri, responseMode, state, error) });

  const repeated = AUTHORIZE_PARAMETERS.find((name) => params.getAll(name).length > 1);
  if (repeated !== undefined) return fail(oauthErrors.malformed(`The parameter '${repeated}' was sent more than once.`));
  if (modeParam !== null && modeParam !== 'query' && modeParam !== 'fragment') {
    return fail(oauthErrors.malformed(`response_mode '${modeParam}' is not supported; use 'query' or 'fragment'.`));
  }
  const responseType = single(params, 'response_type');
  if (!responseType) return fail(oauthErrors.missingParameter('response_type'));
  if (responseType !== 'code') return fail(oauthErrors.unsupportedResponseType(responseType));
  const scopeParam = single(params, 'scope');
  if (!scopeParam) return fail(oauthErrors.missingParameter('scope'));
  let scopes: string[];
  try {
    scopes = parseScope(scopeParam);
  } catch (err) {
    if (err instanceof OAuthError) return fail(err);
    throw err;
  }

  const codeChallenge = single(params, 'code_challenge');
  const methodParam = single(params, 'code_challenge_method');
  if (codeChallenge === null && methodParam !== null) return fail(oauthErrors.missingParameter('code_challenge'));
  if (methodParam !== null && !isPkceMethod(methodParam)) {
    return fail(oauthErrors.malformed(`code_challenge_method '${methodParam}' is not supported; use 'S256' or 'plain'.`));
  }
  if (codeChallenge !== null && !isPkceValue(codeChallenge)) {
    return fail(oauthErrors.malformed('The code_challenge must be 43 to 128 characters of [A-Za-z0-9-._~].'));
  }
  const prompt = single(params, 'prompt');
  if (prompt !== null && !PROMPTS.includes(prompt)) return fail(oauthErrors.malformed(`prompt '${prompt}' is not supported.`));

  return {
    kind: 'ok',
    request: {
      tenant, client, redirectUri, responseMode, state, scopes,
      codeChallenge,
      // RFC 7636 §4.3: a challenge without a method is "plain".
      codeChallengeMethod: codeChallenge === null ? null : (methodParam as PkceMethod | null) ?? 'plain',
      prompt: prompt as Prompt | null,
      loginHint: single(params, 'login_hint'),
    },
  };
}

/** The fields the consent form carries back, so the POST can be validated exactly like the GET. */
export function consentFields(request: AuthorizeRequest): Record<string, string> {
  const fields: Record<string, string> = {
    client_id: request.client.clientId, redirect_uri: request.redirectUri, response_type: 'code',
    response_mode: request.responseMode, scope: formatScope(request.scopes),
  };
  if (request.state !== null) fields.state = request.state;
  if (request.codeChallenge !== null) fields.code_challenge = request.codeChallenge;
  if (request.codeChallengeMethod !== null) fields.code_challenge_method = request.codeChallengeMethod;
  return fields;
}

/** The user consented: stores a single-use code and returns the redirect carrying it. */
export async function approve(store: Store, request: AuthorizeRequest, userId: bigint, now = currentTime()): Promise<string> {
  const code = newOAuthSecret();
  await store.insertAuthorizationCode({
    codeHash: hashSecret(code), grantId: random().uuid(), clientId: request.client.clientId, userId,
    redirectUri: request.redirectUri, scope: formatScope(request.scopes), codeChallenge: request.codeChallenge,
    codeChallengeMethod: request.codeChallengeMethod, expiresAt: after(now, AUTHORIZATION_CODE_SECONDS),
  });
  return redirectTo(request.redirectUri, request.responseMode, { code, state: request.state });
}

/** The user declined (or the request cannot proceed): the redirect carrying the error. */
export function refuse(request: AuthorizeRequest, error: OAuthError): string {
  return errorRedirect(request.redirectUri, request.responseMode, request.state, error);
}
