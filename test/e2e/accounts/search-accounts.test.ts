// SearchAccounts end to end (reference §3): each predicate field and operator, ordering, paging, and
// every refusal, over SOAP and REST, and refusals alike on both faces.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes, randomInt } from 'node:crypto';
import {
  ADDRESS, addressXml, assertAccountMatches, assertAdvertiserAccountShape, ROLE, sortIds,
} from '../../support/account-xml.js';
import {
  itRefusesOnBothFaces, predicateXml, searchXml, useAccountsWorld, type SoapTenant,
} from '../../support/accounts-world.js';
import { soap, type SoapCredentials, type SoapResult } from '../../support/clients.js';
import type { TestTenant } from '../../support/fixtures.js';
import { uniqueName } from '../../support/names.js';
import { expectRestFault, ids, sortedIds, V13, type CallOptions, type FaultType } from '../../support/rest-assert.js';
import { ADVERTISER_ACCOUNT, conform } from '../../support/rest-shapes.js';
import type { RunningServer } from '../../support/server.js';
import { childEl, expectFault, expectOk, must, value, xmlEscape, type XmlElement } from '../../support/soap-assert.js';
import type { AccountRecord } from '../../../src/store/records.js';
import type { Store } from '../../../src/store/store.js';

const world = useAccountsWorld();
const { addOk, customerAccounts, newTenant, newUser, insertAccount, call, snapshot } = world;
let server: RunningServer;
let store: Store;
let T: TestTenant;
let O: TestTenant;
let T2: AccountRecord;
before(async () => { await world.started(); ({ server, store, T, O, T2 } = world); });

describe('SOAP SearchAccounts (reference §3)', () => {
  type Pred = [field: string, operator: string, value: string];
  interface SearchOptions { ordering?: [field: string, order: string]; page?: [index: number, size: number] | null; extra?: string }
  function searchXml(predicates: readonly Pred[], opts: SearchOptions = {}): string {
    const preds = predicates.map(([f, o, v]) => `<e:Predicate><e:Field>${f}</e:Field><e:Operator>${o}</e:Operator><e:Value>${xmlEscape(v)}</e:Value></e:Predicate>`).join('');
    const ordering = opts.ordering ? `<Ordering><e:OrderBy><e:Field>${opts.ordering[0]}</e:Field><e:Order>${opts.ordering[1]}</e:Order></e:OrderBy></Ordering>` : '';
    const page = opts.page === null ? '' : `<PageInfo><e:Index>${(opts.page ?? [0, 100])[0]}</e:Index><e:Size>${(opts.page ?? [0, 100])[1]}</e:Size></PageInfo>`;
    return `<Predicates>${preds}</Predicates>${ordering}${page}${opts.extra ?? ''}`;
  }
  const search = (creds: SoapCredentials, predicates: readonly Pred[], opts?: SearchOptions): Promise<SoapResult> => soap(server.soapUrl, 'SearchAccounts', searchXml(predicates, opts), creds);
  async function searchAccounts(creds: SoapCredentials, predicates: readonly Pred[], opts?: SearchOptions): Promise<XmlElement[]> {
    const res = expectOk(await search(creds, predicates, opts), 'SearchAccounts');
    const list = must(childEl(res, 'Accounts'), 'Accounts');
    for (const a of list.children) assert.equal(a.local, 'AdvertiserAccount');
    return list.children;
  }
  async function searchIds(creds: SoapCredentials, predicates: readonly Pred[], opts?: SearchOptions): Promise<bigint[]> {
    return (await searchAccounts(creds, predicates, opts)).map((a) => BigInt(value(a, 'Id')!));
  }

  let tenant: SoapTenant;
  let tag: string;
  let alpha: AccountRecord;
  let bravo: AccountRecord;
  let charlie: AccountRecord;
  let draft: AccountRecord;

  before(async () => {
    tenant = await newTenant('Search');
    tag = `Srch${randomBytes(3).toString('hex')}`;
    const add = async (name: string, withPayment: boolean): Promise<AccountRecord> => {
      const { id } = await addOk(tenant.creds, {
        Name: name, CurrencyCode: 'USD', ParentCustomerId: String(tenant.customer.id), BusinessAddress: addressXml(ADDRESS),
        PaymentMethodId: withPayment ? String(tenant.paymentMethod.id) : undefined,
      });
      return (await store.getAccount(id))!;
    };
    // Mixed case on purpose: ordering by Name is case-insensitive.
    bravo = await add(`${tag} bravo`, true);
    alpha = await add(`${tag} Alpha`, true);
    charlie = await add(`${tag} Charlie`, true);
    draft = await add(`${tag} Draft`, false);
    assert.equal(draft.lifeCycleStatus, 'Draft');
  });

  it('AccountId Equals and In', async () => {
    const one = await searchAccounts(tenant.creds, [['AccountId', 'Equals', String(bravo.id)]]);
    assert.equal(one.length, 1);
    assertAdvertiserAccountShape(one[0]!);
    assertAccountMatches(one[0]!, (await store.getAccount(bravo.id))!);
    assert.deepEqual(sortIds(await searchIds(tenant.creds, [['AccountId', 'In', `${alpha.id},${charlie.id}`]])), sortIds([alpha.id, charlie.id]));
    assert.deepEqual(sortIds(await searchIds(tenant.creds, [['AccountId', 'In', `${alpha.id}, ${charlie.id}`]])), sortIds([alpha.id, charlie.id]));
  });

  it('AccountName Equals (case-insensitive) and Contains', async () => {
    assert.deepEqual(await searchIds(tenant.creds, [['AccountName', 'Equals', alpha.name.toUpperCase()]]), [alpha.id]);
    const contains = await searchIds(tenant.creds, [['AccountName', 'Contains', tag.slice(2).toLowerCase()]]);
    assert.deepEqual(sortIds(contains), sortIds([alpha.id, bravo.id, charlie.id, draft.id]));
    assert.deepEqual(await searchIds(tenant.creds, [['AccountName', 'Contains', 'harli']]), [charlie.id]);
  });

  it('AccountNumber Equals, Contains and In', async () => {
    assert.deepEqual(await searchIds(tenant.creds, [['AccountNumber', 'Equals', alpha.number.toLowerCase()]]), [alpha.id]);
    const middle = bravo.number.slice(2, 6);
    const contains = await searchIds(tenant.creds, [['AccountNumber', 'Contains', middle]]);
    assert.ok(contains.includes(bravo.id));
    for (const rec of await store.getAccounts(contains)) assert.ok(rec.number.toUpperCase().includes(middle.toUpperCase()));
    assert.deepEqual(sortIds(await searchIds(tenant.creds, [['AccountNumber', 'In', `${alpha.number},${draft.number}`]])), sortIds([alpha.id, draft.id]));
  });

  it('CustomerId Equals returns the customer\'s accounts', async () => {
    const expected = sortIds((await customerAccounts(tenant.customer.id)).map((a) => a.id));
    assert.equal(expected.length, 5);
    assert.deepEqual(sortIds(await searchIds(tenant.creds, [['CustomerId', 'Equals', String(tenant.customer.id)]])), expected);
  });

  it('a foreign CustomerId or AccountId yields none of that tenant\'s accounts', async () => {
    const other = await newTenant('Search Other');
    for (const pred of [['CustomerId', 'Equals', String(other.customer.id)], ['AccountId', 'Equals', String(other.account.id)]] as Pred[]) {
      const r = await search(tenant.creds, [pred]);
      assert.ok(!r.text.includes(other.account.name), `${pred[0]} leaks the other tenant's account`);
      if (r.status === 200) assert.equal(must(childEl(expectOk(r, 'SearchAccounts'), 'Accounts'), 'Accounts').children.length, 0);
    }
  });

  it('UserId Equals: the caller\'s accounts, or another user\'s within the caller\'s reach', async () => {
    const all = sortIds((await customerAccounts(tenant.customer.id)).map((a) => a.id));
    assert.deepEqual(sortIds(await searchIds(tenant.creds, [['UserId', 'Equals', String(tenant.user.id)]])), all);
    const scoped = await newUser(tenant.customer.id, ROLE.StandardUser, [alpha.id]);
    assert.deepEqual(await searchIds(tenant.creds, [['UserId', 'Equals', String(scoped.user.id)]]), [alpha.id]);
    assert.deepEqual(await searchIds(scoped.creds, [['UserId', 'Equals', String(scoped.user.id)]]), [alpha.id]);
  });

  it('AccountLifeCycleStatus Equals together with UserId', async () => {
    const userPred: Pred = ['UserId', 'Equals', String(tenant.user.id)];
    assert.deepEqual(await searchIds(tenant.creds, [['AccountLifeCycleStatus', 'Equals', 'Draft'], userPred]), [draft.id]);
    const active = (await customerAccounts(tenant.customer.id)).filter((a) => a.lifeCycleStatus === 'Active').map((a) => a.id);
    assert.equal(active.length, 4);
    assert.deepEqual(sortIds(await searchIds(tenant.creds, [userPred, ['AccountLifeCycleStatus', 'Equals', 'Active']])), sortIds(active));
    assert.deepEqual(await searchIds(tenant.creds, [['AccountLifeCycleStatus', 'Equals', 'Suspended'], userPred]), []);
  });

  it('AccountLifeCycleStatus alone, or no predicate at all, is refused with 474', async () => {
    expectFault(await search(tenant.creds, [['AccountLifeCycleStatus', 'Equals', 'Active']]), 474, 'ApiFault');
    expectFault(await search(tenant.creds, []), 474, 'ApiFault');
    expectFault(await soap(server.soapUrl, 'SearchAccounts', '<PageInfo><e:Index>0</e:Index><e:Size>10</e:Size></PageInfo>', tenant.creds), 474, 'ApiFault');
  });

  it('an unsupported field or operator is refused with 3030', async () => {
    const cases: Pred[] = [
      ['Bogus', 'Equals', 'abcd'],
      ['MarketCountry', 'Equals', 'US'],
      ['AccountId', 'Contains', String(alpha.id)],
      ['AccountName', 'StartsWith', tag],
      ['AccountName', 'NotEquals', alpha.name],
      ['CustomerId', 'In', String(tenant.customer.id)],
    ];
    for (const pred of cases) expectFault(await search(tenant.creds, [pred]), 3030, 'ApiFault');
    const userPred: Pred = ['UserId', 'Equals', String(tenant.user.id)];
    expectFault(await search(tenant.creds, [['AccountLifeCycleStatus', 'Contains', 'Active'], userPred]), 3030, 'ApiFault');
    expectFault(await search(tenant.creds, [['AccountLifeCycleStatus', 'Equals', 'Sleeping'], userPred]), 3030, 'ApiFault');
    // Two predicates are only allowed when one is AccountLifeCycleStatus.
    expectFault(await search(tenant.creds, [['AccountId', 'Equals', String(alpha.id)], ['CustomerId', 'Equals', String(tenant.customer.id)]]), 3030, 'ApiFault');
  });

  it('In takes at most 10 values: 11 are refused with 3030', async () => {
    const ten = [alpha.id, ...Array.from({ length: 9 }, (_, i) => 9_000_000_000n + BigInt(i))];
    assert.deepEqual(await searchIds(tenant.creds, [['AccountId', 'In', ten.join(',')]]), [alpha.id]);
    expectFault(await search(tenant.creds, [['AccountId', 'In', [...ten, 9_100_000_000n].join(',')]]), 3030, 'ApiFault');
  });

  it('PageInfo is required (3080) and its Size may not exceed 1,000 (3080)', async () => {
    const pred: Pred = ['CustomerId', 'Equals', String(tenant.customer.id)];
    expectFault(await search(tenant.creds, [pred], { page: null }), 3080, 'ApiFault');
    expectFault(await search(tenant.creds, [pred], { page: [0, 1001] }), 3080, 'ApiFault');
    expectFault(await search(tenant.creds, [pred], { page: [-1, 10] }), 3080, 'ApiFault');
    assert.equal((await searchIds(tenant.creds, [pred], { page: [0, 1000] })).length, 5);
  });

  it('orders by Name descending, case-insensitively', async () => {
    const pred: Pred = ['AccountName', 'Contains', tag];
    const names = (await searchAccounts(tenant.creds, [pred], { ordering: ['Name', 'Descending'] })).map((a) => value(a, 'Name'));
    assert.deepEqual(names, [draft.name, charlie.name, bravo.name, alpha.name]);
    const asc = (await searchAccounts(tenant.creds, [pred], { ordering: ['Name', 'Ascending'] })).map((a) => value(a, 'Name'));
    assert.deepEqual(asc, [alpha.name, bravo.name, charlie.name, draft.name]);
    const byId = await searchIds(tenant.creds, [pred], { ordering: ['Id', 'Descending'] });
    assert.deepEqual(byId, sortIds(byId).reverse());
  });

  it('pages: Index 1 Size 1 is the second account in the requested order', async () => {
    const pred: Pred = ['AccountName', 'Contains', tag];
    const opts = (index: number, size: number): SearchOptions => ({ ordering: ['Name', 'Ascending'], page: [index, size] });
    assert.deepEqual(await searchIds(tenant.creds, [pred], opts(1, 1)), [bravo.id]);
    assert.deepEqual(await searchIds(tenant.creds, [pred], opts(0, 2)), [alpha.id, bravo.id]);
    assert.deepEqual(await searchIds(tenant.creds, [pred], opts(1, 2)), [charlie.id, draft.id]);
    assert.deepEqual(await searchIds(tenant.creds, [pred], opts(2, 2)), []);
  });

  it('a Contains value shorter than four characters is refused with 3030', async () => {
    expectFault(await search(tenant.creds, [['AccountName', 'Contains', 'rav']]), 3030, 'ApiFault');
    assert.deepEqual(await searchIds(tenant.creds, [['AccountName', 'Contains', 'bRAv']]), [bravo.id]);
  });

  it('UserId of a user of another tenant yields none of that user\'s accounts', async () => {
    const other = await newTenant('Search Stranger');
    const r = await search(tenant.creds, [['UserId', 'Equals', String(other.user.id)]]);
    assert.ok(!r.text.includes(other.account.name));
    if (r.status === 200) assert.deepEqual(await searchIds(tenant.creds, [['UserId', 'Equals', String(other.user.id)]]), []);
  });

  it('status Active also returns accounts paused by billing (PauseReason 2); Pause returns PauseReason 1 and 4', async () => {
    const paused = await newTenant('Paused');
    const p = (reason: number) => insertAccount(paused.customer.id, uniqueName(`Paused ${reason}`), `Q${randomInt(1e6, 9e6)}`, { lifeCycleStatus: 'Pause', pauseReason: reason });
    const [p1, p2, p4] = [await p(1), await p(2), await p(4)];
    const userPred: Pred = ['UserId', 'Equals', String(paused.user.id)];
    const active = await searchIds(paused.creds, [['AccountLifeCycleStatus', 'Equals', 'Active'], userPred]);
    assert.deepEqual(sortIds(active), sortIds([paused.account.id, p2.id]));
    const pause = await searchIds(paused.creds, [['AccountLifeCycleStatus', 'Equals', 'Pause'], userPred]);
    assert.deepEqual(sortIds(pause), sortIds([p1.id, p4.id]));
    const [shown] = await searchAccounts(paused.creds, [['AccountId', 'Equals', String(p4.id)]]);
    assert.equal(value(shown!, 'PauseReason'), '4');
    assert.equal(value(shown!, 'AccountLifeCycleStatus'), 'Pause');
  });

  it('returns AccountMode when asked with ReturnAdditionalFields', async () => {
    const [account] = await searchAccounts(tenant.creds, [['AccountId', 'Equals', String(alpha.id)]], { extra: '<ReturnAdditionalFields>AccountMode</ReturnAdditionalFields>' });
    assertAdvertiserAccountShape(account!, ['AccountMode']);
    assert.equal(value(account!, 'AccountMode'), alpha.accountMode);
  });
});

// ------------------------------------------------------------------------------------------------
describe('REST SearchAccounts (POST /CustomerManagement/v13/Accounts/Search)', () => {
  const search = (body: unknown, options?: CallOptions) => call('POST', `${V13}/Accounts/Search`, body, options);
  const byUser = (extra: Record<string, unknown> = {}) => ({
    Predicates: [{ Field: 'UserId', Operator: 'Equals', Value: T.user.id.toString() }], PageInfo: { Index: 0, Size: 1000 }, ...extra,
  });

  it('UserId Equals self: every account of the caller, as typed AdvertiserAccount objects in a plain array', async () => {
    const res = await search(byUser());
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(Object.keys(res.body), ['Accounts']);
    conform(res.body.Accounts, { list: ADVERTISER_ACCOUNT }, 'Accounts');
    assert.deepEqual(ids(res.body.Accounts), sortedIds(await snapshot(T.customer.id)));
    for (const a of res.body.Accounts as Array<Record<string, unknown>>) assert.equal(a.AccountMode, undefined);
  });

  it('ReturnAdditionalFields "AccountMode" and "TaxCertificate, AccountMode" add AccountMode', async () => {
    for (const flags of ['AccountMode', 'TaxCertificate, AccountMode']) {
      const res = await search(byUser({ ReturnAdditionalFields: flags }));
      assert.equal(res.status, 200, res.text);
      conform(res.body.Accounts, { list: ADVERTISER_ACCOUNT }, 'Accounts');
      for (const a of res.body.Accounts as Array<Record<string, unknown>>) assert.equal(a.AccountMode, 'Expert', flags);
    }
  });

  it('AccountId In, AccountName Equals and AccountNumber Equals find the named accounts', async () => {
    const inList = await search({ Predicates: [{ Field: 'AccountId', Operator: 'In', Value: `${T.account.id},${T2.id}` }], PageInfo: { Index: 0, Size: 10 } });
    assert.equal(inList.status, 200, inList.text);
    assert.deepEqual(ids(inList.body.Accounts), [T.account.id.toString(), T2.id.toString()].sort());
    const byName = await search({ Predicates: [{ Field: 'AccountName', Operator: 'Equals', Value: T2.name }], PageInfo: { Index: 0, Size: 10 } });
    assert.deepEqual(ids(byName.body.Accounts), [T2.id.toString()]);
    const byNumber = await search({ Predicates: [{ Field: 'AccountNumber', Operator: 'Equals', Value: T2.number }], PageInfo: { Index: 0, Size: 10 } });
    assert.deepEqual(ids(byNumber.body.Accounts), [T2.id.toString()]);
  });

  it('orders by Name descending and pages with Index/Size', async () => {
    const all = await snapshot(T.customer.id);
    const expected = all.map((a) => a.name).sort((x, y) => (x.toLowerCase() < y.toLowerCase() ? 1 : x.toLowerCase() > y.toLowerCase() ? -1 : 0));
    const res = await search(byUser({ Ordering: [{ Field: 'Name', Order: 'Descending' }] }));
    assert.equal(res.status, 200, res.text);
    assert.deepEqual((res.body.Accounts as Array<{ Name: string }>).map((a) => a.Name), expected);
    const second = await search(byUser({ Ordering: [{ Field: 'Name', Order: 'Descending' }], PageInfo: { Index: 1, Size: 1 } }));
    assert.deepEqual((second.body.Accounts as Array<{ Name: string }>).map((a) => a.Name), [expected[1]]);
  });

  it('AccountId Equals of another customer\'s account finds nothing', async () => {
    const res = await search({ Predicates: [{ Field: 'AccountId', Operator: 'Equals', Value: O.account.id.toString() }], PageInfo: { Index: 0, Size: 10 } });
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(res.body.Accounts, []);
  });

  const invalid: Array<[string, unknown, FaultType, number]> = [
    ['no Predicates', { PageInfo: { Index: 0, Size: 10 } }, 'ApiFault', 474],
    ['an empty Predicates array', { Predicates: [], PageInfo: { Index: 0, Size: 10 } }, 'ApiFault', 474],
    ['only an AccountLifeCycleStatus predicate', { Predicates: [{ Field: 'AccountLifeCycleStatus', Operator: 'Equals', Value: 'Active' }], PageInfo: { Index: 0, Size: 10 } }, 'ApiFault', 474],
    ['an unknown predicate Field', { Predicates: [{ Field: 'Colour', Operator: 'Equals', Value: 'blue' }], PageInfo: { Index: 0, Size: 10 } }, 'ApiFault', 3030],
    ['an operator the field does not support', { Predicates: [{ Field: 'AccountId', Operator: 'Contains', Value: '1234' }], PageInfo: { Index: 0, Size: 10 } }, 'ApiFault', 3030],
    ['two predicates', { Predicates: [{ Field: 'AccountId', Operator: 'Equals', Value: '1234' }, { Field: 'CustomerId', Operator: 'Equals', Value: '1234' }], PageInfo: { Index: 0, Size: 10 } }, 'ApiFault', 3030],
    ['no PageInfo', { Predicates: [{ Field: 'AccountId', Operator: 'Equals', Value: '1234' }] }, 'ApiFault', 3080],
    ['PageInfo Index -1', { Predicates: [{ Field: 'AccountId', Operator: 'Equals', Value: '1234' }], PageInfo: { Index: -1, Size: 10 } }, 'ApiFault', 3080],
    ['PageInfo Size 1001', { Predicates: [{ Field: 'AccountId', Operator: 'Equals', Value: '1234' }], PageInfo: { Index: 0, Size: 1001 } }, 'ApiFault', 3080],
    ['an unknown Operator value', { Predicates: [{ Field: 'AccountId', Operator: 'Resembles', Value: '1234' }], PageInfo: { Index: 0, Size: 10 } }, 'AdApiFaultDetail', 201],
    // 19 digits, but beyond the 64-bit range: not an identifier (the GetAccount AccountId equivalent is refused with 201).
    ['a UserId predicate value beyond the 64-bit range', { Predicates: [{ Field: 'UserId', Operator: 'Equals', Value: '9999999999999999999' }], PageInfo: { Index: 0, Size: 10 } }, 'ApiFault', 3030],
    ['a CustomerId predicate value beyond the 64-bit range', { Predicates: [{ Field: 'CustomerId', Operator: 'Equals', Value: '9999999999999999999' }], PageInfo: { Index: 0, Size: 10 } }, 'ApiFault', 3030],
    ['PageInfo Size "ten"', { Predicates: [{ Field: 'AccountId', Operator: 'Equals', Value: '1234' }], PageInfo: { Index: 0, Size: 'ten' } }, 'AdApiFaultDetail', 201],
  ];
  for (const [what, body, type, code] of invalid) {
    it(`${what} → 400 ${code}`, async () => {
      expectRestFault(await search(body), 400, type, code);
    });
  }
});

describe('over REST and SOAP alike', () => {
  const cases: Array<[string, number, () => [string, string, unknown], () => [string, string]]> = [
    ['SearchAccounts without predicates', 474, () => ['POST', '/Accounts/Search', { Predicates: [], PageInfo: { Index: 0, Size: 10 } }], () => ['SearchAccounts', searchXml('')]],
    ['SearchAccounts unknown field', 3030, () => ['POST', '/Accounts/Search', { Predicates: [{ Field: 'Colour', Operator: 'Equals', Value: 'blue' }], PageInfo: { Index: 0, Size: 10 } }], () => ['SearchAccounts', searchXml(predicateXml('Colour', 'Equals', 'blue'))]],
    ['SearchAccounts without PageInfo', 3080, () => ['POST', '/Accounts/Search', { Predicates: [{ Field: 'AccountId', Operator: 'Equals', Value: '1234' }] }], () => ['SearchAccounts', searchXml(predicateXml('AccountId', 'Equals', '1234'), false)]],
  ];
  for (const [what, code, viaRest, viaSoap] of cases) itRefusesOnBothFaces(world, what, code, viaRest, viaSoap);
});

