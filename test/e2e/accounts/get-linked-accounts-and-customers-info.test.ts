// GetLinkedAccountsAndCustomersInfo end to end over REST and SOAP, on the documentation's
// hierarchy (account-hierarchy-permissions.md, "View the Hierarchy"): L1 → (customer link) L2 →
// (customer link) L3 → (account link) an account of L4. AccountsInfo: the customer's own accounts
// and the accounts linked to it by an Active account link; CustomersInfo: the customers linked
// directly under it by an Active customer link. Choices: docs/behaviour.md "Finding and searching".
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Store } from '../../../src/store/store.js';
import { find, findAll, text } from '../../support/clients.js';
import { faces, faultCodes, restCodes, type Faces } from '../../support/faces.js';
import {
  addUser, createTestTenant, insertClientLink, insertTestAccount, ownerOf, tokenFor, type TestTenant,
} from '../../support/fixtures.js';
import { uniqueName } from '../../support/names.js';
import { startServer, type RunningServer } from '../../support/server.js';
import { NIL } from '../../support/soap-assert.js';

interface Answer { accounts: string[]; customers: Array<[string, string]> }

describe('GetLinkedAccountsAndCustomersInfo over REST and SOAP', () => {
  let server: RunningServer;
  let store: Store;
  let call: Faces;
  let L1: TestTenant;
  let L2: TestTenant;
  let L3: TestTenant;
  let L4: TestTenant;
  let l4Linked: bigint;

  before(async () => {
    server = await startServer();
    store = await server.store();
    call = faces(server);
    [L1, L2, L3, L4] = [
      await createTestTenant(store, 'sandbox', 'Lnk L1'), await createTestTenant(store, 'sandbox', 'Lnk L2'),
      await createTestTenant(store, 'sandbox', 'Lnk L3'), await createTestTenant(store, 'sandbox', 'Lnk L4'),
    ];
    await insertTestAccount(store, ownerOf(L4), { name: uniqueName('L4 other') });
    l4Linked = L4.account.id;
    await insertClientLink(store, { type: 'CustomerLink', clientEntityId: L2.customer.id, managingCustomerId: L1.customer.id });
    await insertClientLink(store, { type: 'CustomerLink', clientEntityId: L3.customer.id, managingCustomerId: L2.customer.id });
    await insertClientLink(store, { type: 'AccountLink', clientEntityId: l4Linked, managingCustomerId: L3.customer.id });
    // Links that are not Active do not count.
    const pendingClient = await createTestTenant(store, 'sandbox', 'Lnk Pending');
    await insertClientLink(store, { type: 'CustomerLink', clientEntityId: pendingClient.customer.id, managingCustomerId: L1.customer.id, status: 'LinkPending' });
    await insertClientLink(store, { type: 'AccountLink', clientEntityId: pendingClient.account.id, managingCustomerId: L1.customer.id, status: 'LinkPending' });
  });
  after(async () => { await server?.stop(); });

  const own = async (t: TestTenant): Promise<string[]> =>
    (await store.queryAccounts({ scope: { customerIds: [t.customer.id], accountIds: [] } })).map((a) => a.id.toString());

  /** The answer over REST and over SOAP, which must agree. */
  async function linked(token: string, customerId: bigint | null, onlyParent?: boolean): Promise<Answer> {
    const body: Record<string, unknown> = customerId === null ? {} : { CustomerId: customerId.toString() };
    if (onlyParent !== undefined) body.OnlyParentAccounts = onlyParent;
    const res = await call.rest('GetLinkedAccountsAndCustomersInfo', body, token);
    assert.equal(res.status, 200, res.text);
    assert.ok(Array.isArray(res.body.CustomersInfo), 'CustomersInfo is an array, empty rather than absent');
    const fromRest: Answer = {
      accounts: (res.body.AccountsInfo as Array<{ Id: string }>).map((a) => a.Id).sort(),
      customers: (res.body.CustomersInfo as Array<{ Id: string; Name: string }>).map((c): [string, string] => [c.Id, c.Name]),
    };
    const inner = `${customerId === null ? '<CustomerId i:nil="true"/>' : `<CustomerId>${customerId}</CustomerId>`}`
      + `${onlyParent === undefined ? '' : `<OnlyParentAccounts>${onlyParent}</OnlyParentAccounts>`}`;
    const soap = await call.soap('GetLinkedAccountsAndCustomersInfo', inner, token);
    assert.equal(soap.status, 200, soap.text);
    const response = find(soap.root, 'GetLinkedAccountsAndCustomersInfoResponse')!;
    assert.deepEqual(response.children.map((c) => c.local), ['AccountsInfo', 'CustomersInfo']);
    assert.equal(response.children[1]!.attributes.get(NIL), undefined, 'CustomersInfo is written, not nil');
    const fromSoap: Answer = {
      accounts: findAll(response, 'AccountInfo').map((a) => text(a, 'Id')!).sort(),
      customers: findAll(response, 'CustomerInfo').map((c): [string, string] => [text(c, 'Id')!, text(c, 'Name')!]),
    };
    assert.deepEqual(fromSoap, fromRest, 'SOAP and REST agree');
    return fromRest;
  }

  it('L1: its own accounts; L2 in CustomersInfo (one level: not L3, not L2\'s accounts)', async () => {
    assert.deepEqual(await linked(L1.token, L1.customer.id), { accounts: (await own(L1)).sort(), customers: [[L2.customer.id.toString(), L2.customer.name]] });
  });

  it('L3: its own accounts and the account linked to it; no customers', async () => {
    assert.deepEqual(await linked(L3.token, L3.customer.id), { accounts: [...await own(L3), l4Linked.toString()].sort(), customers: [] });
  });

  it('L4: its own accounts only', async () => {
    assert.deepEqual(await linked(L4.token, L4.customer.id), { accounts: (await own(L4)).sort(), customers: [] });
  });

  it('CustomerId nil or absent is the caller\'s customer', async () => {
    const expected = { accounts: [...await own(L3), l4Linked.toString()].sort(), customers: [] };
    assert.deepEqual(await linked(L3.token, null), expected);
  });

  it('OnlyParentAccounts true: only the customer\'s own accounts, CustomersInfo empty', async () => {
    assert.deepEqual(await linked(L3.token, L3.customer.id, true), { accounts: (await own(L3)).sort(), customers: [] });
    assert.deepEqual(await linked(L1.token, L1.customer.id, true), { accounts: (await own(L1)).sort(), customers: [] });
    assert.deepEqual(await linked(L1.token, L1.customer.id, false), await linked(L1.token, L1.customer.id));
  });

  it('L1\'s Super Admin may ask about L2, which it reaches through its customer link', async () => {
    assert.deepEqual(await linked(L1.token, L2.customer.id), { accounts: (await own(L2)).sort(), customers: [[L3.customer.id.toString(), L3.customer.name]] });
  });

  it('a user restricted to some accounts sees those accounts and no customers', async () => {
    const restricted = await addUser(store, L1.customer.id, 203, [L1.account.id]);
    assert.deepEqual(await linked(await tokenFor(store, restricted.id), L1.customer.id), { accounts: [L1.account.id.toString()], customers: [] });
  });

  it('a customer out of the caller\'s reach → 106 on both faces', async () => {
    const r = await call.rest('GetLinkedAccountsAndCustomersInfo', { CustomerId: L1.customer.id.toString() }, L4.token);
    assert.deepEqual([r.status, restCodes(r)], [403, [106]], r.text);
    assert.ok(!r.text.includes(L2.customer.name));
    assert.deepEqual(faultCodes(await call.soap('GetLinkedAccountsAndCustomersInfo', `<CustomerId>${L1.customer.id}</CustomerId>`, L4.token)), [106]);
  });
});
