// SearchAccounts end to end over REST and SOAP, the rules search-accounts.test.ts leaves out:
// case-insensitive Contains/Equals on non-ASCII names, AccountNumber In (at most 10 values),
// ordering by Number and LifeCycleStatus with only the first OrderBy counting, paging of another
// user's accounts, and the additional fields (TaxCertificate left out while unset, CouponClaimInfo
// accepted and ignored). Choices: docs/behaviour.md "Finding and searching".
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { AccountRecord } from '../../../src/store/records.js';
import type { Store } from '../../../src/store/store.js';
import { findAll, text } from '../../support/clients.js';
import { faces, faultCodes, predicates, restCodes, type Faces } from '../../support/faces.js';
import { addUser, createTestTenant, insertTestAccount, ownerOf, tokenFor, type TestTenant } from '../../support/fixtures.js';
import { uniqueName } from '../../support/names.js';
import { startServer, type RunningServer } from '../../support/server.js';

type Pred = { Field: string; Operator: string; Value: string };
interface Options { order?: Array<[string, string]>; page?: [number, number]; additional?: string }

describe('SearchAccounts rules over REST and SOAP', () => {
  let server: RunningServer;
  let store: Store;
  let call: Faces;
  let A: TestTenant;
  let tag: string;
  let accounts: AccountRecord[];

  before(async () => {
    server = await startServer();
    store = await server.store();
    call = faces(server);
    A = await createTestTenant(store, 'sandbox', 'SrchRules');
    tag = uniqueName('Ärger').replace('-', '');
    const spec: Array<[string, AccountRecord['lifeCycleStatus'], number | null]> = [
      [`${tag} École Über`, 'Active', null], [`${tag} ÖL`, 'Pause', 1], [`${tag} straße`, 'Suspended', null], [`${tag} zz`, 'Draft', null],
    ];
    accounts = [];
    for (const [name, status, pause] of spec) {
      accounts.push(await insertTestAccount(store, ownerOf(A), { name, lifeCycleStatus: status, pauseReason: pause }));
    }
  });
  after(async () => { await server?.stop(); });

  /** Account ids over REST and over SOAP, which must agree (same order). */
  async function search(token: string, preds: Pred[], o: Options = {}): Promise<{ ids: string[]; rest: Array<Record<string, unknown>> }> {
    const [index, size] = o.page ?? [0, 100];
    const body: Record<string, unknown> = { Predicates: preds, PageInfo: { Index: index, Size: size } };
    if (o.order) body.Ordering = o.order.map(([Field, Order]) => ({ Field, Order }));
    if (o.additional) body.ReturnAdditionalFields = o.additional;
    const res = await call.rest('SearchAccounts', body, token);
    assert.equal(res.status, 200, res.text);
    const restAccounts = res.body.Accounts as Array<Record<string, unknown>>;
    const ordering = o.order ? `<Ordering>${o.order.map(([f, d]) => `<e:OrderBy><e:Field>${f}</e:Field><e:Order>${d}</e:Order></e:OrderBy>`).join('')}</Ordering>` : '';
    const additional = o.additional ? `<ReturnAdditionalFields>${o.additional.replace(/,\s*/g, ' ')}</ReturnAdditionalFields>` : '';
    const soap = await call.soap('SearchAccounts', `${predicates(preds)}${ordering}<PageInfo><e:Index>${index}</e:Index><e:Size>${size}</e:Size></PageInfo>${additional}`, token);
    assert.equal(soap.status, 200, soap.text);
    const soapIds = findAll(soap.root, 'AdvertiserAccount').map((a) => text(a, 'Id')!);
    const ids = restAccounts.map((a) => String(a.Id));
    assert.deepEqual(soapIds, ids, 'SOAP and REST agree');
    if (o.additional !== undefined) {
      for (const a of findAll(soap.root, 'AdvertiserAccount')) {
        assert.equal(a.children.some((c) => c.local === 'TaxCertificate'), false, 'an unset TaxCertificate is left out (EmitDefaultValue=false)');
        assert.equal(a.children.some((c) => c.local === 'AccountMode'), o.additional.includes('AccountMode'));
      }
    }
    return { ids, rest: restAccounts };
  }
  const id = (a: AccountRecord): string => a.id.toString();

  it('AccountName Contains and Equals are case-insensitive for non-ASCII names', async () => {
    assert.deepEqual((await search(A.token, [{ Field: 'AccountName', Operator: 'Contains', Value: 'ÉCOLE ÜBER' }])).ids, [id(accounts[0]!)]);
    assert.deepEqual((await search(A.token, [{ Field: 'AccountName', Operator: 'Contains', Value: 'école über' }])).ids, [id(accounts[0]!)]);
    assert.deepEqual((await search(A.token, [{ Field: 'AccountName', Operator: 'Equals', Value: `${tag} öl`.toUpperCase() }])).ids, [id(accounts[1]!)]);
    assert.deepEqual((await search(A.token, [{ Field: 'AccountName', Operator: 'Equals', Value: `${tag.toLowerCase()} STRASSE` }])).ids, [],
      'case folding, not Unicode equivalence: ß is not SS');
  });

  it('AccountNumber In takes up to 10 numbers, case-insensitively; 11 → 3030 on both faces', async () => {
    const numbers = accounts.map((a) => a.number.toLowerCase());
    const ten = [...numbers, 'ZZZZZZZ1', 'ZZZZZZZ2', 'ZZZZZZZ3', 'ZZZZZZZ4', 'ZZZZZZZ5', 'ZZZZZZZ6'];
    assert.deepEqual((await search(A.token, [{ Field: 'AccountNumber', Operator: 'In', Value: ten.join(',') }])).ids, accounts.map(id));
    const eleven = { Field: 'AccountNumber', Operator: 'In', Value: [...ten, 'ZZZZZZZ7'].join(',') };
    const r = await call.rest('SearchAccounts', { Predicates: [eleven], PageInfo: { Index: 0, Size: 10 } }, A.token);
    assert.deepEqual([r.status, restCodes(r)], [400, [3030]], r.text);
    assert.deepEqual(faultCodes(await call.soap('SearchAccounts', `${predicates([eleven])}<PageInfo><e:Index>0</e:Index><e:Size>10</e:Size></PageInfo>`, A.token)), [3030]);
  });

  it('orders by Number and by LifeCycleStatus; only the first OrderBy counts', async () => {
    const pred = [{ Field: 'AccountName', Operator: 'Contains', Value: tag }];
    const byNumber = [...accounts].sort((x, y) => (x.number.toLowerCase() < y.number.toLowerCase() ? -1 : 1)).map(id);
    assert.deepEqual((await search(A.token, pred, { order: [['Number', 'Ascending']] })).ids, byNumber);
    assert.deepEqual((await search(A.token, pred, { order: [['Number', 'Descending'], ['Id', 'Ascending']] })).ids, [...byNumber].reverse());
    // Active < Draft < Pause < Suspended, by the status name.
    assert.deepEqual((await search(A.token, pred, { order: [['LifeCycleStatus', 'Ascending'], ['Name', 'Descending']] })).ids,
      [accounts[0]!, accounts[3]!, accounts[1]!, accounts[2]!].map(id));
  });

  it('CustomerId Equals: the customer\'s own accounts', async () => {
    const own = (await store.queryAccounts({ scope: { customerIds: [A.customer.id], accountIds: [] } })).map(id);
    assert.deepEqual((await search(A.token, [{ Field: 'CustomerId', Operator: 'Equals', Value: A.customer.id.toString() }])).ids, own);
  });

  it('UserId of another user pages inside the intersection of both users\' reach', async () => {
    const restricted = await addUser(store, A.customer.id, 203, [accounts[3]!.id, accounts[1]!.id, accounts[2]!.id]);
    const pred = [{ Field: 'UserId', Operator: 'Equals', Value: restricted.id.toString() }];
    const all = [accounts[1]!, accounts[2]!, accounts[3]!].map(id);
    assert.deepEqual((await search(A.token, pred)).ids, all);
    assert.deepEqual((await search(A.token, pred, { page: [1, 1] })).ids, [all[1]]);
    assert.deepEqual((await search(A.token, pred, { page: [1, 2] })).ids, [all[2]]);
    // The restricted user asking about the Super Admin sees only its own three.
    const token = await tokenFor(store, restricted.id);
    assert.deepEqual((await search(token, [{ Field: 'UserId', Operator: 'Equals', Value: A.user.id.toString() }], { page: [0, 2] })).ids, all.slice(0, 2));
  });

  it('ReturnAdditionalFields: AccountMode added; TaxCertificate accepted (left out while unset); CouponClaimInfo accepted and ignored', async () => {
    const pred = [{ Field: 'AccountId', Operator: 'Equals', Value: id(accounts[0]!) }];
    for (const flags of ['TaxCertificate', 'CouponClaimInfo', 'TaxCertificate, AccountMode, CouponClaimInfo']) {
      const { ids, rest } = await search(A.token, pred, { additional: flags });
      assert.deepEqual(ids, [id(accounts[0]!)], flags);
      assert.equal(rest[0]!.AccountMode, flags.includes('AccountMode') ? 'Expert' : undefined, flags);
      assert.equal(rest[0]!.TaxCertificate, undefined, flags);
      assert.equal(rest[0]!.CouponClaimInfo, undefined, flags);
    }
  });
});
