// FindAccountsOrCustomersInfo end to end over REST and SOAP: accounts first (case-insensitive
// begins-with on name or number, non-ASCII included), then the accounts of customers whose name
// begins with the filter, up to TopN (1–5,000, else 201); CustomerId is the owner for an account
// match and the managing aggregator for a customer match; AccountMode only when asked; only what
// the caller reaches. Choices: docs/behaviour.md "Finding and searching".
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { AccountRecord } from '../../../src/store/records.js';
import type { Store } from '../../../src/store/store.js';
import { findAll } from '../../support/clients.js';
import { faces, faultCodes, restCodes, type Faces } from '../../support/faces.js';
import {
  addUser, createTestTenant, insertClientLink, insertTestAccount, ownerOf, tokenFor, type TestTenant,
} from '../../support/fixtures.js';
import { uniqueName } from '../../support/names.js';
import { startServer, type RunningServer } from '../../support/server.js';

interface Row { CustomerId: string; CustomerName: string; AccountId: string; AccountName: string; AccountNumber: string; AccountLifeCycleStatus: string; PauseReason?: string; AccountMode?: string }
const FIELDS = ['CustomerId', 'CustomerName', 'AccountId', 'AccountName', 'AccountNumber', 'AccountLifeCycleStatus', 'PauseReason', 'AccountMode'] as const;

describe('FindAccountsOrCustomersInfo over REST and SOAP', () => {
  let server: RunningServer;
  let store: Store;
  let call: Faces;
  let A: TestTenant;
  let tag: string;
  let accented: AccountRecord;
  let plain: AccountRecord;

  before(async () => {
    server = await startServer();
    store = await server.store();
    call = faces(server);
    A = await createTestTenant(store, 'sandbox', 'Foci');
    tag = uniqueName('Ébène').replace('-', '');
    accented = await insertTestAccount(store, ownerOf(A), { name: `${tag} Über`, lifeCycleStatus: 'Pause', pauseReason: 1 });
    plain = await insertTestAccount(store, ownerOf(A), { name: `${tag} zulu` });
  });
  after(async () => { await server?.stop(); });

  /** The rows over REST and over SOAP, which must agree; SOAP elements in WSDL order, nulls nil. */
  async function rows(token: string, filter: string | null, topN: number, additional?: string): Promise<Row[]> {
    const res = await call.rest('FindAccountsOrCustomersInfo', { Filter: filter, TopN: topN, ...(additional ? { ReturnAdditionalFields: additional } : {}) }, token);
    assert.equal(res.status, 200, res.text);
    const restRows = res.body.AccountInfoWithCustomerData as Row[];
    const inner = `${filter === null ? '<Filter i:nil="true"/>' : `<Filter>${filter}</Filter>`}<TopN>${topN}</TopN>${additional ? `<ReturnAdditionalFields>${additional}</ReturnAdditionalFields>` : ''}`;
    const soap = await call.soap('FindAccountsOrCustomersInfo', inner, token);
    assert.equal(soap.status, 200, soap.text);
    const soapRows = findAll(soap.root, 'AccountInfoWithCustomerData').filter((e) => e.children.length > 0 && e.children[0]!.local === 'CustomerId');
    const expectedOrder = FIELDS.filter((f) => f !== 'AccountMode' || additional?.includes('AccountMode'));
    for (const e of soapRows) assert.deepEqual(e.children.map((c) => c.local), expectedOrder);
    const fromSoap = soapRows.map((e) => {
      const o: Record<string, string> = {};
      for (const c of e.children) if (c.text !== '') o[c.local] = c.text;
      return o;
    });
    const fromRest = restRows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, String(v)])));
    assert.deepEqual(fromSoap, fromRest, 'SOAP and REST agree');
    return restRows;
  }

  it('an account name match, case-insensitively also for non-ASCII: the owner as CustomerId, every field filled', async () => {
    const got = await rows(A.token, tag.toUpperCase(), 10);
    // Ordered by the folded name in code point order ('… zulu' before '… über'), then id.
    assert.deepEqual(got.map((r) => r.AccountId), [plain.id.toString(), accented.id.toString()]);
    assert.deepEqual(got[1], {
      CustomerId: A.customer.id.toString(), CustomerName: A.customer.name, AccountId: accented.id.toString(),
      AccountName: accented.name, AccountNumber: accented.number, AccountLifeCycleStatus: 'Pause', PauseReason: 1,
    });
    assert.deepEqual((await rows(A.token, `${tag.toLowerCase()} ü`, 10)).map((r) => r.AccountId), [accented.id.toString()]);
  });

  it('an account number match (begins-with, case-insensitive)', async () => {
    assert.deepEqual((await rows(A.token, plain.number.slice(0, 6).toLowerCase(), 10)).map((r) => r.AccountId), [plain.id.toString()]);
  });

  it('the customer name matches after the accounts: its accounts follow, no account twice', async () => {
    const prefix = A.customer.name.slice(0, 12).toLowerCase();
    const got = await rows(A.token, prefix, 100);
    const all = (await store.queryAccounts({ scope: { customerIds: [A.customer.id], accountIds: [] } })).map((a) => a.id.toString());
    assert.deepEqual(got.map((r) => r.AccountId), all);
    for (const r of got) assert.equal(r.CustomerId, A.customer.id.toString());
  });

  it('accounts come first; customers are searched only while fewer than TopN accounts matched', async () => {
    const first = await createTestTenant(store, 'sandbox', 'Foci Both');
    // An account named like the customer, and another whose name does not match.
    const named = await insertTestAccount(store, ownerOf(first), { name: `${first.customer.name} account` });
    const got = await rows(first.token, first.customer.name, 1);
    assert.deepEqual(got.map((r) => r.AccountId), [named.id.toString()]);
    const more = await rows(first.token, first.customer.name, 5);
    assert.deepEqual(more.map((r) => r.AccountId), [named.id.toString(), first.account.id.toString()]);
  });

  it('an empty or nil Filter lists everything in reach (accounts, then the customers\' other accounts), at most TopN', async () => {
    const own = (await store.queryAccounts({ scope: { customerIds: [A.customer.id], accountIds: [] } })).map((a) => a.id.toString());
    assert.deepEqual((await rows(A.token, '', 5000)).map((r) => r.AccountId), own);
    assert.deepEqual((await rows(A.token, null, 5000)).map((r) => r.AccountId), own);
    assert.deepEqual((await rows(A.token, '', 2)).map((r) => r.AccountId), own.slice(0, 2));
  });

  it('AccountMode is returned only when asked with ReturnAdditionalFields', async () => {
    for (const r of await rows(A.token, tag, 10, 'AccountMode')) assert.equal(r.AccountMode, 'Expert');
    for (const r of await rows(A.token, tag, 10)) assert.equal(r.AccountMode, undefined);
  });

  it('TopN outside 1–5,000 → 201 on both faces', async () => {
    for (const topN of [0, -1, 5001]) {
      const r = await call.rest('FindAccountsOrCustomersInfo', { Filter: '', TopN: topN }, A.token);
      assert.deepEqual([r.status, restCodes(r)], [400, [201]], r.text);
      assert.deepEqual(faultCodes(await call.soap('FindAccountsOrCustomersInfo', `<Filter/><TopN>${topN}</TopN>`, A.token)), [201]);
    }
  });

  it('only what the caller reaches: another tenant\'s accounts and customer never match', async () => {
    const stranger = await createTestTenant(store, 'sandbox', 'Foci Stranger');
    assert.deepEqual(await rows(A.token, stranger.account.name, 10), []);
    assert.deepEqual(await rows(A.token, stranger.customer.name, 10), []);
    // A user restricted to one account finds that account only, by its name or its customer's.
    const restricted = await addUser(store, A.customer.id, 203, [plain.id]);
    const token = await tokenFor(store, restricted.id);
    assert.deepEqual((await rows(token, tag, 10)).map((r) => r.AccountId), [plain.id.toString()]);
    assert.deepEqual((await rows(token, A.customer.name, 10)).map((r) => r.AccountId), [plain.id.toString()]);
  });

  it('a customer match names the aggregator managing the account; an account match names the owner', async () => {
    const aggregator = await createTestTenant(store, 'sandbox', 'Foci Aggregator');
    await addUser(store, aggregator.customer.id, 33);
    const client = await createTestTenant(store, 'sandbox', 'Foci Client');
    const { id, customerId, number, currencyCode, version, createdTime, ...changes } = client.account;
    void [id, customerId, number, currencyCode, createdTime];
    await store.updateAccount(client.account.id, version, { ...changes, billToCustomerId: aggregator.customer.id });
    // The aggregator reaches the client customer (here through a customer link: how SignupCustomer
    // grants it is another area's business).
    await insertClientLink(store, { type: 'CustomerLink', clientEntityId: client.customer.id, managingCustomerId: aggregator.customer.id });
    const byCustomer = await rows(aggregator.token, client.customer.name, 10);
    assert.deepEqual(byCustomer.map((r) => [r.AccountId, r.CustomerId, r.CustomerName]),
      [[client.account.id.toString(), aggregator.customer.id.toString(), aggregator.customer.name]]);
    const byAccount = await rows(aggregator.token, client.account.name, 10);
    assert.deepEqual(byAccount.map((r) => [r.AccountId, r.CustomerId, r.CustomerName]),
      [[client.account.id.toString(), client.customer.id.toString(), client.customer.name]]);
  });
});
