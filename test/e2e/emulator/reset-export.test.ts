// POST /_adcenter/reset and `adcenter reset` return the store to its seed; `adcenter export`
// writes a seed file that `adcenter seed` reads back into an equal store.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rest } from '../../support/clients.js';
import { startServer, type RunningServer } from '../../support/server.js';
import { admin, cli, FIXED_ACCESS_TOKEN, FIXED_DEVELOPER_TOKEN, SAMPLE_SEED_YAML, writeSeed } from '../../support/emulator.js';
import { createTenant } from '../../../src/domain/tenants/create-tenant.js';
import type { Store } from '../../../src/store/store.js';

const dir = mkdtempSync(join(tmpdir(), 'adcenter-reset-'));
const seedFile = writeSeed(dir, 'seed.yaml', SAMPLE_SEED_YAML);
after(() => rmSync(dir, { recursive: true, force: true }));

/** Ids, numbers and names of what the seed describes (times move on; these must not). */
async function shape(store: Store): Promise<unknown> {
  const d = await store.dump();
  return {
    customers: d.customers.map((c) => [c.id, c.number, c.name]), accounts: d.accounts.map((a) => [a.id, a.number, a.name]),
    users: d.users.map((u) => [u.id, u.userName]), roles: d.roles.map((r) => [r.userId, r.customerId, r.roleId, r.accountIds]),
    links: d.clientLinks.map((l) => [l.id, l.clientEntityId, l.status]), tokens: d.developerTokens.length + d.accessTokens.length,
  };
}
const json = (v: unknown): string => JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? x.toString() : x));

async function getUser(server: RunningServer): Promise<number> {
  const r = await rest(server.url, 'POST', '/CustomerManagement/v13/User/Query', { UserId: null }, { token: FIXED_ACCESS_TOKEN, developerToken: FIXED_DEVELOPER_TOKEN });
  return r.status;
}

describe('reset', () => {
  let server: RunningServer;
  before(async () => { server = await startServer({ args: ['--seed', seedFile] }); });
  after(async () => { await server.stop(); });

  it('POST /_adcenter/reset removes what was added and restores the seed with the same ids', async () => {
    const store = await server.store();
    const seeded = json(await shape(store));
    await createTenant(store, { customerName: 'Added later', accountName: 'Later', userName: 'later@example.com', email: 'later@example.com', firstName: 'L', lastName: 'A', passwordHash: null });
    await store.revokeAccessToken((await store.dump()).accessTokens[0]!.tokenHash, new Date());
    assert.equal(await getUser(server), 401);
    const r = await admin(server.url, '/reset');
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.reset, true);
    assert.equal(json(await shape(store)), seeded);
    assert.equal(await store.getUserByName('later@example.com'), null);
    assert.equal(await getUser(server), 200, 'the fixed token works again');
  });

  it('adcenter reset does the same from the command line', async () => {
    const store = await server.store();
    const seeded = json(await shape(store));
    await createTenant(store, { customerName: 'Added again', accountName: 'Again', userName: 'again@example.com', email: 'again@example.com', firstName: 'A', lastName: 'A', passwordHash: null });
    const r = await cli(['reset', '--data', server.dataDir]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /Store reset\.\nSeed applied/);
    assert.equal(json(await shape(store)), seeded);
  });

  it('a server without a seed resets to a new demo tenant', async () => {
    const plain = await startServer();
    try {
      const store = await plain.store();
      await store.insertPaymentMethod((await store.dump()).customers[0]!.id, 'Invoice');
      const r = await admin(plain.url, '/reset');
      assert.equal(r.status, 200);
      assert.match((r.body.lines as string[]).join('\n'), /Created the demo tenant/);
      const d = await store.dump();
      assert.deepEqual(d.customers.map((c) => c.id), [100000001n]);
      assert.equal(d.paymentMethods.length, 1);
    } finally {
      await plain.stop();
    }
  });

  it('is off in production without --admin-token (the admin gate)', async () => {
    const prod = await startServer({ environment: 'production' });
    try {
      const r = await admin(prod.url, '/reset');
      assert.equal(r.status, 404);
      assert.match(String(r.body.error), /off in production/);
      assert.equal((await (await prod.store()).dump()).customers.length, 1);
    } finally {
      await prod.stop();
    }
  });
});

describe('export', () => {
  it('export → fresh store → seed → export gives the same file', async () => {
    const server = await startServer({ args: ['--seed', seedFile] });
    try {
      const first = await cli(['export', '--data', server.dataDir]);
      assert.equal(first.code, 0, first.stderr);
      const exported = JSON.parse(first.stdout) as { customers: Array<{ name: string }>; users: Array<{ passwordHash?: string; password?: string }> };
      assert.deepEqual(exported.customers.map((c) => c.name), ['Contoso Agency', 'Fabrikam Ünïcode']);
      assert.match(exported.users[0]!.passwordHash!, /^scrypt\$/);
      assert.equal(exported.users[0]!.password, undefined);
      const file = writeSeed(dir, 'exported.json', first.stdout);
      const fresh = join(dir, 'fresh');
      const seeded = await cli(['seed', file, '--data', fresh]);
      assert.equal(seeded.code, 0, seeded.stderr);
      const second = await cli(['export', '--data', fresh]);
      assert.equal(second.stdout, first.stdout);
      const yaml = await cli(['export', '--data', fresh, '--format', 'yaml']);
      const fromYaml = await cli(['seed', writeSeed(dir, 'exported.yaml', yaml.stdout), '--data', fresh]);
      assert.match(fromYaml.stdout, /nothing to change/);
    } finally {
      await server.stop();
    }
  });
});
