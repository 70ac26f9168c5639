// "Forgot password" in the web application (issue 11): the sign-in page links to it; asking sends
// a reset link to the outbox (the same answer for unknown names, and no message); the link sets a
// new password once, ends the user's web sessions, expires, is stored only as a hash; of two posts
// of one link at the same moment exactly one succeeds.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Store } from '../../../src/store/store.js';
import { startServer, type RunningServer } from '../../support/server.js';
import { postForm } from '../../support/web-forms.js';
import { signInOverHttp } from '../../support/web-sign-in.js';
import { signUpOverHttp } from '../../support/web-sign-up.js';

const SENT = 'If a user with this name exists, a link to choose a new password was sent';
const DONE = 'Your password was changed';

describe('web: forgot password', () => {
  let server: RunningServer;
  let store: Store;
  const email = `forgetful-${randomUUID().slice(0, 8)}@example.test`;
  let password = 'first password Ü';

  before(async () => {
    server = await startServer();
    store = await server.store();
    const signedUp = await signUpOverHttp(server.url, { customerName: 'Vergesslich GmbH', accountName: 'Konto', email, password });
    assert.equal(signedUp.status, 303);
  });
  after(async () => { await server?.stop(); });

  /** Asks for a link for `name`; returns the page and the link of the newest message to the user, if any. */
  async function ask(name: string): Promise<{ status: number; html: string; link: string | undefined }> {
    const { posted } = await postForm(server.url, '/forgot-password', { userName: name });
    const html = await posted.text();
    const [newest] = await store.listOutboxMessages({ to: email, limit: 1 });
    return { status: posted.status, html, link: /(http:\/\/\S+\/reset-password\?token=\S+)/.exec(newest?.body ?? '')?.[1] };
  }

  const tokenOf = (link: string): string => new URL(link).searchParams.get('token')!;
  const pathOf = (link: string): string => { const u = new URL(link); return `${u.pathname}${u.search}`; };

  it('the sign-in page links to it; an unknown name gets the same answer and sends nothing', async () => {
    const signin = await (await fetch(`${server.url}/signin`)).text();
    assert.match(signin, /href="\/forgot-password"/);
    const before = (await store.listOutboxMessages({ limit: 100 })).length;
    const { posted } = await postForm(server.url, '/forgot-password', { userName: 'nobody-here@example.test' });
    assert.equal(posted.status, 200);
    assert.ok((await posted.text()).includes(SENT));
    assert.equal((await store.listOutboxMessages({ limit: 100 })).length, before, 'no message for an unknown name');
  });

  it('the link (asked with the name in other letter case) sets a new password once; sessions end; old password refused', async () => {
    const session = await signInOverHttp(server, email, password);
    assert.ok(session.sessionCookie);
    const asked = await ask(email.toUpperCase());
    assert.equal(asked.status, 200);
    assert.ok(asked.html.includes(SENT));
    assert.ok(asked.link, 'a reset link in the outbox');
    assert.ok(asked.link.startsWith(`${server.url}/reset-password?token=`));

    // Stored only as its SHA-256.
    const db = new Database(join(server.dataDir, 'adcenter.sqlite'), { readonly: true });
    try {
      const rows = db.prepare('SELECT token_hash FROM password_resets').all() as Array<{ token_hash: string }>;
      const token = tokenOf(asked.link);
      assert.ok(rows.some((r) => r.token_hash === createHash('sha256').update(token).digest('hex')));
      assert.ok(!rows.some((r) => r.token_hash === token));
    } finally { db.close(); }

    const mismatch = await postForm(server.url, pathOf(asked.link), { token: tokenOf(asked.link), password: 'new password Ä', confirm: 'other' });
    assert.equal(mismatch.posted.status, 400);
    assert.match(await mismatch.posted.text(), /do not match/);

    const done = await postForm(server.url, pathOf(asked.link), { token: tokenOf(asked.link), password: 'new password Ä', confirm: 'new password Ä' });
    assert.equal(done.posted.status, 200);
    assert.ok((await done.posted.text()).includes(DONE));
    const accounts = await fetch(`${server.url}/accounts`, { headers: { Cookie: session.sessionCookie }, redirect: 'manual' });
    assert.match(accounts.headers.get('location') ?? '', /^\/signin/, 'the session from before is over');
    assert.equal((await signInOverHttp(server, email, password)).posted.status, 401, 'the old password is refused');
    password = 'new password Ä';
    assert.ok((await signInOverHttp(server, email, password)).sessionCookie, 'the new password signs in');

    // Used: the link is dead for showing and for posting.
    assert.equal((await fetch(asked.link)).status, 410);
    const form = await fetch(`${server.url}/forgot-password`);
    const csrf = /name="csrf" value="([^"]+)"/.exec(await form.text())![1]!;
    const replay = await fetch(`${server.url}/reset-password`, {
      method: 'POST', redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: server.url, Cookie: form.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ') },
      body: new URLSearchParams({ csrf, token: tokenOf(asked.link), password: 'replayed password', confirm: 'replayed password' }).toString(),
    });
    assert.equal(replay.status, 410);
    assert.equal((await signInOverHttp(server, email, 'replayed password')).posted.status, 401);
  });

  it('an expired link is refused; a newer password change voids older links', async () => {
    const expiring = (await ask(email)).link!;
    const db = new Database(join(server.dataDir, 'adcenter.sqlite'));
    try {
      db.prepare('UPDATE password_resets SET expires_at = ? WHERE token_hash = ?')
        .run(Date.now() - 1000, createHash('sha256').update(tokenOf(expiring)).digest('hex'));
    } finally { db.close(); }
    assert.equal((await fetch(expiring)).status, 410, 'expired');

    const first = (await ask(email)).link!;
    const second = (await ask(email)).link!;
    assert.notEqual(first, second);
    const used = await postForm(server.url, pathOf(second), { token: tokenOf(second), password: 'third password', confirm: 'third password' });
    assert.equal(used.posted.status, 200);
    password = 'third password';
    assert.equal((await fetch(first)).status, 410, 'the older link died with the change');
  });

  it('one link posted twice at the same moment: exactly one password is set', async () => {
    const link = (await ask(email)).link!;
    const candidates = ['racer one pw', 'racer two pw'];
    const results = await Promise.all(candidates.map((p) => postForm(server.url, pathOf(link), { token: tokenOf(link), password: p, confirm: p })));
    assert.deepEqual(results.map((r) => r.posted.status).sort(), [200, 410]);
    const winner = candidates[results.findIndex((r) => r.posted.status === 200)]!;
    const loser = candidates.find((c) => c !== winner)!;
    assert.ok((await signInOverHttp(server, email, winner)).sessionCookie);
    assert.equal((await signInOverHttp(server, email, loser)).posted.status, 401);
  });
});
