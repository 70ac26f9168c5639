// GetAccount end to end: each rule asserted over SOAP and REST in one test (the returned
// AdvertiserAccount equals the stored record; unknown and foreign ids refused); the shape of each
// face (WSDL order and nils; SDK JSON typing) in tests named after their face.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { assertAccountMatches, assertAdvertiserAccountShape } from '../../support/account-xml.js';
import { expectRefusedAlike, useAccountsWorld, type Demo } from '../../support/accounts-world.js';
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

describe('GetAccount over SOAP and REST', () => {
  it('returns the stored account, equal to the stored record', async () => {
    const { id } = await addOk(admin, newAccount(uniqueName('Get Me'), { TimeZone: 'Hawaii' }));
    const r = await getAccount(admin, id);
    assertTrackingId(r);
    const account = must(childEl(expectOk(r, 'GetAccount'), 'Account'), 'Account');
    assertAccountMatches(account, (await store.getAccount(id))!);

    const res = await call('POST', `${V13}/Account/Query`, { AccountId: T.account.id.toString() });
    assert.equal(res.status, 200, res.text);
    const a = res.body.Account as Record<string, unknown>;
    const rec = (await store.getAccount(T.account.id))!;
    assert.equal(a.Id, rec.id.toString());
    assert.equal(a.ParentCustomerId, rec.customerId.toString());
    assert.equal(a.Name, rec.name);
    assert.equal(a.Number, rec.number);
    assert.equal(a.CurrencyCode, rec.currencyCode);
    assert.equal(a.PaymentMethodId, rec.paymentMethodId?.toString());
    assert.equal(a.BillToCustomerId, rec.billToCustomerId?.toString());
    assert.equal(a.PrimaryUserId, rec.primaryUserId?.toString());
    assert.equal(a.LastModifiedByUserId, rec.lastModifiedByUserId?.toString());
    assert.equal(Date.parse(a.LastModifiedTime as string), rec.lastModifiedTime.getTime());
    assert.equal(a.AccountLifeCycleStatus, rec.lifeCycleStatus);
    assert.equal(a.TimeZone, rec.timeZone);
    assert.equal(a.Language, rec.language);
    assert.equal(a.AutoTagType, rec.autoTagType);
    assert.equal((a.BusinessAddress as Record<string, unknown>).City, rec.businessAddress?.city);
    assert.equal((a.BusinessAddress as Record<string, unknown>).Id, rec.businessAddress?.id.toString());
  });

  it('ReturnAdditionalFields AccountMode adds the stored AccountMode (space-separated or repeated over SOAP, the SDK flag list over REST)', async () => {
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

    const res = await call('POST', `${V13}/Account/Query`, { AccountId: T.account.id.toString(), ReturnAdditionalFields: 'AccountMode' });
    assert.equal(res.status, 200, res.text);
    const a = res.body.Account as Record<string, unknown>;
    conform(a, ADVERTISER_ACCOUNT, 'Account');
    assert.equal(a.AccountMode, (await store.getAccount(T.account.id))!.accountMode);
    assert.equal(a.AccountMode, 'Expert');

    const both = await call('POST', `${V13}/Account/Query`, { AccountId: T.account.id.toString(), ReturnAdditionalFields: 'TaxCertificate, AccountMode' });
    assert.equal(both.status, 200, both.text);
    const b = both.body.Account as Record<string, unknown>;
    conform(b, ADVERTISER_ACCOUNT, 'Account');
    assert.equal(b.AccountMode, 'Expert');
  });

  it('an unknown flag in ReturnAdditionalFields → 201 (AdApiFaultDetail)', async () => {
    const bad = await getAccount(admin, demo.account.id, '<ReturnAdditionalFields>AccountMode Bogus</ReturnAdditionalFields>');
    expectFault(bad, 201, 'AdApiFaultDetail');
    expectRestFault(await call('POST', `${V13}/Account/Query`, { AccountId: T.account.id.toString(), ReturnAdditionalFields: 'AccountMode, Bogus' }), 400, 'AdApiFaultDetail', 201);
  });

  it('an account id that does not exist → 2108 naming it', async () => {
    const all = await store.queryAccounts({ scope: { customerIds: [demo.customerId], accountIds: [] }, orderBy: { field: 'Id', descending: true }, limit: 1 });
    const missing = all[0]!.id + 100_000n;
    const details = expectFault(await getAccount(admin, missing), 2108, 'ApiFault');
    assert.match(details ?? '', new RegExp(String(missing)));

    expectRestFault(await call('POST', `${V13}/Account/Query`, { AccountId: '987654321987' }), 400, 'ApiFault', 2108);
    await expectRefusedAlike(world, 2108, ['POST', '/Account/Query', { AccountId: '987654321987' }], ['GetAccount', '<AccountId>987654321987</AccountId>']);
  });

  it('64-bit ids stay exact: 9007199254740993 is answered 2108 naming exactly that id', async () => {
    const details = expectFault(await getAccount(admin, '9007199254740993'), 2108, 'ApiFault');
    assert.match(details ?? '', /\b9007199254740993\b/);
    assert.doesNotMatch(details ?? '', /9007199254740992/);

    const res = await call('POST', `${V13}/Account/Query`, { AccountId: '9007199254740993' });
    expectRestFault(res, 400, 'ApiFault', 2108);
    const restDetails = String((res.body.OperationErrors as Array<{ Details: string }>)[0]!.Details);
    assert.match(restDetails, /\b9007199254740993\b/);
    assert.doesNotMatch(restDetails, /9007199254740992/);
  });

  it('another customer\'s account → 106, revealing none of its data', async () => {
    const other = await newTenant('Private');
    const r = await getAccount(admin, other.account.id);
    expectFault(r, 106, 'AdApiFaultDetail');
    assert.ok(!r.text.includes(other.account.name));
    assert.ok(!r.text.includes(other.account.number));

    const res = await call('POST', `${V13}/Account/Query`, { AccountId: O.account.id.toString() });
    expectRestFault(res, 403, 'AdApiFaultDetail', 106);
    assert.ok(!res.text.includes(O.account.name) && !res.text.includes(O.account.number));
    await expectRefusedAlike(world, 106, ['POST', '/Account/Query', { AccountId: O.account.id.toString() }], ['GetAccount', `<AccountId>${O.account.id}</AccountId>`]);
  });
});

// ------------------------------------------------------------------------------------------------
describe('GetAccount: face-specific', () => {
  it('SOAP: the account in WSDL element order, nulls as i:nil="true", without AccountMode or TaxCertificate unless asked', async () => {
    const { id } = await addOk(admin, newAccount(uniqueName('Get My Shape'), { TimeZone: 'Hawaii' }));
    const account = await getAccountOk(admin, id);
    assertAdvertiserAccountShape(account);
    assert.equal(childEl(account, 'AccountMode'), undefined);
    assert.equal(childEl(account, 'TaxCertificate'), undefined);
    for (const alwaysNil of ['ForwardCompatibilityMap', 'LinkedAgencies', 'PaymentMethodType', 'Language']) {
      assert.equal(childEl(account, alwaysNil)?.attributes.get(NIL), 'true', alwaysNil);
    }
  });

  it('REST: the SDK typing (longs as strings); null fields and fields not asked for are left out', async () => {
    const res = await call('POST', `${V13}/Account/Query`, { AccountId: T.account.id.toString() });
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(Object.keys(res.body), ['Account']);
    const a = res.body.Account as Record<string, unknown>;
    conform(a, ADVERTISER_ACCOUNT, 'Account');
    const stamp = Buffer.from(a.TimeStamp as string, 'base64');
    assert.ok(stamp.length > 0, 'TimeStamp is a non-empty base64 value');
    assert.equal(a.PaymentMethodType, undefined, 'PaymentMethodType is NULL for GetAccount, so left out');
    assert.equal(a.PauseReason, undefined, 'a null PauseReason is left out, not sent as null');
    assert.equal(a.AccountMode, undefined, 'AccountMode only when asked for');
    assert.equal(a.TaxCertificate, undefined, 'TaxCertificate only when asked for');
  });

  it('REST: a PauseReason is a JSON number', async () => {
    const a = await getAccountJson(paused.id);
    conform(a, ADVERTISER_ACCOUNT, 'Account');
    assert.equal(a.PauseReason, 2);
    assert.equal(a.AccountLifeCycleStatus, 'Pause');
  });

  it('REST: AccountId as a small JSON number gets the same answer', async () => {
    const asString = await call('POST', `${V13}/Account/Query`, { AccountId: T2.id.toString() });
    const asNumber = await call('POST', `${V13}/Account/Query`, { AccountId: Number(T2.id) });
    assert.equal(asNumber.status, 200, asNumber.text);
    assert.deepEqual(asNumber.body, asString.body);
    assert.equal((asNumber.body.Account as { Id: string }).Id, T2.id.toString());
  });

  it('REST: AccountId as a JSON number above 2^53 → 400 201 ApiInputValidationError', async () => {
    const res = await call('POST', `${V13}/Account/Query`, '{"AccountId": 9007199254740993}');
    expectRestFault(res, 400, 'AdApiFaultDetail', 201);
    assert.equal((res.body.Errors as Array<{ ErrorCode: string }>)[0]!.ErrorCode, 'ApiInputValidationError');
  });
});
