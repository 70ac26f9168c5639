// Every way an authorization or token request can fail, and what the app (or the user) sees:
// the identity platform's JSON errors at the token endpoint, errors redirected back to a
// registered redirect URI, an error page (never a redirect) for unknown apps and unregistered
// URIs, and a refused consent post without this site's origin and the session's CSRF token.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { hashSecret } from '../../../src/domain/credentials.js';
import {
  authorizeAndConsent, authorizeUrl, codeFlow, consentForm, get, pkcePair, postConsent, registerApp, signedIn,
  SANDBOX_SCOPE, tokenRequest, type App, type Browser, type TokenResult,
} from '../../support/oauth.js';
import { startServer, type RunningServer } from '../../support/server.js';

function assertOAuthError(res: TokenResult, status: number, error: string, code: number): void {
  assert.equal(res.status, status, JSON.stringify(res.body));
  assert.equal(res.body.error, error);
  assert.deepEqual(res.body.error_codes, [code]);
  assert.match(res.body.error_description as string, new RegExp(`^AADSTS${code}: .+ Trace ID: [0-9a-f-]{36} Correlation ID: [0-9a-f-]{36} Timestamp: `));
  assert.match(res.body.timestamp as string, /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ$/);
  assert.match(res.body.trace_id as string, /^[0-9a-f-]{36}$/);
  assert.equal(res.headers.get('cache-control'), 'no-store');
  assert.equal(res.body.access_token, undefined);
}

describe('OAuth errors', () => {
  let server: RunningServer;
  let app: App;
  let web: App;
  let browser: Browser;
  before(async () => {
    server = await startServer({ environment: 'sandbox' });
    app = await registerApp(server);
    web = await registerApp(server, { confidential: true, redirectUris: ['https://app.example/callback'] });
    browser = await signedIn(server);
  });
  after(async () => server?.stop());

  const base = (a: App): Record<string, string> => ({ client_id: a.clientId, response_type: 'code', redirect_uri: a.redirectUri, scope: SANDBOX_SCOPE, state: 'st' });

  describe('token endpoint', () => {
    it('an unknown code, another app\'s code, an expired code (invalid_grant)', async () => {
      const form = { client_id: app.clientId, grant_type: 'authorization_code', redirect_uri: app.redirectUri };
      const unknown = await tokenRequest(server, { ...form, code: 'not-a-code' }, { headers: { 'client-request-id': 'AAAAAAAA-1111-2222-3333-444444444444' } });
      assertOAuthError(unknown, 400, 'invalid_grant', 70000);
      assert.equal(unknown.body.correlation_id, 'aaaaaaaa-1111-2222-3333-444444444444', 'the client-request-id is the correlation id');

      const { code } = await codeFlow(server, browser, app, SANDBOX_SCOPE);
      const other = await registerApp(server);
      assertOAuthError(await tokenRequest(server, { ...form, client_id: other.clientId, code }), 400, 'invalid_grant', 70000);

      const store = await server.store();
      const expired = 'an-expired-code-for-this-test';
      await store.insertAuthorizationCode({
        codeHash: hashSecret(expired), grantId: 'g-expired', clientId: app.clientId, userId: browser.userId, redirectUri: app.redirectUri,
        scope: SANDBOX_SCOPE, codeChallenge: null, codeChallengeMethod: null, expiresAt: new Date(Date.now() - 1000),
      });
      assertOAuthError(await tokenRequest(server, { ...form, code: expired }), 400, 'invalid_grant', 70008);
    });

    it('a redirect_uri other than the authorize one (500112), or none (900144)', async () => {
      const { code, verifier } = await codeFlow(server, browser, app, SANDBOX_SCOPE);
      const form = { client_id: app.clientId, grant_type: 'authorization_code', code, code_verifier: verifier };
      assertOAuthError(await tokenRequest(server, { ...form, redirect_uri: 'http://localhost:5000/other' }), 400, 'invalid_grant', 500112);
      assertOAuthError(await tokenRequest(server, form), 400, 'invalid_request', 900144);
      // The failed attempts did not burn the code.
      assert.equal((await tokenRequest(server, { ...form, redirect_uri: app.redirectUri })).status, 200);
    });

    it('PKCE: a missing verifier (501481), a wrong one (50148), a verifier without a challenge (50148)', async () => {
      const { code } = await codeFlow(server, browser, app, SANDBOX_SCOPE);
      const form = { client_id: app.clientId, grant_type: 'authorization_code', code, redirect_uri: app.redirectUri };
      assertOAuthError(await tokenRequest(server, form), 400, 'invalid_grant', 501481);
      assertOAuthError(await tokenRequest(server, { ...form, code_verifier: pkcePair().verifier }), 400, 'invalid_grant', 50148);
      assertOAuthError(await tokenRequest(server, { ...form, code_verifier: 'short' }), 400, 'invalid_grant', 50148);
      const plain = await authorizeAndConsent(server, browser, base(app));
      assertOAuthError(await tokenRequest(server, { ...form, code: plain.searchParams.get('code')!, code_verifier: pkcePair().verifier }), 400, 'invalid_grant', 50148);
    });

    it('client authentication: confidential apps need their secret (401 invalid_client); public apps must not send one', async () => {
      const issue = async (): Promise<Record<string, string>> => {
        const location = await authorizeAndConsent(server, browser, base(web));
        return { client_id: web.clientId, grant_type: 'authorization_code', code: location.searchParams.get('code')!, redirect_uri: web.redirectUri };
      };
      const form = await issue();
      const missing = await tokenRequest(server, form);
      assertOAuthError(missing, 401, 'invalid_client', 7000218);
      assertOAuthError(await tokenRequest(server, { ...form, client_secret: 'wrong' }), 401, 'invalid_client', 7000215);
      const basicWrong = await tokenRequest(server, { ...form, client_id: '' }, {
        headers: { Authorization: `Basic ${Buffer.from(`${web.clientId}:wrong`).toString('base64')}` },
      });
      assert.equal(basicWrong.status, 401);
      assert.match(basicWrong.headers.get('www-authenticate')!, /^Basic /);
      assert.equal((await tokenRequest(server, { ...form, client_secret: web.clientSecret! })).status, 200);
      const viaBasic = await tokenRequest(server, { ...(await issue()), client_id: '' }, {
        headers: { Authorization: `Basic ${Buffer.from(`${encodeURIComponent(web.clientId)}:${encodeURIComponent(web.clientSecret!)}`).toString('base64')}` },
      });
      assert.equal(viaBasic.status, 200, JSON.stringify(viaBasic.body));

      const { code, verifier } = await codeFlow(server, browser, app, SANDBOX_SCOPE);
      assertOAuthError(await tokenRequest(server, {
        client_id: app.clientId, grant_type: 'authorization_code', code, redirect_uri: app.redirectUri, code_verifier: verifier, client_secret: 'x',
      }), 401, 'invalid_client', 700025);
    });

    it('an unknown client (unauthorized_client 700016), an unsupported or missing grant, an unknown tenant, repeated parameters', async () => {
      assertOAuthError(await tokenRequest(server, { client_id: '00000000-0000-0000-0000-000000000000', grant_type: 'authorization_code', code: 'c', redirect_uri: 'http://localhost/x' }), 400, 'unauthorized_client', 700016);
      for (const grant of ['password', 'client_credentials', 'urn:ietf:params:oauth:grant-type:device_code', 'implicit']) {
        assertOAuthError(await tokenRequest(server, { client_id: app.clientId, grant_type: grant }), 400, 'unsupported_grant_type', 70003);
      }
      assertOAuthError(await tokenRequest(server, { client_id: app.clientId }), 400, 'invalid_request', 900144);
      assertOAuthError(await tokenRequest(server, { grant_type: 'refresh_token', refresh_token: 'x' }), 400, 'invalid_request', 900144);
      assertOAuthError(await tokenRequest(server, { client_id: app.clientId, grant_type: 'refresh_token', refresh_token: 'x' }, { tenant: 'contoso.example' }), 400, 'invalid_request', 90002);
      const repeated = await fetch(`${server.url}/common/oauth2/v2.0/token`, {
        method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: `client_id=${app.clientId}&grant_type=refresh_token&refresh_token=a&refresh_token=b`,
      });
      assert.equal(repeated.status, 400);
      assert.equal(((await repeated.json()) as { error: string }).error, 'invalid_request');
    });

    it('scopes: an unknown scope is invalid_scope (70011); a refresh token that is unknown or of another app is invalid_grant', async () => {
      const location = await authorizeAndConsent(server, browser, { ...base(app), scope: `${SANDBOX_SCOPE} offline_access` });
      const tokens = await tokenRequest(server, { client_id: app.clientId, grant_type: 'authorization_code', code: location.searchParams.get('code')!, redirect_uri: app.redirectUri });
      const refresh = tokens.body.refresh_token as string;
      assertOAuthError(await tokenRequest(server, { client_id: app.clientId, grant_type: 'refresh_token', refresh_token: refresh, scope: 'https://graph.microsoft.com/User.Read' }), 400, 'invalid_scope', 70011);
      const other = await registerApp(server);
      assertOAuthError(await tokenRequest(server, { client_id: other.clientId, grant_type: 'refresh_token', refresh_token: refresh }), 400, 'invalid_grant', 9002313);
      assertOAuthError(await tokenRequest(server, { client_id: app.clientId, grant_type: 'refresh_token', refresh_token: 'unknown' }), 400, 'invalid_grant', 9002313);
      assert.equal((await tokenRequest(server, { client_id: app.clientId, grant_type: 'refresh_token', refresh_token: refresh })).status, 200, 'failed attempts do not spend it');
    });
  });

  describe('authorize endpoint', () => {
    async function assertErrorPage(res: Response, code: number): Promise<void> {
      assert.equal(res.status, 400);
      assert.equal(res.headers.get('location'), null, 'never a redirect');
      assert.match(res.headers.get('content-type')!, /^text\/html/);
      assert.match(await res.text(), new RegExp(`AADSTS${code}`));
    }

    it('an unknown app, a missing or unregistered redirect URI, an unknown tenant: an error page with 400', async () => {
      await assertErrorPage(await get(authorizeUrl(server, { ...base(app), client_id: '11111111-2222-3333-4444-555555555555' }), browser.cookie), 700016);
      await assertErrorPage(await get(authorizeUrl(server, { ...base(app), redirect_uri: 'https://evil.example/steal' }), browser.cookie), 50011);
      await assertErrorPage(await get(authorizeUrl(server, { ...base(app), redirect_uri: 'http://localhost:5000/callback/../x' }), browser.cookie), 50011);
      const { redirect_uri: _r, ...noRedirect } = base(app);
      await assertErrorPage(await get(authorizeUrl(server, noRedirect), browser.cookie), 900144);
      const { client_id: _c, ...noClient } = base(app);
      await assertErrorPage(await get(authorizeUrl(server, noClient)), 900144);
      await assertErrorPage(await get(authorizeUrl(server, base(app), 'contoso'), browser.cookie), 90002);
      // Even when signed out, a bad redirect URI is never followed.
      await assertErrorPage(await get(authorizeUrl(server, { ...base(app), redirect_uri: 'https://evil.example/' })), 50011);
    });

    async function redirectedError(params: Record<string, string>, cookie: string | null = browser.cookie): Promise<URLSearchParams> {
      const res = await get(authorizeUrl(server, params), cookie ?? undefined);
      assert.equal(res.status, 302);
      const location = new URL(res.headers.get('location')!);
      assert.equal(`${location.origin}${location.pathname}`, app.redirectUri);
      assert.equal(location.searchParams.get('code'), null);
      return location.searchParams;
    }

    it('other problems go back to the app with error, error_description and state (RFC 6749 §4.1.2.1)', async () => {
      const { response_type: _t, ...noType } = base(app);
      const missingType = await redirectedError(noType);
      assert.equal(missingType.get('error'), 'invalid_request');
      assert.match(missingType.get('error_description')!, /^AADSTS900144: .*response_type/);
      assert.equal(missingType.get('state'), 'st');
      const implicit = await redirectedError({ ...base(app), response_type: 'token' });
      assert.equal(implicit.get('error'), 'unsupported_response_type');
      assert.equal(implicit.get('state'), 'st');
      assert.equal((await redirectedError({ ...base(app), scope: 'openid profile' })).get('error'), 'invalid_scope');
      assert.equal((await redirectedError({ ...base(app), scope: `${SANDBOX_SCOPE} User.Read` })).get('error'), 'invalid_scope');
      const { scope: _s, ...noScope } = base(app);
      assert.equal((await redirectedError(noScope)).get('error'), 'invalid_request');
      assert.equal((await redirectedError({ ...base(app), code_challenge: pkcePair().challenge, code_challenge_method: 'S512' })).get('error'), 'invalid_request');
      assert.equal((await redirectedError({ ...base(app), code_challenge_method: 'S256' })).get('error'), 'invalid_request');
      assert.equal((await redirectedError({ ...base(app), code_challenge: 'too-short' })).get('error'), 'invalid_request');
      const silentOut = await redirectedError({ ...base(app), prompt: 'none' }, null);
      assert.equal(silentOut.get('error'), 'login_required');
      assert.equal((await redirectedError({ ...base(app), prompt: 'none' })).get('error'), 'consent_required');
      // Errors are checked before sign-in: a signed-out user is not asked to sign in for a broken request.
      assert.equal((await redirectedError({ ...base(app), response_type: 'id_token' }, null)).get('error'), 'unsupported_response_type');
    });

    it('Cancel on the consent page returns access_denied with the state', async () => {
      const page = await get(authorizeUrl(server, base(app)), browser.cookie);
      const res = await postConsent(server, browser, consentForm(await page.text()), 'cancel');
      assert.equal(res.status, 302);
      const location = new URL(res.headers.get('location')!);
      assert.equal(location.searchParams.get('error'), 'access_denied');
      assert.match(location.searchParams.get('error_description')!, /^AADSTS65004/);
      assert.equal(location.searchParams.get('state'), 'st');
      assert.equal(location.searchParams.get('code'), null);
    });

    it('a consent post without this site\'s origin, the session\'s CSRF token or a session is refused (403)', async () => {
      const page = await get(authorizeUrl(server, base(app)), browser.cookie);
      const fields = consentForm(await page.text());
      for (const [label, res] of [
        ['no Origin/Referer', await postConsent(server, browser, fields, 'accept', { origin: null })],
        ['another origin', await postConsent(server, browser, fields, 'accept', { origin: 'https://evil.example' })],
        ['no CSRF token', await postConsent(server, browser, { ...fields, csrf: '' }, 'accept')],
        ['another session\'s CSRF token', await postConsent(server, browser, { ...fields, csrf: (await signedIn(server)).csrf }, 'accept')],
        ['no session', await postConsent(server, { ...browser, cookie: '' }, fields, 'accept')],
      ] as const) {
        assert.equal(res.status, 403, label);
        assert.equal(res.headers.get('location'), null, label);
      }
    });

    it('the consent post is validated again: a tampered redirect URI gets the error page', async () => {
      const page = await get(authorizeUrl(server, base(app)), browser.cookie);
      const fields = { ...consentForm(await page.text()), redirect_uri: 'https://evil.example/cb' };
      const res = await postConsent(server, browser, fields, 'accept');
      await assertErrorPage(res, 50011);
    });
  });
});
