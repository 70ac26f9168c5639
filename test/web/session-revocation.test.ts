// Sessions are server-side: signing out ends the session itself, so a copy of the cookie taken
// before sign-out stops working at once (not when its 8 hours run out); so does every session of a
// user whose sessions are revoked (password change, deletion), and signing in again ends the old one.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { demoUserId } from '../support/oauth.js';
import { startServer, type RunningServer } from '../support/server.js';
import { DEMO_USER_NAME, demoPassword, signInOverHttp } from '../support/web-sign-in.js';

async function developerPageStatus(server: RunningServer, cookie: string): Promise<number> {
  return (await fetch(`${server.url}/developer`, { redirect: 'manual', headers: { Cookie: cookie } })).status;
}

describe('web sessions can be ended server-side', () => {
  let server: RunningServer;
  before(async () => { server = await startServer(); });
  after(async () => server?.stop());

  it('a cookie copied before sign-out no longer works after it', async () => {
    const { posted, sessionCookie } = await signInOverHttp(server, DEMO_USER_NAME, demoPassword(server));
    assert.equal(posted.status, 303);
    assert.ok(sessionCookie);
    const copied = sessionCookie;
    const page = await fetch(`${server.url}/developer`, { redirect: 'manual', headers: { Cookie: sessionCookie } });
    assert.equal(page.status, 200);
    const csrf = /action="\/signout"[^>]*><input type="hidden" name="csrf" value="([^"]+)"/.exec(await page.text())![1]!;

    const out = await fetch(`${server.url}/signout`, {
      method: 'POST', redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: sessionCookie, Origin: server.url },
      body: new URLSearchParams({ csrf }).toString(),
    });
    assert.equal(out.status, 303);
    assert.match(out.headers.getSetCookie().join('\n'), /adcenter_session=; /, 'the cookie is cleared');
    assert.equal(await developerPageStatus(server, copied), 302, 'the copied cookie is signed out too');
  });

  it('signing in again ends the session the browser had', async () => {
    const first = await signInOverHttp(server, DEMO_USER_NAME, demoPassword(server));
    assert.equal(await developerPageStatus(server, first.sessionCookie!), 200);
    const page = await fetch(`${server.url}/signin`, { headers: { Cookie: first.sessionCookie! } });
    const formCookie = page.headers.getSetCookie().map((c) => c.split(';')[0]!).join('; ');
    const csrf = /<form method="post" action="\/signin">\s*<input type="hidden" name="csrf" value="([^"]+)"/.exec(await page.text())![1]!;
    const again = await fetch(`${server.url}/signin`, {
      method: 'POST', redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: `${first.sessionCookie!}; ${formCookie}`, Origin: server.url },
      body: new URLSearchParams({ csrf, userName: DEMO_USER_NAME, password: demoPassword(server) }).toString(),
    });
    assert.equal(again.status, 303);
    assert.equal(await developerPageStatus(server, first.sessionCookie!), 302, 'the earlier session ended');
  });

  it('revoking a user\'s sessions (password change, deletion) ends every one of them', async () => {
    const a = await signInOverHttp(server, DEMO_USER_NAME, demoPassword(server));
    const b = await signInOverHttp(server, DEMO_USER_NAME, demoPassword(server));
    assert.equal(await developerPageStatus(server, a.sessionCookie!), 200);
    assert.equal(await developerPageStatus(server, b.sessionCookie!), 200);
    const store = await server.store();
    assert.ok(await store.revokeUserWebSessions(await demoUserId(server), new Date()) >= 2);
    assert.equal(await developerPageStatus(server, a.sessionCookie!), 302);
    assert.equal(await developerPageStatus(server, b.sessionCookie!), 302);

    // Revoking the user's tokens (what deleting the user does too) ends their sessions with them.
    const c = await signInOverHttp(server, DEMO_USER_NAME, demoPassword(server));
    assert.equal(await developerPageStatus(server, c.sessionCookie!), 200);
    await store.revokeUserTokens(await demoUserId(server), new Date());
    assert.equal(await developerPageStatus(server, c.sessionCookie!), 302);
  });
});
