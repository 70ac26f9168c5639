// MapAccountIdToExternalAccountIds (undocumented) end to end over REST and SOAP: the list is stored
// as given (trimmed, empty items and duplicates dropped), replaced as a whole, cleared by nil or
// an empty list; roles that may update the account may map it; 2108 unknown, 106 out of reach,
// 201 too many or too long. Choices: docs/behaviour.md "Accounts".
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Store } from '../../../src/store/store.js';
import { find } from '../../support/clients.js';
import { ARRAYS, faces, faultCodes, restCodes, type Faces } from '../../support/faces.js';
import { addUser, createTestTenant, tokenFor, type TestTenant } from '../../support/fixtures.js';
import { startServer, type RunningServer } from '../../support/server.js';

describe('MapAccountIdToExternalAccountIds over REST and SOAP', () => {
  let server: RunningServer;
  let store: Store;
  let call: Faces;
  let A: TestTenant;
  let B: TestTenant;

  before(async () => {
    server = await startServer();
    store = await server.store();
    call = faces(server);
    A = await createTestTenant(store, 'sandbox', 'MapA');
    B = await createTestTenant(store, 'sandbox', 'MapB');
  });
  after(async () => { await server?.stop(); });

  const restMap = (token: string, id: bigint, ids: unknown) =>
    call.rest('MapAccountIdToExternalAccountIds', { AccountId: id.toString(), ExternalAccountIds: ids }, token);
  const soapMap = (token: string, id: bigint, ids: readonly string[] | null) => call.soap('MapAccountIdToExternalAccountIds',
    `<AccountId>${id}</AccountId>${ids === null ? '<ExternalAccountIds i:nil="true"/>'
      : `<ExternalAccountIds xmlns:a="${ARRAYS}">${ids.map((x) => (x === '' ? '<a:string/>' : `<a:string>${x}</a:string>`)).join('')}</ExternalAccountIds>`}`, token);
  const stored = (id: bigint) => store.getAccountExternalIds(id);

  it('REST: stores the list in order (trimmed, duplicates dropped), {} in return, the account itself unchanged', async () => {
    const before = await store.getAccount(A.account.id);
    const res = await restMap(A.token, A.account.id, [' crm-1 ', 'Ünïcode-2', 'crm-1', '']);
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(res.body, {});
    assert.deepEqual(await stored(A.account.id), ['crm-1', 'Ünïcode-2']);
    assert.deepEqual(await store.getAccount(A.account.id), before, 'TimeStamp and settings untouched');
  });

  it('SOAP: an empty MapAccountIdToExternalAccountIdsResponse; a new list replaces the old one; <string/> is not an id', async () => {
    const res = await soapMap(A.token, A.account.id, ['erp-9', '', 'erp-10']);
    assert.equal(res.status, 200, res.text);
    assert.equal(find(res.root, 'MapAccountIdToExternalAccountIdsResponse')?.children.length, 0);
    assert.deepEqual(await stored(A.account.id), ['erp-9', 'erp-10']);
  });

  it('nil or an empty list clears the mapping, on both faces', async () => {
    await restMap(A.token, A.account.id, ['x-1']);
    assert.equal((await soapMap(A.token, A.account.id, null)).status, 200);
    assert.equal(await stored(A.account.id), null);
    await restMap(A.token, A.account.id, ['x-2']);
    assert.equal((await restMap(A.token, A.account.id, [])).status, 200);
    assert.equal(await stored(A.account.id), null);
  });

  it('Standard Users and Aggregators may map; Viewers and Advertiser Campaign Managers → 106, nothing stored', async () => {
    for (const role of [203, 33]) {
      const user = await addUser(store, A.customer.id, role);
      assert.equal((await restMap(await tokenFor(store, user.id), A.account.id, [`by-${role}`])).status, 200);
      assert.deepEqual(await stored(A.account.id), [`by-${role}`]);
    }
    for (const role of [100, 16]) {
      const token = await tokenFor(store, (await addUser(store, A.customer.id, role)).id);
      const r = await restMap(token, A.account.id, ['nope']);
      assert.deepEqual([r.status, restCodes(r)], [403, [106]], r.text);
      assert.deepEqual(faultCodes(await soapMap(token, A.account.id, ['nope'])), [106]);
    }
    assert.deepEqual(await stored(A.account.id), ['by-33']);
  });

  it('another customer\'s account → 106 and an unknown AccountId → 2108 on both faces', async () => {
    const r = await restMap(A.token, B.account.id, ['x']);
    assert.deepEqual([r.status, restCodes(r)], [403, [106]], r.text);
    assert.deepEqual(faultCodes(await soapMap(A.token, B.account.id, ['x'])), [106]);
    assert.equal(await stored(B.account.id), null);
    const u = await restMap(A.token, 9_000_000_000_002n, ['x']);
    assert.deepEqual([u.status, restCodes(u)], [400, [2108]], u.text);
    assert.deepEqual(faultCodes(await soapMap(A.token, 9_000_000_000_002n, ['x'])), [2108]);
  });

  it('more than 100 ids, or one longer than 100 characters → 201 on both faces, nothing stored', async () => {
    await restMap(A.token, A.account.id, ['keep']);
    const many = Array.from({ length: 101 }, (_, i) => `id-${i}`);
    for (const list of [many, ['x'.repeat(101)]]) {
      const r = await restMap(A.token, A.account.id, list);
      assert.deepEqual([r.status, restCodes(r)], [400, [201]], r.text);
      assert.deepEqual(faultCodes(await soapMap(A.token, A.account.id, list)), [201]);
    }
    assert.deepEqual(await stored(A.account.id), ['keep']);
  });
});
