// Seed files: `serve --seed` and `adcenter seed` (YAML and JSON), fixed tokens usable at once,
// idempotence on SQLite and PostgreSQL, errors naming the place in the file, production refusal.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rest, soap, text } from '../../support/clients.js';
import { startServer, type RunningServer } from '../../support/server.js';
import { cli, FIXED_ACCESS_TOKEN, FIXED_DEVELOPER_TOKEN, SAMPLE_SEED_YAML, writeSeed } from '../../support/emulator.js';
import { openStore } from '../../../src/store/open.js';
import type { Store } from '../../../src/store/store.js';
import { PG_URL, pgProblem, reportPgAway, throwAwaySchemaName } from '../../store/pg-test.js';

const dir = mkdtempSync(join(tmpdir(), 'adcenter-seed-'));
const seedFile = writeSeed(dir, 'seed.yaml', SAMPLE_SEED_YAML);
after(() => rmSync(dir, { recursive: true, force: true }));

/** Everything a seed writes, with versions and times, as comparable text. */
async function state(store: Store): Promise<string> {
  return JSON.stringify(await store.dump(), (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
}

describe('serve --seed', () => {
  let server: RunningServer;
  before(async () => { server = await startServer({ args: ['--seed', seedFile] }); });
  after(async () => { await server.stop(); });

  it('creates no demo tenant and says what the seed created', async () => {
    assert.match(server.banner, /Seed applied: created or changed 2 customers, 3 paymentMethods, 3 accounts, 2 users/);
    assert.doesNotMatch(server.banner, /demo tenant/);
    const store = await server.store();
    assert.equal(await store.getUserByName('admin@adcenter.local'), null);
  });

  it('the fixed access token and developer token work at once over REST and SOAP', async () => {
    const r = await rest(server.url, 'POST', '/CustomerManagement/v13/User/Query', { UserId: null },
      { token: FIXED_ACCESS_TOKEN, developerToken: FIXED_DEVELOPER_TOKEN });
    assert.equal(r.status, 200, r.text);
    assert.equal((r.body.User as { UserName: string }).UserName, 'admin@contoso.example');
    const s = await soap(server.soapUrl, 'GetUser', '<UserId i:nil="true"/>', { token: FIXED_ACCESS_TOKEN, developerToken: FIXED_DEVELOPER_TOKEN });
    assert.equal(s.status, 200, s.text);
    assert.equal(text(s.root, 'UserName'), 'admin@contoso.example');
  });

  it('stores the scoped role, the client link, payment methods and the pilot switch', async () => {
    const store = await server.store();
    const viewer = (await store.getUserByName('viewer@fabrikam.example'))!;
    assert.equal(viewer.firstName, 'Zoë');
    const fabrikamMain = (await store.idByNumber('account', 'F0000001'))!;
    assert.deepEqual((await store.listUserRoles(viewer.id)).map((r) => [r.roleId, r.accountIds]), [[100, [fabrikamMain]]]);
    const dump = await store.dump();
    const fabrikam = dump.customers.find((c) => c.name === 'Fabrikam Ünïcode')!;
    assert.deepEqual(dump.paymentMethods.filter((p) => p.customerId === fabrikam.id).map((p) => p.type), ['CreditCard', 'Invoice']);
    assert.equal(dump.clientLinks.length, 1);
    assert.equal(dump.clientLinks[0]!.status, 'Active');
    assert.deepEqual(dump.pilotGrants.map((g) => [g.scope, g.entityId, g.featureId, g.enabled]), [['customer', fabrikam.id, 777, true]]);
  });

  it('applying the same file again (adcenter seed) changes nothing', async () => {
    const store = await server.store();
    const before = await state(store);
    const r = await cli(['seed', seedFile, '--data', server.dataDir]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /nothing to change/);
    assert.equal(await state(store), before);
  });
});

describe('seed file errors', () => {
  it('names the place in the file that breaks the schema', async () => {
    const bad = writeSeed(dir, 'bad.yaml', 'customers:\n  - name: A\n    accounts:\n      - { name: B, colour: red }\n');
    const r = await cli(['seed', bad, '--data', join(dir, 'bad-store')]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /\/customers\/0\/accounts\/0 must NOT have additional properties \(colour\)/);
  });

  it('names a reference to nothing', async () => {
    const bad = writeSeed(dir, 'ref.json', JSON.stringify({ customers: [{ name: 'A' }], users: [{ userName: 'u@x.example', roles: [{ customer: 'Nobody', role: 'Viewer' }] }] }));
    const r = await cli(['seed', bad, '--data', join(dir, 'ref-store')]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /\/users\/0\/roles\/0\/customer: no customer named or numbered Nobody/);
  });

  it('refuses fixed tokens in production', async () => {
    const server = await startServer({ environment: 'production' });
    try {
      const r = await cli(['seed', seedFile, '--data', server.dataDir]);
      assert.equal(r.code, 1);
      assert.match(r.stderr, /\/users\/0\/developerTokens: fixed developer tokens are for the sandbox only/);
      assert.equal(await (await server.store()).getUserByName('admin@contoso.example'), null);
    } finally {
      await server.stop();
    }
  });
});

describe('adcenter seed on PostgreSQL', async () => {
  const problem = await pgProblem();
  if (problem !== null) { reportPgAway('seed on PostgreSQL', problem); return; }
  const schema = throwAwaySchemaName('seed');
  const db = ['--database-url', PG_URL, '--database-schema', schema];

  it('applies the file, and applying it again changes nothing', async () => {
    const first = await cli(['seed', seedFile, ...db]);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /2 customers, 3 paymentMethods, 3 accounts, 2 users, 2 roles, 1 developerTokens, 1 accessTokens, 1 clientLinks/);
    const store = await openStore({ backend: 'postgres', url: PG_URL, schema });
    try {
      const before = await state(store);
      const second = await cli(['seed', seedFile, ...db]);
      assert.equal(second.code, 0, second.stderr);
      assert.match(second.stdout, /nothing to change/);
      assert.equal(await state(store), before);
      assert.equal((await store.dump()).accounts.length, 3);
    } finally {
      await store.close();
    }
  });
});
