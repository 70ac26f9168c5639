// The OAuth authorize → sign-in → consent → redirect flow in a real browser, as a user of an app
// built on the official SDKs goes through it; the app side (the code exchange and the API call)
// is done with fetch, as the SDK would.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { browserSkipReason, launchBrowser } from '../support/browser.js';
import { rest } from '../support/clients.js';
import { authorizeUrl, pkcePair, registerApp, SANDBOX_SCOPE, type App } from '../support/oauth.js';
import { screenshot } from '../support/screens.js';
import { SANDBOX_DEVELOPER_TOKEN, startServer, type RunningServer } from '../support/server.js';


describe('web: OAuth consent in a browser', { skip: browserSkipReason() }, () => {
  let server: RunningServer;
  let browser: Browser;
  let app: App;
  let password: string;
  // The app's side: a loopback HTTP server receiving the redirect, as a native app does.
  let appServer: Server;
  let CALLBACK: string;
  let callbacks: URL[] = [];

  before(async () => {
    appServer = createServer((req, res) => {
      const url = new URL(req.url ?? '/', CALLBACK);
      if (url.pathname === '/callback') callbacks.push(url); // not the browser's /favicon.ico
      res.writeHead(200, { 'Content-Type': 'text/plain' }).end('back in the app');
    });
    await new Promise<void>((resolve) => appServer.listen(0, '127.0.0.1', resolve));
    CALLBACK = `http://127.0.0.1:${(appServer.address() as AddressInfo).port}/callback`;
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    password = /password (\S+)/.exec(server.banner)![1]!;
    app = await registerApp(server, { redirectUris: [CALLBACK] });
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
    appServer?.close();
  });

  async function freshPage(): Promise<{ page: Page; callbacks: URL[] }> {
    callbacks = [];
    const context = await browser.newContext();
    return { page: await context.newPage(), get callbacks() { return callbacks; } };
  }

  async function signInThroughAuthorize(page: Page, params: Record<string, string>): Promise<void> {
    await page.goto(authorizeUrl(server, params));
    // Signed out: the authorize endpoint sends the browser to the sign-in page, which comes back.
    assert.equal(new URL(page.url()).pathname, '/signin');
    await page.fill('#userName', 'admin@adcenter.local');
    await page.fill('#password', password);
    await Promise.all([page.waitForURL(/\/oauth2\/v2\.0\/authorize/), page.click('button[type=submit]')]);
  }

  it('sign-in, consent, code with PKCE, token, and an API call with that token', async () => {
    const { page, callbacks } = await freshPage();
    const { verifier, challenge } = pkcePair();
    await signInThroughAuthorize(page, {
      client_id: app.clientId, response_type: 'code', redirect_uri: CALLBACK, state: 'state-123',
      scope: `${SANDBOX_SCOPE} offline_access`, code_challenge: challenge, code_challenge_method: 'S256',
    });
    const body = await page.textContent('main') ?? '';
    assert.match(body, /Test app/);
    assert.match(body, /admin@adcenter\.local/);
    await screenshot(page, 'oauth-consent');

    await Promise.all([page.waitForURL(`${CALLBACK}**`), page.click('button[value=accept]')]);
    assert.equal(callbacks.length, 1);
    const code = callbacks[0]!.searchParams.get('code');
    assert.equal(callbacks[0]!.searchParams.get('state'), 'state-123');
    assert.ok(code);

    const tokenResponse = await fetch(`${server.url}/common/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        client_id: app.clientId, grant_type: 'authorization_code', code, redirect_uri: CALLBACK, code_verifier: verifier,
      }).toString(),
    });
    assert.equal(tokenResponse.status, 200);
    const tokens = await tokenResponse.json() as { access_token: string; refresh_token?: string; token_type: string };
    assert.equal(tokens.token_type, 'Bearer');
    assert.ok(tokens.refresh_token, 'offline_access was granted');

    const me = await rest(server.url, 'POST', '/CustomerManagement/v13/CurrentUser/Query', {},
      { token: tokens.access_token, developerToken: SANDBOX_DEVELOPER_TOKEN });
    assert.equal(me.status, 200);
    assert.equal((me.body.User as { UserName: string }).UserName, 'admin@adcenter.local');
  });

  it('Cancel on the consent page sends the user back to the app with access_denied and no code', async () => {
    const { page, callbacks } = await freshPage();
    await signInThroughAuthorize(page, {
      client_id: app.clientId, response_type: 'code', redirect_uri: CALLBACK, state: 'state-456', scope: SANDBOX_SCOPE,
    });
    await Promise.all([page.waitForURL(`${CALLBACK}**`), page.click('button[value=cancel]')]);
    assert.equal(callbacks.length, 1);
    assert.equal(callbacks[0]!.searchParams.get('error'), 'access_denied');
    assert.equal(callbacks[0]!.searchParams.get('state'), 'state-456');
    assert.equal(callbacks[0]!.searchParams.get('code'), null);
  });

  it('an unregistered redirect URI is shown as an error page and never followed', async () => {
    const { page, callbacks } = await freshPage();
    const response = await page.goto(authorizeUrl(server, {
      client_id: app.clientId, response_type: 'code', redirect_uri: 'https://elsewhere.example/callback', scope: SANDBOX_SCOPE,
    }));
    assert.equal(response?.status(), 400);
    assert.match(await page.textContent('main') ?? '', /AADSTS\d+/);
    assert.equal(callbacks.length, 0);
  });
});
