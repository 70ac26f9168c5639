// GetCustomerPilotFeatures, GetAccountPilotFeatures and GetPilotFeaturesCountries over REST and
// SOAP: the documented default set of a new customer, the markets a pilot is open in, the
// operator's switches (CLI and JSON settings file), and the authorisation faults.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Store } from '../../../src/store/store.js';
import { ARRAYS, faces, type Faces } from '../../support/faces.js';
import { createTestTenant, insertTestAccount, insertTestUser, ownerOf, type TestTenant } from '../../support/fixtures.js';
import { expectRestFault } from '../../support/rest-assert.js';
import { CLI, startServer, type RunningServer } from '../../support/server.js';
import { childEl, expectFault, expectOk, must, type XmlElement } from '../../support/soap-assert.js';

const run = promisify(execFile);
/** The built-in pilots on by default in every open market (docs/behaviour.md "Pilot features"). */
const DEFAULTS = [78, 268, 317, 388, 574, 579, 616];

const ints = (el: XmlElement): number[] => el.children.map((c) => {
  assert.deepEqual([c.local, c.uri], ['int', ARRAYS]);
  return Number(c.text);
});

describe('pilot features over REST and SOAP', () => {
  let server: RunningServer;
  let store: Store;
  let call: Faces;
  let T: TestTenant;
  let O: TestTenant;

  before(async () => {
    server = await startServer();
    store = await server.store();
    call = faces(server);
    T = await createTestTenant(store, 'sandbox', 'Pilot');
    O = await createTestTenant(store, 'sandbox', 'PilotOther');
  });
  after(async () => { await server?.stop(); });

  async function customerFlags(customerId: bigint, token: string): Promise<number[]> {
    const r = await call.rest('GetCustomerPilotFeatures', { CustomerId: customerId.toString() }, token);
    assert.equal(r.status, 200, r.text);
    const s = expectOk(await call.soap('GetCustomerPilotFeatures', `<CustomerId>${customerId}</CustomerId>`, token), 'GetCustomerPilotFeatures');
    const soapFlags = ints(must(childEl(s, 'FeaturePilotFlags'), 'FeaturePilotFlags'));
    assert.deepEqual(r.body.FeaturePilotFlags, soapFlags, 'both faces agree');
    return soapFlags;
  }

  async function accountFlags(accountId: bigint, token: string): Promise<number[]> {
    const r = await call.rest('GetAccountPilotFeatures', { AccountId: accountId.toString() }, token);
    assert.equal(r.status, 200, r.text);
    const s = expectOk(await call.soap('GetAccountPilotFeatures', `<AccountId>${accountId}</AccountId>`, token), 'GetAccountPilotFeatures');
    const soapFlags = ints(must(childEl(s, 'FeaturePilotFlags'), 'FeaturePilotFlags'));
    assert.deepEqual(r.body.FeaturePilotFlags ?? [], soapFlags, 'both faces agree');
    return soapFlags;
  }

  const cli = (...args: string[]) => run(process.execPath, [CLI, 'pilot-features', ...args, '--data', server.dataDir]);

  it('a new customer gets the documented default set, never an empty list', async () => {
    assert.deepEqual(await customerFlags(T.customer.id, T.token), DEFAULTS);
  });

  it('any user with a role on the customer may read its flags (a Viewer too)', async () => {
    const viewer = await insertTestUser(store, 'sandbox', { customerId: T.customer.id, roleId: 100, label: 'viewer' });
    assert.deepEqual(await customerFlags(T.customer.id, viewer.token), DEFAULTS);
  });

  it('defaults follow the customer\'s market: none of them where no pilot is open', async () => {
    const c = await store.insertCustomer({ ...T.customer, number: `PX${Date.now().toString(36).toUpperCase()}`.slice(0, 10), marketCountry: 'KP' });
    await store.putUserRole({ userId: T.user.id, customerId: c.id, roleId: 41, accountIds: null });
    assert.deepEqual(await customerFlags(c.id, T.token), []);
  });

  it('the operator switches pilots on and off per customer (CLI), and back to the default', async () => {
    await cli('on', '793', '--customer', T.customer.id.toString());
    await cli('off', '268', '--customer', T.customer.id.toString());
    assert.deepEqual(await customerFlags(T.customer.id, T.token), [78, 317, 388, 574, 579, 616, 793]);
    assert.deepEqual(await customerFlags(O.customer.id, O.token), DEFAULTS, 'another customer is unaffected');
    await cli('reset', '268', '--customer', T.customer.id.toString());
    assert.deepEqual(await customerFlags(T.customer.id, T.token), [...DEFAULTS, 793]);
    const stored = await store.listPilotGrants('customer', [T.customer.id]);
    assert.deepEqual(stored.map((g) => [g.featureId, g.enabled]), [[793, true]]);
  });

  it('the CLI refuses unknown pilots, a pilot of the other level and unknown customers', async () => {
    await assert.rejects(cli('on', '999999', '--customer', T.customer.id.toString()), /not in the catalogue/);
    await assert.rejects(cli('on', '793', '--account', T.account.id.toString()), /customer-level pilot/);
    await assert.rejects(cli('on', '793', '--customer', '1'), /no customer 1/);
  });

  it('account flags: account-level pilots from the settings file, by default in their markets, or switched on per account', async () => {
    const de = await insertTestAccount(store, ownerOf(T));
    const file = join(server.dataDir, 'pilots.json');
    writeFileSync(file, JSON.stringify({
      features: [
        { id: 9001, name: 'Ünïcode account pilot', level: 'account', countries: ['us'], defaultOn: true },
        { id: 9002, name: 'Opt-in account pilot', level: 'account', countries: ['US', 'DE'] },
      ],
      accounts: { [de.id.toString()]: { on: [9002] } },
    }));
    await cli('load', file);
    assert.deepEqual(await accountFlags(T.account.id, T.token), [9001], 'US business address: the default');
    assert.deepEqual(await accountFlags(de.id, T.token), [9001, 9002]);
    await cli('off', '9001', '--account', de.id.toString());
    assert.deepEqual(await accountFlags(de.id, T.token), [9002]);
    assert.ok(!(await customerFlags(T.customer.id, T.token)).includes(9001), 'account-level pilots are not customer flags');
  });

  it('GetPilotFeaturesCountries lists every pilot with the countries it is open in', async () => {
    const r = await call.rest('GetPilotFeaturesCountries', {}, T.token);
    assert.equal(r.status, 200, r.text);
    const list = r.body.PilotFeatures as Array<{ Id: number; Countries: string[] }>;
    assert.deepEqual(list.map((f) => f.Id), [...list.map((f) => f.Id)].sort((a, b) => a - b));
    assert.deepEqual(list.find((f) => f.Id === 704)?.Countries, ['GB', 'CA', 'AU', 'DE', 'FR']);
    assert.deepEqual(list.find((f) => f.Id === 721)?.Countries, ['US']);
    assert.deepEqual(list.find((f) => f.Id === 9001)?.Countries, ['US'], 'operator-defined pilots are listed (codes upper-cased)');
    for (const id of DEFAULTS) assert.ok(list.find((f) => f.Id === id)?.Countries.includes('US'), `${id} is open in the US`);

    const s = expectOk(await call.soap('GetPilotFeaturesCountries', '', T.token), 'GetPilotFeaturesCountries');
    const features = must(childEl(s, 'PilotFeatures'), 'PilotFeatures').children;
    assert.equal(features.length, list.length);
    const first = features[0]!;
    assert.deepEqual(first.children.map((c) => c.local), ['Id', 'Countries']);
    assert.deepEqual(must(childEl(first, 'Countries'), 'Countries').children.map((c) => c.text), list[0]!.Countries);
  });

  it('a customer out of the caller\'s reach, or unknown, → 106 on both faces', async () => {
    for (const id of [O.customer.id, 99999999n]) {
      expectRestFault(await call.rest('GetCustomerPilotFeatures', { CustomerId: id.toString() }, T.token), 403, 'AdApiFaultDetail', 106);
      expectFault(await call.soap('GetCustomerPilotFeatures', `<CustomerId>${id}</CustomerId>`, T.token), 106, 'AdApiFaultDetail');
    }
  });

  it('GetAccountPilotFeatures: an unknown account → 2108, another customer\'s account → 106', async () => {
    expectRestFault(await call.rest('GetAccountPilotFeatures', { AccountId: '99999999' }, T.token), 400, 'ApiFault', 2108);
    expectFault(await call.soap('GetAccountPilotFeatures', '<AccountId>99999999</AccountId>', T.token), 2108, 'ApiFault');
    expectRestFault(await call.rest('GetAccountPilotFeatures', { AccountId: O.account.id.toString() }, T.token), 403, 'AdApiFaultDetail', 106);
    expectFault(await call.soap('GetAccountPilotFeatures', `<AccountId>${O.account.id}</AccountId>`, T.token), 106, 'AdApiFaultDetail');
  });

  it('a missing CustomerId → 203 on both faces', async () => {
    expectRestFault(await call.rest('GetCustomerPilotFeatures', {}, T.token), 400, 'ApiFault', 203);
    expectFault(await call.soap('GetCustomerPilotFeatures', '', T.token), 203, 'ApiFault');
  });
});
