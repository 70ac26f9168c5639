// Access-token expiry (109) and refresh on a sandbox instance issuing one-second tokens, and a
// production instance beside it: its own flow and scope, and no credential of one environment
// (code, access token, refresh token) accepted by the other.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { faultCodes, rest, soap } from '../../support/clients.js';
import {
  codeFlow, consentForm, obtainTokens, postConsent, registerApp, signedIn, PRODUCTION_SCOPE, SANDBOX_SCOPE, tokenRequest, type App, type Browser,
} from '../../support/oauth.js';
import { SANDBOX_DEVELOPER_TOKEN, startServer, type RunningServer } from '../../support/server.js';

type Outcome = number[] | 'ok';

async function soapOutcome(server: RunningServer, token: string, developerToken: string): Promise<Outcome> {
  const s = await soap(server.soapUrl, 'GetUser', '<UserId i:nil="true"/>', { token, developerToken });
  return s.status === 200 ? 'ok' : faultCodes(s);
}

async function restOutcome(server: RunningServer, token: string, developerToken: string): Promise<Outcome> {
  const r = await rest(server.url, 'POST', '/CustomerManagement/v13/User/Query', { UserId: null }, { token, developerToken });
  return r.status === 200 ? 'ok' : ((r.body.Errors ?? r.body.OperationErrors ?? []) as Array<{ Code: number }>).map((e) => e.Code);
}

describe('OAuth across environments and time', () => {
  let sandbox: RunningServer;
  let production: RunningServer;
  let productionDeveloperToken: string;
  let sandboxApp: App;
  let productionApp: App;
  let sandboxBrowser: Browser;
  let productionBrowser: Browser;
  before(async () => {
    [sandbox, production] = await Promise.all([
      startServer({ environment: 'sandbox', args: ['--access-token-lifetime', '1'] }),
      startServer({ environment: 'production' }),
    ]);
    productionDeveloperToken = /developer token\s+(\S+)/.exec(production.banner)![1]!;
    sandboxApp = await registerApp(sandbox);
    productionApp = await registerApp(production);
    sandboxBrowser = await signedIn(sandbox);
    productionBrowser = await signedIn(production);
  });
  after(async () => Promise.all([sandbox?.stop(), production?.stop()]));

  it('an expired access token gets 109 on SOAP and REST; the refreshed one works again', async () => {
    const tokens = await obtainTokens(sandbox, sandboxBrowser, sandboxApp, `${SANDBOX_SCOPE} offline_access`);
    assert.equal(tokens.status, 200, JSON.stringify(tokens.body));
    assert.equal(tokens.body.expires_in, 1);
    await new Promise((r) => setTimeout(r, 2000));
    const expired = tokens.body.access_token as string;
    assert.deepEqual(await soapOutcome(sandbox, expired, SANDBOX_DEVELOPER_TOKEN), [109]);
    assert.deepEqual(await restOutcome(sandbox, expired, SANDBOX_DEVELOPER_TOKEN), [109]);
    // What the SDKs do on 109: refresh, then retry (each check right after its own refresh: tokens live one second).
    const first = await tokenRequest(sandbox, { client_id: sandboxApp.clientId, grant_type: 'refresh_token', refresh_token: tokens.body.refresh_token as string });
    assert.equal(first.status, 200, JSON.stringify(first.body));
    assert.equal(await soapOutcome(sandbox, first.body.access_token as string, SANDBOX_DEVELOPER_TOKEN), 'ok');
    const second = await tokenRequest(sandbox, { client_id: sandboxApp.clientId, grant_type: 'refresh_token', refresh_token: first.body.refresh_token as string });
    assert.equal(await restOutcome(sandbox, second.body.access_token as string, SANDBOX_DEVELOPER_TOKEN), 'ok');
  });

  it('production issues tokens for its own scope; a sandbox-scope token there gets 3101', async () => {
    const tokens = await obtainTokens(production, productionBrowser, productionApp, `${PRODUCTION_SCOPE} offline_access`);
    assert.equal(tokens.status, 200, JSON.stringify(tokens.body));
    assert.equal(tokens.body.expires_in, 3600);
    const token = tokens.body.access_token as string;
    assert.match(token, /^prd\./);
    assert.equal(await soapOutcome(production, token, productionDeveloperToken), 'ok');
    assert.equal(await restOutcome(production, token, productionDeveloperToken), 'ok');
    const wrong = await obtainTokens(production, productionBrowser, productionApp, SANDBOX_SCOPE);
    assert.deepEqual(await soapOutcome(production, wrong.body.access_token as string, productionDeveloperToken), [3101]);
  });

  it('the PHP REST SDK\'s OAuthWebAuthCodeGrant (production, msads.manage, tenant common), URLs pointed at adcenter', async () => {
    // src/Auth/UriOAuthService.php, PRODUCTION_MS_IDENTITY_V_2_MS_SCOPE, with login.microsoftonline.com replaced.
    const web = await registerApp(production, { confidential: true, redirectUris: ['https://php.example/oauth/callback'] });
    const authorizationEndpointUrl = `${production.url}/common/oauth2/v2.0/authorize?scope=https%3A%2F%2Fads.microsoft.com%2Fmsads.manage%20offline_access`;
    const oauthTokenUrl = `${production.url}/common/oauth2/v2.0/token`;
    // GetAuthorizationEndpoint(): sprintf("%s&client_id=%s&response_type=%s&redirect_uri=%s", …, rawurlencode($redirectUri)) . "&state=" . $state
    const endpoint = `${authorizationEndpointUrl}&client_id=${web.clientId}&response_type=code&redirect_uri=${encodeURIComponent(web.redirectUri)}&state=php-state`;
    const page = await fetch(endpoint, { redirect: 'manual', headers: { Cookie: productionBrowser.cookie } });
    assert.equal(page.status, 200);
    const consented = await postConsent(production, productionBrowser, consentForm(await page.text()), 'accept');
    const responseUri = new URL(consented.headers.get('location')!);
    assert.equal(responseUri.searchParams.get('state'), 'php-state');
    // GetAccessTokens(): Guzzle form_params in this order, Accept: application/json.
    const post = async (params: Array<[string, string]>): Promise<Record<string, unknown>> => {
      const res = await fetch(oauthTokenUrl, {
        method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
        body: new URLSearchParams(params).toString(),
      });
      const json = (await res.json()) as Record<string, unknown>;
      assert.equal(res.status, 200, JSON.stringify(json));
      return json;
    };
    const scope = 'https://ads.microsoft.com/msads.manage offline_access';
    const tokens = await post([
      ['client_id', web.clientId], ['grant_type', 'authorization_code'], ['code', responseUri.searchParams.get('code')!],
      ['scope', scope], ['redirect_uri', web.redirectUri], ['client_secret', web.clientSecret!],
    ]);
    assert.equal(tokens.expires_in, 3600);
    assert.equal(await restOutcome(production, tokens.access_token as string, productionDeveloperToken), 'ok');
    // RequestOAuthTokensByRefreshToken(): no redirect_uri.
    const refreshed = await post([
      ['client_id', web.clientId], ['grant_type', 'refresh_token'], ['refresh_token', tokens.refresh_token as string],
      ['scope', scope], ['client_secret', web.clientSecret!],
    ]);
    assert.equal(await soapOutcome(production, refreshed.access_token as string, productionDeveloperToken), 'ok');
  });

  it('a code, access token or refresh token of the sandbox is worthless on production', async () => {
    const { code, verifier } = await codeFlow(sandbox, sandboxBrowser, sandboxApp, `${SANDBOX_SCOPE} offline_access`);
    const form = { client_id: sandboxApp.clientId, grant_type: 'authorization_code', code, redirect_uri: sandboxApp.redirectUri, code_verifier: verifier };
    // The app is unknown there...
    const unknownApp = await tokenRequest(production, form);
    assert.equal(unknownApp.body.error, 'unauthorized_client');
    // ...and even registered under the same client id, the code is not.
    const prodStore = await production.store();
    await prodStore.insertOAuthClient({
      clientId: sandboxApp.clientId, name: 'Same id', redirectUris: [sandboxApp.redirectUri], confidential: false, secretHash: null,
      ownerUserId: productionBrowser.userId,
    });
    const wrongServer = await tokenRequest(production, form);
    assert.equal(wrongServer.status, 400);
    assert.equal(wrongServer.body.error, 'invalid_grant');
    assert.deepEqual(wrongServer.body.error_codes, [70000]);

    const tokens = await tokenRequest(sandbox, form);
    assert.equal(tokens.status, 200, 'the code still works where it was issued');
    assert.deepEqual(await soapOutcome(production, tokens.body.access_token as string, productionDeveloperToken), [105]);
    const refresh = await tokenRequest(production, { client_id: sandboxApp.clientId, grant_type: 'refresh_token', refresh_token: tokens.body.refresh_token as string });
    assert.equal(refresh.body.error, 'invalid_grant');
  });
});
