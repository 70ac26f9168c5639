// GetAccount end to end: the returned AdvertiserAccount equals the stored record, over SOAP (WSDL
// order, nils) and REST (SDK typing); unknown and foreign ids refused alike on both faces.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { assertAccountMatches, assertAdvertiserAccountShape } from '../../support/account-xml.js';
import { itRefusesOnBothFaces, useAccountsWorld, type Demo } from '../../support/accounts-world.js';
import type { SoapCredentials } from '../../support/clients.js';
import type { TestTenant } from '../../support/fixtures.js';
import { uniqueName } from '../../support/names.js';
import { expectRestFault, V13 } from '../../support/rest-assert.js';
import { ADVERTISER_ACCOUNT, conform } from '../../support/rest-shapes.js';
import { assertTrackingId, childEl, expectFault, expectOk, must, NIL, value } from '../../support/soap-assert.js';
import type { AccountRecord } from '../../../src/store/records.js';
import type { Store } from '../../../src/store/store.js';

const world = useAccountsWorld();
const { newAccount, addOk, getAccount, getAccountOk, newTenant, call, getAccountJson } = world;
let store: Store;
let admin: SoapCredentials;
let demo: Demo;
let T: TestTenant;
let O: TestTenant;
let T2: AccountRecord;
let paused: AccountRecord;
before(async () => { await world.started(); ({ store, admin, demo, T, O, T2, paused } = world); });

describe('SOAP GetAccount', () => {
  it('returns the stored account in WSDL element order, nulls as i:nil="true", without AccountMode unless asked', async () => {
    const { id } = await addOk(admin, newAccount(uniqueName('Get Me'), { TimeZone: 'Hawaii' }));
    const r = await getAccount(admin, id);
    assertTrackingId(r);
    const account = must(childEl(expectOk(r, 'GetAccount'), 'Account'), 'Account');
    assertAdvertiserAccountShape(account);
    assert.equal(childEl(account, 'AccountMode'), undefined);
    assert.equal(childEl(account, 'TaxCertificate'), undefined);
    assertAccountMatches(account, (await store.getAccount(id))!);
    for (const alwaysNil of ['ForwardCompatibilityMap', 'LinkedAgencies', 'PaymentMethodType', 'Language']) {
      assert.equal(childEl(account, alwaysNil)?.attributes.get(NIL), 'true', alwaysNil);
    }
  });

  it('returns AccountMode when asked with ReturnAdditionalFields, space-separated or as repeated elements', async () => {
    const rec = demo.account;
    const spaced = await getAccountOk(admin, rec.id, '<ReturnAdditionalFields>TaxCertificate AccountMode</ReturnAdditionalFields>');
    assertAdvertiserAccountShape(spaced, ['TaxCertificate', 'AccountMode']);
    assert.equal(value(spaced, 'AccountMode'), rec.accountMode);
    assert.ok(rec.accountMode, 'the demo account has an AccountMode');

    const repeated = await getAccountOk(admin, rec.id,
      '<ReturnAdditionalFields>TaxCertificate</ReturnAdditionalFields><ReturnAdditionalFields>AccountMode</ReturnAdditionalFields>');
    assertAdvertiserAccountShape(repeated, ['TaxCertificate', 'AccountMode']);
    assert.equal(value(repeated, 'AccountMode'), rec.accountMode);

    const only = await getAccountOk(admin, rec.id, '<ReturnAdditionalFields>AccountMode</ReturnAdditionalFields>');
    assert.equal(only.children.at(-1)?.local, 'AccountMode');

    const taxOnly = await getAccountOk(admin, rec.id, '<ReturnAdditionalFields>TaxCertificate</ReturnAdditionalFields>');
    assert.equal(childEl(taxOnly, 'AccountMode'), undefined);

    const bad = await getAccount(admin, rec.id, '<ReturnAdditionalFields>AccountMode Bogus</ReturnAdditionalFields>');
    expectFault(bad, 201, 'AdApiFaultDetail');
  });

  it('answers 2108 for an account id that does not exist', async () => {
    const all = await store.queryAccounts({ scope: { customerIds: [demo.customerId], accountIds: [] }, orderBy: { field: 'Id', descending: true }, limit: 1 });
    const missing = all[0]!.id + 100_000n;
    const details = expectFault(await getAccount(admin, missing), 2108, 'ApiFault');
    assert.match(details ?? '', new RegExp(String(missing)));
  });

  it('answers 106 for another tenant\'s account and returns none of its data', async () => {
    const other = await newTenant('Private');
    const r = await getAccount(admin, other.account.id);
    expectFault(r, 106, 'AdApiFaultDetail');
    assert.ok(!r.text.includes(other.account.name));
    assert.ok(!r.text.includes(other.account.number));
  });

  it('keeps 64-bit ids exact: 9007199254740993 is answered 2108 naming exactly that id', async () => {
    const details = expectFault(await getAccount(admin, '9007199254740993'), 2108, 'ApiFault');
    assert.match(details ?? '', /\b9007199254740993\b/);
    assert.doesNotMatch(details ?? '', /9007199254740992/);
  });
});

// ------------------------------------------------------------------------------------------------
describe('REST GetAccount (POST /CustomerManagement/v13/Account/Query)', () => {
  it('returns the AdvertiserAccount with REST typing, equal to the stored record', async () => {
    const res = await call('POST', `${V13}/Account/Query`, { AccountId: T.account.id.toString() });
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(Object.keys(res.body), ['Account']);
    const a = res.body.Account as Record<string, unknown>;
    conform(a, ADVERTISER_ACCOUNT, 'Account');
    const r = (await store.getAccount(T.account.id))!;
    assert.equal(a.Id, r.id.toString());
    assert.equal(a.ParentCustomerId, r.customerId.toString());
    assert.equal(a.Name, r.name);
    assert.equal(a.Number, r.number);
    assert.equal(a.CurrencyCode, r.currencyCode);
    assert.equal(a.PaymentMethodId, r.paymentMethodId?.toString());
    assert.equal(a.BillToCustomerId, r.billToCustomerId?.toString());
    assert.equal(a.PrimaryUserId, r.primaryUserId?.toString());
    assert.equal(a.LastModifiedByUserId, r.lastModifiedByUserId?.toString());
    assert.equal(Date.parse(a.LastModifiedTime as string), r.lastModifiedTime.getTime());
    assert.equal(a.AccountLifeCycleStatus, r.lifeCycleStatus);
    assert.equal(a.TimeZone, r.timeZone);
    assert.equal(a.Language, r.language);
    assert.equal(a.AutoTagType, r.autoTagType);
    assert.equal((a.BusinessAddress as Record<string, unknown>).City, r.businessAddress?.city);
    assert.equal((a.BusinessAddress as Record<string, unknown>).Id, r.businessAddress?.id.toString());
    const stamp = Buffer.from(a.TimeStamp as string, 'base64');
    assert.ok(stamp.length > 0, 'TimeStamp is a non-empty base64 value');
    assert.equal(a.PaymentMethodType, undefined, 'PaymentMethodType is NULL for GetAccount, so left out');
    assert.equal(a.PauseReason, undefined, 'a null PauseReason is left out, not sent as null');
    assert.equal(a.AccountMode, undefined, 'AccountMode only when asked for');
    assert.equal(a.TaxCertificate, undefined, 'TaxCertificate only when asked for');
  });

  it('accepts AccountId as a small JSON number, with the same answer', async () => {
    const asString = await call('POST', `${V13}/Account/Query`, { AccountId: T2.id.toString() });
    const asNumber = await call('POST', `${V13}/Account/Query`, { AccountId: Number(T2.id) });
    assert.equal(asNumber.status, 200, asNumber.text);
    assert.deepEqual(asNumber.body, asString.body);
    assert.equal((asNumber.body.Account as { Id: string }).Id, T2.id.toString());
  });

  it('ReturnAdditionalFields "AccountMode" adds AccountMode (the stored mode)', async () => {
    const res = await call('POST', `${V13}/Account/Query`, { AccountId: T.account.id.toString(), ReturnAdditionalFields: 'AccountMode' });
    assert.equal(res.status, 200, res.text);
    const a = res.body.Account as Record<string, unknown>;
    conform(a, ADVERTISER_ACCOUNT, 'Account');
    assert.equal(a.AccountMode, (await store.getAccount(T.account.id))!.accountMode);
    assert.equal(a.AccountMode, 'Expert');
  });

  it('ReturnAdditionalFields "TaxCertificate, AccountMode" (the SDK flag list) is accepted', async () => {
    const res = await call('POST', `${V13}/Account/Query`, { AccountId: T.account.id.toString(), ReturnAdditionalFields: 'TaxCertificate, AccountMode' });
    assert.equal(res.status, 200, res.text);
    const a = res.body.Account as Record<string, unknown>;
    conform(a, ADVERTISER_ACCOUNT, 'Account');
    assert.equal(a.AccountMode, 'Expert');
  });

  it('an unknown flag in ReturnAdditionalFields → 400 201', async () => {
    expectRestFault(await call('POST', `${V13}/Account/Query`, { AccountId: T.account.id.toString(), ReturnAdditionalFields: 'AccountMode, Bogus' }), 400, 'AdApiFaultDetail', 201);
  });

  it('a PauseReason is a JSON number', async () => {
    const a = await getAccountJson(paused.id);
    conform(a, ADVERTISER_ACCOUNT, 'Account');
    assert.equal(a.PauseReason, 2);
    assert.equal(a.AccountLifeCycleStatus, 'Pause');
  });

  it('an account id that does not exist → 400 2108', async () => {
    expectRestFault(await call('POST', `${V13}/Account/Query`, { AccountId: '987654321987' }), 400, 'ApiFault', 2108);
  });

  it('an account of another customer → 403 106, revealing nothing of it', async () => {
    const res = await call('POST', `${V13}/Account/Query`, { AccountId: O.account.id.toString() });
    expectRestFault(res, 403, 'AdApiFaultDetail', 106);
    assert.ok(!res.text.includes(O.account.name) && !res.text.includes(O.account.number));
  });

  it('AccountId as a JSON number above 2^53 → 400 ApiInputValidationError', async () => {
    const res = await call('POST', `${V13}/Account/Query`, '{"AccountId": 9007199254740993}');
    expectRestFault(res, 400, 'AdApiFaultDetail', 201);
    assert.equal((res.body.Errors as Array<{ ErrorCode: string }>)[0]!.ErrorCode, 'ApiInputValidationError');
  });
});

describe('over REST and SOAP alike', () => {
  const cases: Array<[string, number, () => [string, string, unknown], () => [string, string]]> = [
    ['GetAccount unknown id', 2108, () => ['POST', '/Account/Query', { AccountId: '987654321987' }], () => ['GetAccount', '<AccountId>987654321987</AccountId>']],
    ['GetAccount of another customer', 106, () => ['POST', '/Account/Query', { AccountId: O.account.id.toString() }], () => ['GetAccount', `<AccountId>${O.account.id}</AccountId>`]],
  ];
  for (const [what, code, viaRest, viaSoap] of cases) itRefusesOnBothFaces(world, what, code, viaRest, viaSoap);
});

