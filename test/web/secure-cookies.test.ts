// Cookies carry Secure when the browser reaches the server over https: with --public-url https://…,
// or when a trusted proxy (--trust-proxy) says X-Forwarded-Proto: https. Without --trust-proxy a
// forwarded header is not believed (anyone can send it).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, type RunningServer } from '../support/server.js';
import { DEMO_USER_NAME, demoPassword, signInOverHttp } from '../support/web-sign-in.js';

/** Every Set-Cookie of the sign-in page and of a successful sign-in, with whether each is Secure. */
async function cookieSecurity(server: RunningServer, headers: Record<string, string> = {}): Promise<boolean[]> {
  const { page, posted } = await signInOverHttp(server, DEMO_USER_NAME, demoPassword(server), headers);
  assert.equal(posted.status, 303);
  const all = [...page.headers.getSetCookie(), ...posted.headers.getSetCookie()];
  assert.ok(all.some((c) => c.startsWith('adcenter_form=')), 'the form cookie is set');
  assert.ok(all.some((c) => c.startsWith('adcenter_session=')), 'the session cookie is set');
  return all.map((c) => /;\s*Secure(;|$)/i.test(c));
}

async function withServer(args: string[], body: (server: RunningServer) => Promise<void>): Promise<void> {
  const server = await startServer({ args });
  try { await body(server); } finally { await server.stop(); }
}

describe('Secure cookies', () => {
  it('plain http without options: not Secure, and X-Forwarded-Proto is ignored', async () => {
    await withServer([], async (server) => {
      assert.ok((await cookieSecurity(server)).every((s) => !s));
      assert.ok((await cookieSecurity(server, { 'X-Forwarded-Proto': 'https' })).every((s) => !s));
    });
  });

  it('--public-url https://…: every cookie is Secure', async () => {
    await withServer(['--public-url', 'https://ads.example.com'], async (server) => {
      assert.ok((await cookieSecurity(server)).every((s) => s));
    });
  });

  it('--trust-proxy: X-Forwarded-Proto: https makes every cookie Secure, http does not', async () => {
    await withServer(['--trust-proxy'], async (server) => {
      assert.ok((await cookieSecurity(server, { 'X-Forwarded-Proto': 'https' })).every((s) => s));
      assert.ok((await cookieSecurity(server, { 'X-Forwarded-Proto': 'http' })).every((s) => !s));
    });
  });
});
