// REST protocol errors (reference §4.3): HTTP statuses, the flat fault shape, the TrackingId, and
// what a malformed, oversized or unauthenticated request gets — nothing stored.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useAccountsWorld } from '../../support/accounts-world.js';
import { accountsOf, createTestTenant, tokenFor, type TestTenant } from '../../support/fixtures.js';
import { uniqueName } from '../../support/names.js';
import { checkedRest, expectRestFault, V13, type CallOptions } from '../../support/rest-assert.js';
import { startServer, type RunningServer } from '../../support/server.js';
import type { Store } from '../../../src/store/store.js';

const world = useAccountsWorld();
const { call, restAccount, snapshot, address } = world;
let store: Store;
let T: TestTenant;
before(async () => { await world.started(); ({ store, T } = world); });

describe('REST protocol errors: statuses, fault shape, TrackingId', () => {
  /** A second server whose request bodies may not exceed 2 KB. */
  let limited: RunningServer;
  before(async () => { limited = await startServer({ environment: 'sandbox', args: ['--body-limit', '2048'] }); });
  after(async () => { await limited?.stop(); });

  const getAccount = (options: CallOptions = {}) => call('POST', `${V13}/Account/Query`, { AccountId: T.account.id.toString() }, options);

  it('no Authorization header → 401 116', async () => {
    expectRestFault(await getAccount({ token: null }), 401, 'AdApiFaultDetail', 116);
  });

  it('no DeveloperToken header → 401 116', async () => {
    expectRestFault(await getAccount({ developerToken: null }), 401, 'AdApiFaultDetail', 116);
  });

  it('an Authorization header without the "Bearer " prefix → 401 116', async () => {
    expectRestFault(await getAccount({ token: null, headers: { Authorization: T.token } }), 401, 'AdApiFaultDetail', 116);
  });

  it('an unknown access token → 401 105', async () => {
    expectRestFault(await getAccount({ token: 'not-a-real-token' }), 401, 'AdApiFaultDetail', 105);
  });

  it('an unknown developer token → 401 105', async () => {
    expectRestFault(await getAccount({ developerToken: 'NOTATOKEN1' }), 401, 'AdApiFaultDetail', 105);
  });

  it('an expired access token → 401 109', async () => {
    const expired = await tokenFor(store, T.user.id, { lifetimeSeconds: 60, now: new Date(Date.now() - 3_600_000) });
    expectRestFault(await getAccount({ token: expired }), 401, 'AdApiFaultDetail', 109);
  });

  it('an access token without the msads.manage scope of the environment → 401 3101', async () => {
    const wrongScope = await tokenFor(store, T.user.id, { scope: 'https://ads.microsoft.com/ads.manage offline_access' });
    expectRestFault(await getAccount({ token: wrongScope }), 401, 'AdApiFaultDetail', 3101);
  });

  it('a write without credentials → 401, and nothing is stored', async () => {
    const before = await snapshot(T.customer.id);
    expectRestFault(await call('POST', `${V13}/Account`, { Account: restAccount() }, { token: null }), 401, 'AdApiFaultDetail', 116);
    assert.deepEqual(await snapshot(T.customer.id), before);
  });

  it('CustomerId: None and CustomerAccountId: None headers are accepted on reads', async () => {
    const res = await getAccount({ headers: { CustomerId: 'None', CustomerAccountId: 'None' } });
    assert.equal(res.status, 200, res.text);
    assert.equal((res.body.Account as { Id: string }).Id, T.account.id.toString());
  });

  it('an unknown path → 404', async () => {
    const res = await call('POST', `${V13}/Accounts/Teleport`, {});
    assert.equal(res.status, 404);
    assert.equal(res.body.Type, undefined, 'a 404 is not a fault object (the Java SDK falls back to SOAP)');
  });

  it('a known path with a method it does not serve → 404', async () => {
    const res = await call('GET', `${V13}/Accounts/Find`, undefined);
    assert.equal(res.status, 404);
  });

  it('malformed JSON → 400 100 NullRequest', async () => {
    const res = await call('POST', `${V13}/Account/Query`, '{"AccountId": "1",');
    expectRestFault(res, 400, 'AdApiFaultDetail', 100);
    assert.equal((res.body.Errors as Array<{ ErrorCode: string }>)[0]!.ErrorCode, 'NullRequest');
  });

  it('a UTF-8 byte order mark before the JSON is ignored (RFC 8259 §8.1)', async () => {
    const res = await call('POST', `${V13}/Account/Query`, `\uFEFF{"AccountId": "${T.account.id}"}`);
    assert.equal(res.status, 200, res.text);
    assert.equal((res.body.Account as { Id: string }).Id, T.account.id.toString());
  });

  for (const [what, text] of [['an array', '[{"AccountId":"1"}]'], ['a string', '"AccountId"'], ['a number', '42'], ['a boolean', 'true']] as const) {
    it(`a JSON body that is ${what}, not an object → 400 100`, async () => {
      expectRestFault(await call('POST', `${V13}/Account/Query`, text), 400, 'AdApiFaultDetail', 100);
    });
  }

  it('malformed JSON on a write → 400, and nothing is stored', async () => {
    const before = await snapshot(T.customer.id);
    expectRestFault(await call('POST', `${V13}/Account`, `{"Account": {"Name": "${uniqueName('Broken')}", `), 400, 'AdApiFaultDetail', 100);
    assert.deepEqual(await snapshot(T.customer.id), before);
  });

  it('a body over the server\'s --body-limit → 413 with a fault body, and nothing is stored', async () => {
    const limitedStore = await limited.store();
    const limitedCall = (method: string, path: string, body: unknown, token: string) => checkedRest(limited.url, token, method, path, body);
    const L = await createTestTenant(limitedStore, 'sandbox', 'RestLimited');
    const before = await accountsOf(limitedStore, L.customer.id);
    const body = { Account: { Name: uniqueName('Huge'), CurrencyCode: 'USD', ParentCustomerId: L.customer.id.toString(), BusinessAddress: address({ Line2: 'x'.repeat(3000) }) } };
    const res = await limitedCall('POST', `${V13}/Account`, body, L.token);
    assert.equal(res.status, 413, res.text);
    assert.equal(res.body.TrackingId, res.headers.get('trackingid'));
    assert.equal(res.body.Type, 'AdApiFaultDetail');
    assert.deepEqual(await accountsOf(limitedStore, L.customer.id), before);
    // Under the limit the same server answers normally.
    const small = await limitedCall('POST', `${V13}/Account/Query`, { AccountId: L.account.id.toString() }, L.token);
    assert.equal(small.status, 200, small.text);
  });

  it('every fault\'s TrackingId is fresh: two identical failing calls get different ids', async () => {
    const a = await getAccount({ token: 'nope' });
    const b = await getAccount({ token: 'nope' });
    assert.notEqual(a.body.TrackingId, b.body.TrackingId);
    assert.notEqual(a.headers.get('trackingid'), b.headers.get('trackingid'));
  });
});
