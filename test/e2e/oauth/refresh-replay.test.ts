// Refresh-token replay (RFC 9700 §4.14.2): presenting a refresh token that was already rotated
// means it leaked (or the client is confused); every token of that grant is revoked, so neither the
// attacker's nor the client's successor keeps working. Other grants of the same user are untouched.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { rest } from '../../support/clients.js';
import { obtainTokens, registerApp, signedIn, SANDBOX_SCOPE, tokenRequest, type App, type Browser } from '../../support/oauth.js';
import { SANDBOX_DEVELOPER_TOKEN, startServer, type RunningServer } from '../../support/server.js';

async function apiStatus(server: RunningServer, token: string): Promise<number> {
  const res = await rest(server.url, 'POST', '/CustomerManagement/v13/User/Query', { UserId: null }, { token, developerToken: SANDBOX_DEVELOPER_TOKEN });
  return res.status;
}

describe('refresh-token replay revokes the grant', () => {
  let server: RunningServer;
  let app: App;
  let browser: Browser;
  before(async () => {
    server = await startServer({ environment: 'sandbox' });
    app = await registerApp(server);
    browser = await signedIn(server);
  });
  after(async () => server?.stop());

  it('RT1 → (AT2, RT2); replaying RT1 is refused and revokes AT1, AT2 and RT2, not another grant', async () => {
    const scope = `${SANDBOX_SCOPE} offline_access`;
    const first = await obtainTokens(server, browser, app, scope);
    const other = await obtainTokens(server, browser, app, scope);
    const rt1 = first.body.refresh_token as string;
    const second = await tokenRequest(server, { client_id: app.clientId, grant_type: 'refresh_token', refresh_token: rt1 });
    assert.equal(second.status, 200, JSON.stringify(second.body));
    assert.equal(await apiStatus(server, second.body.access_token as string), 200);

    const replay = await tokenRequest(server, { client_id: app.clientId, grant_type: 'refresh_token', refresh_token: rt1 });
    assert.equal(replay.status, 400);
    assert.equal(replay.body.error, 'invalid_grant');
    assert.deepEqual(replay.body.error_codes, [50173]);

    assert.equal(await apiStatus(server, first.body.access_token as string), 401, 'AT1 is revoked');
    assert.equal(await apiStatus(server, second.body.access_token as string), 401, 'AT2 is revoked');
    const rt2 = await tokenRequest(server, { client_id: app.clientId, grant_type: 'refresh_token', refresh_token: second.body.refresh_token as string });
    assert.equal(rt2.status, 400, 'RT2 is revoked');
    assert.deepEqual(rt2.body.error_codes, [50173]);

    assert.equal(await apiStatus(server, other.body.access_token as string), 200, 'another grant keeps working');
    const otherRefresh = await tokenRequest(server, { client_id: app.clientId, grant_type: 'refresh_token', refresh_token: other.body.refresh_token as string });
    assert.equal(otherRefresh.status, 200, JSON.stringify(otherRefresh.body));
  });
});
