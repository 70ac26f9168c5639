// Password hashes use OWASP's scrypt parameters (N=2^17, r=8, p=1), recorded in the hash; a hash
// made with the old parameters (N=2^14) still signs in, and that sign-in replaces it transparently.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes, scryptSync } from 'node:crypto';
import { demoUserId } from '../support/oauth.js';
import { startServer, type RunningServer } from '../support/server.js';
import { DEMO_USER_NAME, signInOverHttp } from '../support/web-sign-in.js';

/** A hash as the earlier release made them: scrypt N=16384, r=8, p=1. */
function oldHash(password: string): string {
  const salt = randomBytes(16);
  const key = scryptSync(password.normalize('NFC'), salt, 32, { N: 16384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
  return `scrypt$16384$8$1$${salt.toString('base64')}$${key.toString('base64')}`;
}

async function storedHash(server: RunningServer): Promise<string> {
  const user = await (await server.store()).getUser(await demoUserId(server));
  return user!.passwordHash!;
}

describe('password hashing parameters', () => {
  let server: RunningServer;
  before(async () => { server = await startServer(); });
  after(async () => server?.stop());

  it('new hashes record N=2^17, r=8, p=1', async () => {
    assert.match(await storedHash(server), /^scrypt\$131072\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
  });

  it('an old-parameter hash signs in and is re-hashed; a wrong password changes nothing', async () => {
    const password = 'old-params-password';
    const before = oldHash(password);
    const store = await server.store();
    assert.ok(await store.replacePasswordHash(await demoUserId(server), await storedHash(server), before));

    const wrong = await signInOverHttp(server, DEMO_USER_NAME, 'not-the-password');
    assert.equal(wrong.posted.status, 401);
    assert.equal(await storedHash(server), before, 'a failed sign-in does not touch the hash');

    const ok = await signInOverHttp(server, DEMO_USER_NAME, password);
    assert.equal(ok.posted.status, 303);
    const after = await storedHash(server);
    assert.notEqual(after, before);
    assert.match(after, /^scrypt\$131072\$8\$1\$/);

    const again = await signInOverHttp(server, DEMO_USER_NAME, password);
    assert.equal(again.posted.status, 303, 'the re-hashed password still signs in');
    assert.equal(await storedHash(server), after, 'a current hash is left alone');
  });
});
