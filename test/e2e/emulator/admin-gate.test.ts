// The /_adcenter API's gate: open in the sandbox, off in production, and with --admin-token (or
// ADCENTER_ADMIN_TOKEN) on in both and only for requests bearing that token.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../../support/server.js';
import { admin } from '../../support/admin.js';

const TOKEN = 'admin-secret-for-tests-1';

describe('/_adcenter gate', () => {
  it('is open in the sandbox without an admin token', async () => {
    const server = await startServer({ environment: 'sandbox' });
    try {
      const r = await admin(server.url, 'GET', '/faults');
      assert.equal(r.status, 200);
      assert.deepEqual(r.body, { faults: [] });
      assert.equal((await admin(server.url, 'GET', '/requests')).status, 200);
      const unknown = await admin(server.url, 'GET', '/nothing-here');
      assert.equal(unknown.status, 404);
      assert.match(String(unknown.body.error), /No admin route at GET \/_adcenter\/nothing-here/);
      // The request log page is open too.
      assert.equal((await fetch(`${server.url}/requests`)).status, 200);
    } finally {
      await server.stop();
    }
  });

  it('is off in production without an admin token', async () => {
    const server = await startServer({ environment: 'production' });
    try {
      for (const [method, path] of [['GET', '/requests'], ['GET', '/faults'], ['POST', '/faults'], ['DELETE', '/faults']] as const) {
        const r = await admin(server.url, method, path, method === 'POST' ? { operation: 'GetUser', code: 117 } : undefined);
        assert.equal(r.status, 404, `${method} ${path}`);
        assert.match(String(r.body.error), /off in production.*--admin-token/);
      }
      // The page shows only a signed-in user's own calls: a visitor is sent to sign in.
      const page = await fetch(`${server.url}/requests`, { redirect: 'manual' });
      assert.equal(page.status, 302);
      assert.match(page.headers.get('location')!, /^\/signin\?return=/);
    } finally {
      await server.stop();
    }
  });

  it('takes the admin token from ADCENTER_ADMIN_TOKEN', async () => {
    process.env.ADCENTER_ADMIN_TOKEN = TOKEN;
    let server;
    try {
      server = await startServer({ environment: 'production' });
    } finally {
      delete process.env.ADCENTER_ADMIN_TOKEN;
    }
    try {
      assert.equal((await admin(server.url, 'GET', '/faults')).status, 401);
      assert.equal((await admin(server.url, 'GET', '/faults', undefined, TOKEN)).status, 200);
      // A body without a Content-Type is read as JSON all the same.
      const created = await fetch(`${server.url}/_adcenter/faults`, {
        method: 'POST', headers: { Authorization: `Bearer ${TOKEN}` }, body: new Blob([JSON.stringify({ operation: 'GetUser', code: 117 })]),
      });
      assert.equal(created.status, 201);
    } finally {
      await server.stop();
    }
  });

  for (const environment of ['sandbox', 'production'] as const) {
    it(`requires the admin token as a Bearer token when one is given (${environment})`, async () => {
      const server = await startServer({ environment, args: ['--admin-token', TOKEN] });
      try {
        for (const token of [undefined, 'wrong', `${TOKEN}x`, TOKEN.slice(0, -1)]) {
          const r = await admin(server.url, 'GET', '/faults', undefined, token);
          assert.equal(r.status, 401, `token ${token}`);
          assert.match(r.headers.get('www-authenticate')!, /^Bearer/);
          assert.match(String(r.body.error), /admin token/);
        }
        const basic = await fetch(`${server.url}/_adcenter/faults`, { headers: { Authorization: `Basic ${Buffer.from(`x:${TOKEN}`).toString('base64')}` } });
        assert.equal(basic.status, 401);
        // With the token: every route works.
        assert.equal((await admin(server.url, 'POST', '/faults', { operation: 'GetUser', code: 117 }, TOKEN)).status, 201);
        assert.equal(((await admin(server.url, 'GET', '/faults', undefined, TOKEN)).body.faults as unknown[]).length, 1);
        assert.equal((await admin(server.url, 'GET', '/requests', undefined, TOKEN)).status, 200);
        assert.equal((await admin(server.url, 'DELETE', '/faults', undefined, TOKEN)).status, 200);
        // Not open any more: the page asks a visitor to sign in.
        assert.equal((await fetch(`${server.url}/requests`, { redirect: 'manual' })).status, 302);
      } finally {
        await server.stop();
      }
    });
  }
});
