// The OAuth authorization server end to end on a sandbox instance: the authorization-code flow
// with PKCE, the tokens on SOAP and REST, refresh-token rotation, the wrong-scope (3101) and
// revoked/unknown (105) paths, and a replayed code revoking what it produced.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { faultCodes, rest, soap } from '../../support/clients.js';
import { createTestTenant } from '../../support/fixtures.js';
import {
  authorizeAndConsent, authorizeUrl, codeFlow, consentForm, get, obtainTokens, pkcePair, postConsent, registerApp, signedIn,
  PRODUCTION_SCOPE, SANDBOX_SCOPE, tokenRequest, type App, type Browser,
} from '../../support/oauth.js';
import { CLI, SANDBOX_DEVELOPER_TOKEN, startServer, type RunningServer } from '../../support/server.js';

/** GetUser (current user) over SOAP and REST: 'ok' or the error codes. */
async function apiOutcome(server: RunningServer, token: string): Promise<{ soap: number[] | 'ok'; rest: number[] | 'ok' }> {
  const creds = { token, developerToken: SANDBOX_DEVELOPER_TOKEN };
  const s = await soap(server.soapUrl, 'GetUser', '<UserId i:nil="true"/>', creds);
  const r = await rest(server.url, 'POST', '/CustomerManagement/v13/User/Query', { UserId: null }, creds);
  const restErrors = ((r.body.Errors ?? r.body.OperationErrors ?? []) as Array<{ Code: number }>).map((e) => e.Code);
  return { soap: s.status === 200 ? 'ok' : faultCodes(s), rest: r.status === 200 ? 'ok' : restErrors };
}

describe('OAuth authorization code flow (sandbox)', () => {
  let server: RunningServer;
  let app: App;
  let browser: Browser;
  before(async () => {
    server = await startServer({ environment: 'sandbox' });
    app = await registerApp(server);
    browser = await signedIn(server);
  });
  after(async () => server?.stop());

  it('sends a signed-out browser to /signin with the authorize request as the return path', async () => {
    const params = { client_id: app.clientId, response_type: 'code', redirect_uri: app.redirectUri, scope: SANDBOX_SCOPE, state: 'x y' };
    const url = authorizeUrl(server, params);
    const res = await get(url);
    assert.equal(res.status, 302);
    const location = new URL(res.headers.get('location')!, server.url);
    assert.equal(location.pathname, '/signin');
    const back = location.searchParams.get('return')!;
    assert.equal(back, url.slice(server.url.length), 'the return path is relative, the request unchanged');
    // prompt=login asks for the sign-in page even when signed in, and does not ask again on return.
    const forced = await get(authorizeUrl(server, { ...params, prompt: 'login' }), browser.cookie);
    assert.equal(forced.status, 302);
    const forcedBack = new URL(forced.headers.get('location')!, server.url).searchParams.get('return')!;
    assert.equal(new URL(forcedBack, server.url).searchParams.get('prompt'), null);
    assert.equal(new URL(forcedBack, server.url).searchParams.get('client_id'), app.clientId);
  });

  it('signs in through /signin and comes back to consent; the code then redeems', async () => {
    const password = /password (\S+)/.exec(server.banner)![1]!;
    const { verifier, challenge } = pkcePair();
    const start = await get(authorizeUrl(server, {
      client_id: app.clientId, response_type: 'code', redirect_uri: app.redirectUri, scope: `${SANDBOX_SCOPE} offline_access`,
      state: 'via-signin', code_challenge: challenge, code_challenge_method: 'S256',
    }));
    const signInUrl = new URL(start.headers.get('location')!, server.url);
    const signInPage = await get(signInUrl.toString());
    assert.equal(signInPage.status, 200);
    const formCookie = signInPage.headers.getSetCookie().map((c) => c.split(';')[0]!).join('; ');
    const fields = consentForm(await signInPage.text()); // the hidden fields: csrf and return
    assert.equal(fields.return, signInUrl.searchParams.get('return'));
    const posted = await fetch(`${server.url}/signin`, {
      method: 'POST', redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: formCookie, Origin: server.url },
      body: new URLSearchParams({ ...fields, userName: 'admin@adcenter.local', password }).toString(),
    });
    assert.equal(posted.status, 303);
    const sessionCookie = posted.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.startsWith('adcenter_session='))!;
    const back = posted.headers.get('location')!;
    assert.match(back, /^\/common\/oauth2\/v2\.0\/authorize\?/);
    const consentPage = await get(`${server.url}${back}`, sessionCookie);
    assert.equal(consentPage.status, 200);
    const accepted = await fetch(`${server.url}/common/oauth2/v2.0/authorize`, {
      method: 'POST', redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: sessionCookie, Origin: server.url },
      body: new URLSearchParams({ ...consentForm(await consentPage.text()), decision: 'accept' }).toString(),
    });
    assert.equal(accepted.status, 302);
    const redirected = new URL(accepted.headers.get('location')!);
    assert.equal(redirected.searchParams.get('state'), 'via-signin');
    const tokens = await tokenRequest(server, {
      client_id: app.clientId, grant_type: 'authorization_code', code: redirected.searchParams.get('code')!,
      redirect_uri: app.redirectUri, code_verifier: verifier,
    });
    assert.equal(tokens.status, 200, JSON.stringify(tokens.body));
    assert.deepEqual(await apiOutcome(server, tokens.body.access_token as string), { soap: 'ok', rest: 'ok' });
  });

  it('shows the consent page with the app, the user and the permissions', async () => {
    const res = await get(authorizeUrl(server, {
      client_id: app.clientId, response_type: 'code', redirect_uri: app.redirectUri, scope: `${SANDBOX_SCOPE} offline_access`, state: '<s>',
    }), browser.cookie);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('x-frame-options'), 'DENY', 'the consent page cannot be framed (clickjacking)');
    assert.equal(res.headers.get('cache-control'), 'no-store');
    const page = await res.text();
    assert.match(page, /Test app/);
    assert.match(page, /admin@adcenter\.local/);
    assert.match(page, /Manage your Microsoft Advertising accounts/);
    assert.match(page, /refresh tokens/);
    assert.match(page, /http:\/\/localhost:5000/);
    assert.doesNotMatch(page, /<s>/, 'request values are escaped');
    assert.equal(consentForm(page).state, '<s>');
  });

  it('authorization code + PKCE (S256): the access token works on SOAP and REST, with a refresh token', async () => {
    const { code, verifier, location } = await codeFlow(server, browser, app, `${SANDBOX_SCOPE} offline_access`);
    assert.equal(`${location.origin}${location.pathname}`, app.redirectUri);
    assert.equal(location.searchParams.get('state'), 'st-1');
    assert.ok(code.length >= 40);
    const res = await tokenRequest(server, {
      client_id: app.clientId, grant_type: 'authorization_code', code, redirect_uri: app.redirectUri, code_verifier: verifier,
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.headers.get('cache-control'), 'no-store');
    assert.match(res.headers.get('content-type')!, /^application\/json/);
    assert.deepEqual(Object.keys(res.body).sort(), ['access_token', 'expires_in', 'ext_expires_in', 'refresh_token', 'scope', 'token_type']);
    assert.equal(res.body.token_type, 'Bearer');
    assert.equal(res.body.scope, `${SANDBOX_SCOPE} offline_access`);
    assert.equal(res.body.expires_in, 3600);
    assert.equal(res.body.ext_expires_in, 3600);
    assert.deepEqual(await apiOutcome(server, res.body.access_token as string), { soap: 'ok', rest: 'ok' });
  });

  it('issues no refresh token without offline_access; PKCE plain and no PKCE work too', async () => {
    const plain = pkcePair().verifier;
    const viaPlain = await authorizeAndConsent(server, browser, {
      client_id: app.clientId, response_type: 'code', redirect_uri: app.redirectUri, scope: SANDBOX_SCOPE,
      code_challenge: plain, code_challenge_method: 'plain',
    });
    const a = await tokenRequest(server, {
      client_id: app.clientId, grant_type: 'authorization_code', code: viaPlain.searchParams.get('code')!, redirect_uri: app.redirectUri, code_verifier: plain,
    });
    assert.equal(a.status, 200, JSON.stringify(a.body));
    assert.equal(a.body.refresh_token, undefined);
    assert.equal(a.body.scope, SANDBOX_SCOPE);
    const noPkce = await authorizeAndConsent(server, browser, { client_id: app.clientId, response_type: 'code', redirect_uri: app.redirectUri, scope: SANDBOX_SCOPE });
    assert.equal(noPkce.searchParams.get('state'), null, 'no state sent, none returned');
    const b = await tokenRequest(server, { client_id: app.clientId, grant_type: 'authorization_code', code: noPkce.searchParams.get('code')!, redirect_uri: app.redirectUri });
    assert.equal(b.status, 200, JSON.stringify(b.body));
    assert.deepEqual(await apiOutcome(server, b.body.access_token as string), { soap: 'ok', rest: 'ok' });
  });

  it('a native app may use any port on a registered loopback redirect URI; fragment response mode', async () => {
    const native = await registerApp(server, { redirectUris: ['http://127.0.0.1/auth'] });
    const location = await authorizeAndConsent(server, browser, {
      client_id: native.clientId, response_type: 'code', redirect_uri: 'http://127.0.0.1:53117/auth', scope: SANDBOX_SCOPE,
      response_mode: 'fragment', state: 'n',
    });
    assert.equal(`${location.origin}${location.pathname}`, 'http://127.0.0.1:53117/auth');
    const fragment = new URLSearchParams(location.hash.slice(1));
    assert.equal(fragment.get('state'), 'n');
    const res = await tokenRequest(server, {
      client_id: native.clientId, grant_type: 'authorization_code', code: fragment.get('code')!, redirect_uri: 'http://127.0.0.1:53117/auth',
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
  });

  it('refresh rotates: the new tokens work, the old refresh token no longer does; scope may narrow, not widen', async () => {
    const first = await obtainTokens(server, browser, app, `${SANDBOX_SCOPE} offline_access`);
    const oldRefresh = first.body.refresh_token as string;
    const refreshed = await tokenRequest(server, { client_id: app.clientId, grant_type: 'refresh_token', refresh_token: oldRefresh });
    assert.equal(refreshed.status, 200, JSON.stringify(refreshed.body));
    assert.equal(refreshed.headers.get('cache-control'), 'no-store');
    assert.equal(refreshed.body.scope, `${SANDBOX_SCOPE} offline_access`);
    assert.notEqual(refreshed.body.refresh_token, oldRefresh);
    assert.notEqual(refreshed.body.access_token, first.body.access_token);
    assert.deepEqual(await apiOutcome(server, refreshed.body.access_token as string), { soap: 'ok', rest: 'ok' });

    const wider = await tokenRequest(server, {
      client_id: app.clientId, grant_type: 'refresh_token', refresh_token: refreshed.body.refresh_token as string,
      scope: `${SANDBOX_SCOPE} offline_access ${PRODUCTION_SCOPE}`,
    });
    assert.equal(wider.status, 400);
    assert.equal(wider.body.error, 'invalid_grant');
    assert.deepEqual(wider.body.error_codes, [65001]);

    const narrower = await tokenRequest(server, {
      client_id: app.clientId, grant_type: 'refresh_token', refresh_token: refreshed.body.refresh_token as string, scope: SANDBOX_SCOPE,
    });
    assert.equal(narrower.status, 200, JSON.stringify(narrower.body));
    assert.equal(narrower.body.scope, SANDBOX_SCOPE);
    assert.equal(typeof narrower.body.refresh_token, 'string', 'the grant keeps offline_access');
    const next = await tokenRequest(server, { client_id: app.clientId, grant_type: 'refresh_token', refresh_token: narrower.body.refresh_token as string });
    assert.equal(next.status, 200, JSON.stringify(next.body));
    assert.equal(next.body.scope, `${SANDBOX_SCOPE} offline_access`, 'the successor carries the full granted scope');

    // Last: a replay of the rotated token revokes the whole grant (refresh-replay.test.ts).
    const again = await tokenRequest(server, { client_id: app.clientId, grant_type: 'refresh_token', refresh_token: oldRefresh });
    assert.equal(again.status, 400);
    assert.equal(again.body.error, 'invalid_grant');
    assert.deepEqual(again.body.error_codes, [50173]);
  });

  it('a token with another environment\'s or a legacy scope is issued, and the API answers 3101', async () => {
    const page = await (await get(authorizeUrl(server, {
      client_id: app.clientId, response_type: 'code', redirect_uri: app.redirectUri, scope: PRODUCTION_SCOPE,
    }), browser.cookie)).text();
    assert.match(page, /error 3101/, 'the consent page warns');
    for (const scope of [PRODUCTION_SCOPE, 'https://ads.microsoft.com/ads.manage offline_access', 'bingads.manage']) {
      const res = await obtainTokens(server, browser, app, scope);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.deepEqual(await apiOutcome(server, res.body.access_token as string), { soap: [3101], rest: [3101] }, scope);
    }
  });

  it('unknown and revoked tokens get 105; revoking a user\'s tokens also kills their refresh tokens', async () => {
    assert.deepEqual(await apiOutcome(server, 'sbx.not-a-token'), { soap: [105], rest: [105] });
    const store = await server.store();
    const other = await createTestTenant(store, 'sandbox', 'OAuth');
    const otherBrowser = await signedIn(server, other.user.id);
    const tokens = await obtainTokens(server, otherBrowser, app, `${SANDBOX_SCOPE} offline_access`);
    assert.deepEqual(await apiOutcome(server, tokens.body.access_token as string), { soap: 'ok', rest: 'ok' });
    assert.ok(await store.revokeUserTokens(other.user.id, new Date()) >= 2);
    assert.deepEqual(await apiOutcome(server, tokens.body.access_token as string), { soap: [105], rest: [105] });
    const refresh = await tokenRequest(server, { client_id: app.clientId, grant_type: 'refresh_token', refresh_token: tokens.body.refresh_token as string });
    assert.equal(refresh.body.error, 'invalid_grant');
  });

  it('a replayed code is refused (54005) and the tokens issued from it are revoked', async () => {
    const { code, verifier } = await codeFlow(server, browser, app, `${SANDBOX_SCOPE} offline_access`);
    const form = { client_id: app.clientId, grant_type: 'authorization_code', code, redirect_uri: app.redirectUri, code_verifier: verifier };
    const first = await tokenRequest(server, form);
    assert.equal(first.status, 200);
    const replay = await tokenRequest(server, form);
    assert.equal(replay.status, 400);
    assert.equal(replay.body.error, 'invalid_grant');
    assert.deepEqual(replay.body.error_codes, [54005]);
    assert.deepEqual(await apiOutcome(server, first.body.access_token as string), { soap: [105], rest: [105] });
    const refresh = await tokenRequest(server, { client_id: app.clientId, grant_type: 'refresh_token', refresh_token: first.body.refresh_token as string });
    assert.deepEqual(refresh.body.error_codes, [50173]);
  });

  it('the Python SDK\'s OAuthDesktopMobileAuthCodeGrant(env=\'sandbox\'), its endpoint table pointed at adcenter', async () => {
    // bingads/authorization.py, _UriOAuthService for (SANDBOX, MSA_PROD) — the sandbox default — with
    // 'https://login.microsoftonline.com' replaced by adcenter's base URL, as the README shows.
    const NATIVE = 'https://login.microsoftonline.com/common/oauth2/nativeclient';
    const native = await registerApp(server, { redirectUris: [NATIVE] });
    const quotePlus = (s: string): string => encodeURIComponent(s).replace(/%20/g, '+');
    const AUTHORIZE_URI = `${server.url}/common/oauth2/v2.0/authorize?client_id={0}&scope=https%3A%2F%2Fsi.ads.microsoft.com%2Fmsads.manage%20offline_access&response_type={1}&redirect_uri={2}`;
    const AUTH_TOKEN_URI = `${server.url}/common/oauth2/v2.0/token`;
    // get_authorization_endpoint(): str.format(...) + '&state=' + state
    const endpoint = `${AUTHORIZE_URI.replace('{0}', native.clientId).replace('{1}', 'code').replace('{2}', quotePlus(NATIVE))}&state=ClientStateGoesHere`;
    const page = await get(endpoint, browser.cookie);
    assert.equal(page.status, 200);
    const consented = await postConsent(server, browser, consentForm(await page.text()), 'accept');
    const responseUri = consented.headers.get('location')!;
    assert.ok(responseUri.startsWith(`${NATIVE}?code=`), responseUri);
    // request_oauth_tokens_by_response_uri(response_uri): requests.post(url, kwargs) — a form, client_secret dropped when None.
    const code = new URL(responseUri).searchParams.get('code')!;
    const post = async (kwargs: Record<string, string>): Promise<Record<string, unknown>> => {
      const res = await fetch(AUTH_TOKEN_URI.replace('common', kwargs.tenant!), {
        method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(kwargs).toString(),
      });
      assert.equal(res.status, 200); // r.raise_for_status()
      return (await res.json()) as Record<string, unknown>;
    };
    const tokens = await post({
      client_id: native.clientId, redirect_uri: NATIVE, grant_type: 'authorization_code', environment: 'sandbox', code,
      oauth_scope: 'msa.prod', tenant: 'common',
    });
    // OAuthTokens(r_json['access_token'], int(r_json['expires_in']), r_json['refresh_token'], r_json)
    assert.equal(Number.parseInt(String(tokens.expires_in), 10), 3600);
    assert.equal(typeof tokens.refresh_token, 'string');
    assert.deepEqual(await apiOutcome(server, tokens.access_token as string), { soap: 'ok', rest: 'ok' });
    // request_oauth_tokens_by_refresh_token(refresh_token)
    const refreshed = await post({
      client_id: native.clientId, grant_type: 'refresh_token', refresh_token: tokens.refresh_token as string, environment: 'sandbox',
      scope: 'https://si.ads.microsoft.com/msads.manage offline_access', oauth_scope: 'msa.prod', tenant: 'common',
    });
    assert.deepEqual(await apiOutcome(server, refreshed.access_token as string), { soap: 'ok', rest: 'ok' });
  });

  it('`adcenter app register --confidential` prints a client id and a secret that the token endpoint accepts', async () => {
    const run = promisify(execFile);
    const { stdout } = await run(process.execPath, [CLI, 'app', 'register', '--data', server.dataDir, '--name', 'CLI web app',
      '--redirect-uri', 'https://app.example/signin-oauth', '--redirect-uri', 'http://localhost/cb', '--confidential']);
    const printed = Object.fromEntries(stdout.trim().split('\n').map((l) => l.split('=') as [string, string]));
    assert.match(printed.client_id!, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    assert.ok(printed.client_secret!.length >= 40);
    const cliApp: App = { clientId: printed.client_id!, clientSecret: printed.client_secret!, redirectUri: 'https://app.example/signin-oauth' };
    const { code, verifier } = await codeFlow(server, browser, cliApp, SANDBOX_SCOPE);
    const res = await tokenRequest(server, {
      client_id: cliApp.clientId, client_secret: cliApp.clientSecret!, grant_type: 'authorization_code', code,
      redirect_uri: cliApp.redirectUri, code_verifier: verifier,
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    await assert.rejects(run(process.execPath, [CLI, 'app', 'register', '--data', server.dataDir, '--name', 'Bad', '--redirect-uri', 'http://example.com/cb']),
      /http is allowed only for/);
  });

  it('two concurrent redemptions of one code: exactly one succeeds', async () => {
    const { code, verifier } = await codeFlow(server, browser, app, SANDBOX_SCOPE);
    const form = { client_id: app.clientId, grant_type: 'authorization_code', code, redirect_uri: app.redirectUri, code_verifier: verifier };
    const results = await Promise.all([tokenRequest(server, form), tokenRequest(server, form)]);
    assert.deepEqual(results.map((r) => r.status).sort(), [200, 400]);
  });
});
