// adcenter-client refreshes an expired access token (109) at adcenter's own OAuth token endpoint
// and retries the call once, over REST and SOAP; the rotated refresh token reaches onTokens, and
// the old one no longer works (rotation). A refused refresh surfaces as OAuthRefreshError.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AdApiError, OAuthRefreshError, type RefreshedTokens } from 'adcenter-client';
import { obtainTokens, registerApp, signedIn, tokenRequest, SANDBOX_SCOPE, type App, type Browser } from '../../support/oauth.js';
import { startServer, type RunningServer } from '../../support/server.js';
import { demoUserId } from '../../support/oauth.js';
import { PROTOCOLS, sdkClient } from '../../support/sdk-client.js';

describe('adcenter-client: token refresh on 109', () => {
  let server: RunningServer;
  let app: App;
  let browser: Browser;
  before(async () => {
    server = await startServer({ environment: 'sandbox', args: ['--access-token-lifetime', '2'] });
    app = await registerApp(server);
    browser = await signedIn(server);
  });
  after(async () => { await server?.stop(); });

  const expiredTokens = async (): Promise<{ access: string; refresh: string }> => {
    const tokens = await obtainTokens(server, browser, app, `${SANDBOX_SCOPE} offline_access`);
    assert.equal(tokens.status, 200, JSON.stringify(tokens.body));
    await new Promise((r) => setTimeout(r, 2600));
    return { access: tokens.body.access_token as string, refresh: tokens.body.refresh_token as string };
  };

  for (const protocol of PROTOCOLS) {
    it(`${protocol}: an expired token gets 109 without oauth, and is refreshed and the call retried with it`, async () => {
      const { access, refresh } = await expiredTokens();
      const plain = sdkClient(server, protocol, access);
      const refused = await plain.getUser().then(() => undefined, (e: unknown) => e);
      assert.ok(refused instanceof AdApiError && refused.has(109), String(refused));

      const seen: RefreshedTokens[] = [];
      const client = sdkClient(server, protocol, access, {
        oauth: { clientId: app.clientId, refreshToken: refresh, tokenUrl: `${server.url}/common/oauth2/v2.0/token`, onTokens: (t) => { seen.push(t); } },
      });
      const r = await client.getUser();
      assert.equal(r.User?.Id, (await demoUserId(server)).toString());
      assert.equal(seen.length, 1);
      assert.notEqual(seen[0]!.refreshToken, refresh, 'the refresh token was rotated');
      assert.equal(seen[0]!.expiresIn, 2);
      assert.equal(client.currentAccessToken, seen[0]!.accessToken);
      // Rotation: the new refresh token works; the old one is spent (presenting it again revokes the grant).
      const next = await tokenRequest(server, { client_id: app.clientId, grant_type: 'refresh_token', refresh_token: seen[0]!.refreshToken });
      assert.equal(next.status, 200);
      const old = await tokenRequest(server, { client_id: app.clientId, grant_type: 'refresh_token', refresh_token: refresh });
      assert.equal(old.status, 400);
    });
  }

  it('with only oauth (no access token) the client gets one first; a refused refresh is an OAuthRefreshError', async () => {
    const tokens = await obtainTokens(server, browser, app, `${SANDBOX_SCOPE} offline_access`);
    const client = sdkClient(server, 'rest', undefined, {
      oauth: { clientId: app.clientId, refreshToken: tokens.body.refresh_token as string, tokenUrl: `${server.url}/common/oauth2/v2.0/token` },
    });
    assert.ok((await client.getCurrentUser()).User?.Id);
    const bad = sdkClient(server, 'rest', undefined, {
      oauth: { clientId: app.clientId, refreshToken: 'not-a-refresh-token', tokenUrl: `${server.url}/common/oauth2/v2.0/token` },
    });
    const err = await bad.getCurrentUser().then(() => undefined, (e: unknown) => e);
    assert.ok(err instanceof OAuthRefreshError, String(err));
    assert.equal(err.error, 'invalid_grant');
    assert.equal(err.httpStatus, 400);
  });
});
