// AddAccount end to end (reference §2.1): what is stored and every documented refusal with its code,
// each rule asserted over SOAP (the documentation's request templates) and REST (the SDKs' JSON
// typing) in one test; face-specific behaviour in tests named after their face.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { ADDRESS, addressXml, ROLE } from '../../support/account-xml.js';
import { expectRefusedAlike, tAccountXml, useAccountsWorld, type Demo } from '../../support/accounts-world.js';
import { ADAPI, find, soap, type RestResult, type SoapCredentials, type SoapResult } from '../../support/clients.js';
import { createTestTenant, type TestTenant } from '../../support/fixtures.js';
import { uniqueName } from '../../support/names.js';
import { expectRestFault, V13, type FaultType } from '../../support/rest-assert.js';
import { conform } from '../../support/rest-shapes.js';
import type { RunningServer } from '../../support/server.js';
import { assertTrackingId, childEl, expectFault, expectOk, must, value, WCF_DATE_TIME } from '../../support/soap-assert.js';
import type { Store } from '../../../src/store/store.js';

const world = useAccountsWorld();
const {
  newAccount, addAccount, addOk, getAccount, getAccountOk, customerAccounts, storedNames, newTenant, newUser, call, restAccount, snapshot, address,
} = world;
let server: RunningServer;
let store: Store;
let admin: SoapCredentials;
let demo: Demo;
let T: TestTenant;
let O: TestTenant;
before(async () => { await world.started(); ({ server, store, admin, demo, T, O } = world); });

/** The REST half of a refusal as the REST tests always checked it: the exact flat fault, and neither T's nor O's accounts changed. */
async function restRefuses(body: unknown, status: number, type: FaultType, code: number): Promise<RestResult> {
  const beforeT = await snapshot(T.customer.id);
  const beforeO = await snapshot(O.customer.id);
  const res = await call('POST', `${V13}/Account`, body);
  expectRestFault(res, status, type, code);
  assert.deepEqual(await snapshot(T.customer.id), beforeT, 'the customer\'s accounts are unchanged');
  assert.deepEqual(await snapshot(O.customer.id), beforeO, 'the other customer\'s accounts are unchanged');
  return res;
}
/** The same refusal sent by T over both faces (`expectRefusedAlike`), as AddAccount. */
const addRefusedAlike = (code: number, json: Record<string, unknown>, xml: string): Promise<{ rest: RestResult; soap: SoapResult }> =>
  expectRefusedAlike(world, code, ['POST', '/Account', { Account: json }], ['AddAccount', xml]);

describe('AddAccount: what is stored and returned, over SOAP and REST', () => {
  it('adds an Active account with the customer\'s payment method, answers {AccountId, AccountNumber, CreateTime} and stores what was sent', async () => {
    // SOAP, as the documentation's request template.
    const name = uniqueName('Active Account');
    const before = Date.now();
    const r = await addAccount(admin, newAccount(name, { TimeZone: 'OsakaSapporoTokyo', AutoTagType: 'Preserve' }));
    const res = expectOk(r, 'AddAccount');
    assertTrackingId(r);
    assert.deepEqual(res.children.map((c) => c.local), ['AccountId', 'AccountNumber', 'CreateTime']);
    const id = BigInt(value(res, 'AccountId')!);
    assert.ok(id > 0n);
    const number = value(res, 'AccountNumber')!;
    assert.match(number, /^[A-Za-z0-9]{8}$/);
    const createTime = value(res, 'CreateTime')!;
    assert.match(createTime, WCF_DATE_TIME);
    assert.ok(Math.abs(Date.parse(createTime) - before) < 60_000, 'CreateTime is the server\'s current time');

    const rec = await store.getAccount(id);
    assert.ok(rec, 'the account is stored');
    assert.equal(rec.name, name);
    assert.equal(rec.number, number);
    assert.equal(rec.customerId, demo.customerId);
    assert.equal(rec.currencyCode, 'USD');
    assert.equal(rec.lifeCycleStatus, 'Active');
    assert.equal(rec.paymentMethodId, demo.paymentMethodId);
    assert.equal(rec.billToCustomerId, demo.customerId);
    assert.equal(rec.primaryUserId, demo.user.id, 'the caller becomes the primary user');
    assert.equal(rec.timeZone, 'OsakaSapporoTokyo');
    assert.equal(rec.autoTagType, 'Preserve');
    assert.equal(rec.lastModifiedByUserId, demo.user.id);
    assert.equal(rec.createdTime.getTime(), Date.parse(createTime));
    assert.deepEqual(
      { ...rec.businessAddress!, id: 0n },
      { id: 0n, businessName: 'Contoso', line1: '1 Microsoft Way', line2: null, line3: null, line4: null, city: 'Redmond', stateOrProvince: 'WA', postalCode: '98052', countryCode: 'US' },
    );

    // REST, as the SDKs type it.
    const restName = uniqueName('Added via REST');
    const restRes = await call('POST', `${V13}/Account`, {
      Account: restAccount({
        Name: restName, CurrencyCode: 'EUR', TimeZone: 'BrusselsCopenhagenMadridParis', AutoTagType: 'Preserve',
        BusinessAddress: address({ BusinessName: 'Fabrikam GmbH', City: 'Berlin', CountryCode: 'DE', StateOrProvince: null, PostalCode: '10115' }),
      }),
    });
    assert.equal(restRes.status, 200, restRes.text);
    assert.deepEqual(Object.keys(restRes.body).sort(), ['AccountId', 'AccountNumber', 'CreateTime']);
    conform(restRes.body, { fields: { AccountId: 'long', AccountNumber: 'string', CreateTime: 'dateTime' } }, 'AddAccountResponse');
    assert.match(restRes.body.AccountNumber as string, /^[A-Z0-9]{8}$/);
    const created = Date.parse(restRes.body.CreateTime as string);
    assert.ok(Math.abs(created - Date.now()) < 60_000, 'CreateTime is the server time of the call');

    const stored = await store.getAccount(BigInt(restRes.body.AccountId as string));
    assert.ok(stored, 'the account is in the store');
    assert.equal(stored.customerId, T.customer.id);
    assert.equal(stored.name, restName);
    assert.equal(stored.number, restRes.body.AccountNumber);
    assert.equal(stored.currencyCode, 'EUR');
    assert.equal(stored.timeZone, 'BrusselsCopenhagenMadridParis');
    assert.equal(stored.autoTagType, 'Preserve');
    assert.equal(stored.paymentMethodId, T.paymentMethod.id);
    assert.equal(stored.lifeCycleStatus, 'Active', 'an account with a payment method is not a Draft');
    assert.equal(stored.createdTime.getTime(), created);
    assert.equal(stored.businessAddress?.businessName, 'Fabrikam GmbH');
    assert.equal(stored.businessAddress?.city, 'Berlin');
    assert.equal(stored.businessAddress?.countryCode, 'DE');
    assert.equal(stored.lastModifiedByUserId, T.user.id);
  });

  it('defaults TimeZone and AutoTagType when they are not sent', async () => {
    const { id } = await addOk(admin, newAccount(uniqueName('Defaults')));
    const rec = (await store.getAccount(id))!;
    assert.equal(rec.timeZone, 'PacificTimeUSCanadaTijuana');
    assert.equal(rec.autoTagType, 'Inactive');

    const res = await call('POST', `${V13}/Account`, { Account: restAccount({ Name: uniqueName('REST Defaults') }) });
    assert.equal(res.status, 200, res.text);
    const stored = (await store.getAccount(BigInt(res.body.AccountId as string)))!;
    assert.equal(stored.timeZone, 'PacificTimeUSCanadaTijuana');
    assert.equal(stored.autoTagType, 'Inactive');
  });

  it('adds a Draft account without a payment method, and refuses a second Draft (201) while one exists', async () => {
    // SOAP
    const tenant = await newTenant('Drafts');
    const addressFields = addressXml(ADDRESS);
    const first = await addOk(tenant.creds, {
      Name: uniqueName('Draft One'), CurrencyCode: 'EUR', ParentCustomerId: String(tenant.customer.id), BusinessAddress: addressFields,
    });
    const rec = (await store.getAccount(first.id))!;
    assert.equal(rec.lifeCycleStatus, 'Draft');
    assert.equal(rec.paymentMethodId, null);
    assert.equal(rec.billToCustomerId, null);
    assert.equal(rec.currencyCode, 'EUR');

    const secondName = uniqueName('Draft Two');
    const r = await addAccount(tenant.creds, {
      Name: secondName, CurrencyCode: 'EUR', ParentCustomerId: String(tenant.customer.id), BusinessAddress: addressFields,
    });
    expectFault(r, 201, 'ApiFault');
    assert.equal(await store.countAccountsInStatus(tenant.customer.id, 'Draft'), 1);
    assert.ok(!(await storedNames(tenant.customer.id)).includes(secondName));

    // An Active account may still be added next to the Draft.
    const active = await addOk(tenant.creds, {
      Name: uniqueName('Active Next To Draft'), CurrencyCode: 'EUR', ParentCustomerId: String(tenant.customer.id),
      PaymentMethodId: String(tenant.paymentMethod.id), BusinessAddress: addressFields,
    });
    assert.equal((await store.getAccount(active.id))!.lifeCycleStatus, 'Active');

    // REST
    const D = await createTestTenant(store, 'sandbox', 'RestDraft');
    const body = (name: string, extra: Record<string, unknown> = {}) => ({
      Account: { Name: name, CurrencyCode: 'USD', ParentCustomerId: D.customer.id.toString(), BusinessAddress: address(), ...extra },
    });
    const restFirst = await call('POST', `${V13}/Account`, body(uniqueName('Draft one')), { token: D.token });
    assert.equal(restFirst.status, 200, restFirst.text);
    assert.equal((await store.getAccount(BigInt(restFirst.body.AccountId as string)))?.lifeCycleStatus, 'Draft');
    const beforeD = await snapshot(D.customer.id);
    expectRestFault(await call('POST', `${V13}/Account`, body(uniqueName('Draft two')), { token: D.token }), 400, 'ApiFault', 201);
    assert.deepEqual(await snapshot(D.customer.id), beforeD);
    const restActive = await call('POST', `${V13}/Account`, body(uniqueName('Active next to Draft'), { PaymentMethodId: D.paymentMethod.id.toString() }), { token: D.token });
    assert.equal(restActive.status, 200, restActive.text);
    assert.equal((await store.getAccount(BigInt(restActive.body.AccountId as string)))?.lifeCycleStatus, 'Active');
  });

  it('keeps TaxInformation with known keys and refuses unknown keys with 201', async () => {
    const kv = (k: string, v: string): string => `<KeyValuePairOfstringstring xmlns="http://schemas.datacontract.org/2004/07/System.Collections.Generic"><key>${k}</key><value>${v}</value></KeyValuePairOfstringstring>`;
    const name = uniqueName('Taxed');
    expectFault(await addAccount(admin, newAccount(name, { TaxInformation: kv('Bogus', '1') })), 201, 'ApiFault');
    const { id } = await addOk(admin, newAccount(name, { TaxInformation: kv('VATNumber', 'GB123456789') }));
    assert.deepEqual((await store.getAccount(id))!.taxInformation, [{ key: 'VATNumber', value: 'GB123456789' }]);
    const account = await getAccountOk(admin, id);
    const pairs = must(childEl(account, 'TaxInformation'), 'TaxInformation').children;
    assert.deepEqual(pairs.map((p) => [value(p, 'key'), value(p, 'value')]), [['VATNumber', 'GB123456789']]);

    const restName = uniqueName('REST Taxed');
    await restRefuses({ Account: restAccount({ Name: restName, TaxInformation: [{ Key: 'Bogus', Value: '1' }] }) }, 400, 'ApiFault', 201);
    const res = await call('POST', `${V13}/Account`, { Account: restAccount({ Name: restName, TaxInformation: [{ Key: 'VATNumber', Value: 'GB123456789' }] }) });
    assert.equal(res.status, 200, res.text);
    assert.deepEqual((await store.getAccount(BigInt(res.body.AccountId as string)))!.taxInformation, [{ key: 'VATNumber', value: 'GB123456789' }]);
  });

  it('ignores the read-only fields (Id, Number, AccountLifeCycleStatus, LastModifiedTime, …)', async () => {
    const name = uniqueName('Read Only');
    const { id, number } = await addOk(admin, newAccount(name, {
      Id: '4242', Number: 'ZZ999999', AccountLifeCycleStatus: 'Suspended', LastModifiedTime: '2001-02-03T04:05:06Z',
      LastModifiedByUserId: '777', AccountFinancialStatus: 'WriteOff', BillToCustomerId: '555', PauseReason: '4',
      SalesHouseCustomerId: '666', AccountMode: 'Smart', PaymentMethodType: 'Invoice',
    }));
    assert.notEqual(id, 4242n);
    assert.notEqual(number, 'ZZ999999');
    const rec = (await store.getAccount(id))!;
    assert.equal(rec.name, name);
    assert.equal(rec.number, number);
    assert.equal(rec.lifeCycleStatus, 'Active');
    assert.equal(rec.financialStatus, 'ClearFinancialStatus');
    assert.equal(rec.pauseReason, null);
    assert.equal(rec.billToCustomerId, demo.customerId);
    assert.equal(rec.salesHouseCustomerId, null);
    assert.equal(rec.lastModifiedByUserId, demo.user.id);
    assert.notEqual(rec.accountMode, 'Smart');
    assert.ok(rec.lastModifiedTime.getTime() > Date.parse('2020-01-01T00:00:00Z'));
    assert.equal(await store.getAccount(4242n), null);

    const restName = uniqueName('REST Read Only');
    const res = await call('POST', `${V13}/Account`, {
      Account: restAccount({
        Name: restName, Id: '4343', Number: 'ZZ888888', AccountLifeCycleStatus: 'Suspended', LastModifiedTime: '2001-02-03T04:05:06Z',
        LastModifiedByUserId: '777', AccountFinancialStatus: 'WriteOff', BillToCustomerId: '555', PauseReason: 4,
      }),
    });
    assert.equal(res.status, 200, res.text);
    assert.notEqual(res.body.AccountId, '4343');
    assert.notEqual(res.body.AccountNumber, 'ZZ888888');
    const stored = (await store.getAccount(BigInt(res.body.AccountId as string)))!;
    assert.equal(stored.name, restName);
    assert.equal(stored.lifeCycleStatus, 'Active');
    assert.equal(stored.financialStatus, 'ClearFinancialStatus');
    assert.equal(stored.pauseReason, null);
    assert.equal(stored.billToCustomerId, T.customer.id);
    assert.equal(stored.lastModifiedByUserId, T.user.id);
    assert.equal(await store.getAccount(4343n), null);
  });
});

// ------------------------------------------------------------------------------------------------
describe('AddAccount: every documented refusal, over SOAP and REST', () => {
  it('a missing Account → 203 NullParameter, nothing stored', async () => {
    const countBefore = (await customerAccounts(demo.customerId)).length;
    expectFault(await soap(server.soapUrl, 'AddAccount', '', admin), 203, 'ApiFault');
    expectFault(await soap(server.soapUrl, 'AddAccount', '<Account i:nil="true"/>', admin), 203, 'ApiFault');
    assert.equal((await customerAccounts(demo.customerId)).length, countBefore);
    await restRefuses({}, 400, 'ApiFault', 203);
    await restRefuses({ Account: null }, 400, 'ApiFault', 203);
  });

  it('a missing ParentCustomerId → 203 NullParameter naming it, nothing stored', async () => {
    const name = uniqueName('No Parent');
    const fields = newAccount(name);
    delete fields.ParentCustomerId;
    const details = expectFault(await addAccount(admin, fields), 203, 'ApiFault');
    assert.match(details ?? '', /ParentCustomerId/);
    assert.ok(!(await storedNames(demo.customerId)).includes(name));
    await restRefuses({ Account: restAccount({ ParentCustomerId: undefined }) }, 400, 'ApiFault', 203);
  });

  it('a ParentCustomerId the caller is not Super Admin of (another customer, a Standard User\'s own, an unknown id) → 106, nothing stored', async () => {
    const other = await newTenant('Foreign');
    const name = uniqueName('Intruder');
    const countBefore = (await customerAccounts(other.customer.id)).length;
    expectFault(await addAccount(admin, newAccount(name, { ParentCustomerId: String(other.customer.id) })), 106, 'AdApiFaultDetail');
    assert.equal((await customerAccounts(other.customer.id)).length, countBefore);
    assert.ok(!(await storedNames(other.customer.id)).includes(name));

    // A Standard User of the customer itself is not a Super Admin either.
    const standard = await newUser(demo.customerId, ROLE.StandardUser);
    const name2 = uniqueName('Standard Adds');
    expectFault(await addAccount(standard.creds, newAccount(name2)), 106, 'AdApiFaultDetail');
    assert.ok(!(await storedNames(demo.customerId)).includes(name2));

    // A customer id that does not exist answers the same (nothing is learnt about ids).
    expectFault(await addAccount(admin, newAccount(uniqueName('Nowhere'), { ParentCustomerId: '987654321987' })), 106, 'AdApiFaultDetail');

    await restRefuses({ Account: restAccount({ ParentCustomerId: O.customer.id.toString() }) }, 403, 'AdApiFaultDetail', 106);
  });

  it('a ParentCustomerId that is not a number → 201 (AdApiFaultDetail)', async () => {
    const name = uniqueName('Parent Not A Number');
    expectFault(await addAccount(admin, newAccount(name, { ParentCustomerId: 'abc' })), 201, 'AdApiFaultDetail');
    assert.ok(!(await storedNames(demo.customerId)).includes(name));
    await restRefuses({ Account: restAccount({ ParentCustomerId: 'abc' }) }, 400, 'AdApiFaultDetail', 201);
  });

  it('a missing Name → 203, nothing stored', async () => {
    await restRefuses({ Account: restAccount({ Name: undefined }) }, 400, 'ApiFault', 203);
    await addRefusedAlike(203, restAccount({ Name: undefined }), tAccountXml(T, null));
  });

  it('a Name shorter than 3 characters → 201; exactly 3 is accepted', async () => {
    expectFault(await addAccount(admin, newAccount('ab')), 201, 'ApiFault');
    assert.ok(!(await storedNames(demo.customerId)).includes('ab'));
    const three = `${randomBytes(2).toString('hex').slice(0, 3)}`;
    const { id } = await addOk(admin, newAccount(three));
    assert.equal((await store.getAccount(id))!.name, three);

    await restRefuses({ Account: restAccount({ Name: 'ab' }) }, 400, 'ApiFault', 201);
    await addRefusedAlike(201, restAccount({ Name: 'ab' }), tAccountXml(T, 'ab'));
  });

  it('a Name longer than 100 characters → 211 NameTooLong; exactly 100 is accepted', async () => {
    const base = uniqueName('Long').replace(/\s/g, '-');
    const long = base.padEnd(101, 'x');
    expectFault(await addAccount(admin, newAccount(long)), 211, 'ApiFault');
    assert.ok(!(await storedNames(demo.customerId)).includes(long));
    const hundred = base.padEnd(100, 'y');
    const { id } = await addOk(admin, newAccount(hundred));
    assert.equal((await store.getAccount(id))!.name, hundred);

    await restRefuses({ Account: restAccount({ Name: 'n'.repeat(101) }) }, 400, 'ApiFault', 211);
    await addRefusedAlike(211, restAccount({ Name: 'q'.repeat(101) }), tAccountXml(T, 'q'.repeat(101)));
  });

  it('a Name already used in the customer, compared case-insensitively → 201; another customer may use it', async () => {
    const name = uniqueName('Duplicate Name');
    await addOk(admin, newAccount(name));
    const countBefore = (await customerAccounts(demo.customerId)).length;
    expectFault(await addAccount(admin, newAccount(name.toUpperCase())), 201, 'ApiFault');
    expectFault(await addAccount(admin, newAccount(name)), 201, 'ApiFault');
    assert.equal((await customerAccounts(demo.customerId)).length, countBefore);
    // The same name in another customer is fine.
    const other = await newTenant('Same Name');
    await addOk(other.creds, {
      Name: name, CurrencyCode: 'USD', ParentCustomerId: String(other.customer.id),
      PaymentMethodId: String(other.paymentMethod.id), BusinessAddress: addressXml(ADDRESS),
    });

    await restRefuses({ Account: restAccount({ Name: T.account.name }) }, 400, 'ApiFault', 201);
    await addRefusedAlike(201, restAccount({ Name: T.account.name }), tAccountXml(T, T.account.name));
  });

  it('a missing CurrencyCode (absent, or an empty element over SOAP) → 203', async () => {
    const name = uniqueName('No Currency');
    const fields = newAccount(name);
    delete fields.CurrencyCode;
    expectFault(await addAccount(admin, fields), 203, 'ApiFault');
    expectFault(await addAccount(admin, newAccount(name, { CurrencyCode: '' })), 203, 'ApiFault');
    assert.ok(!(await storedNames(demo.customerId)).includes(name));
    await restRefuses({ Account: restAccount({ CurrencyCode: undefined }) }, 400, 'ApiFault', 203);
  });

  it('a CurrencyCode outside the enumeration → 201 ApiInputValidationError (AdApiFaultDetail)', async () => {
    const name = uniqueName('Bad Currency');
    const r = await addAccount(admin, newAccount(name, { CurrencyCode: 'XYZ' }));
    const detail = expectFault(r, 201, 'AdApiFaultDetail');
    assert.equal(find(r.root, 'ErrorCode', ADAPI)?.text, 'ApiInputValidationError');
    assert.match(detail ?? '', /Account\.CurrencyCode/);
    assert.ok(!(await storedNames(demo.customerId)).includes(name));

    const res = await restRefuses({ Account: restAccount({ CurrencyCode: 'XXX' }) }, 400, 'AdApiFaultDetail', 201);
    assert.equal((res.body.Errors as Array<{ ErrorCode: string }>)[0]!.ErrorCode, 'ApiInputValidationError');
    await addRefusedAlike(201, restAccount({ Name: 'Parity currency', CurrencyCode: 'XXX' }), tAccountXml(T, 'Parity currency', 'XXX'));
  });

  it('a TimeZone outside the enumeration → 201 (AdApiFaultDetail)', async () => {
    const name = uniqueName('Bad Time Zone');
    expectFault(await addAccount(admin, newAccount(name, { TimeZone: 'MarsOlympusMons' })), 201, 'AdApiFaultDetail');
    assert.ok(!(await storedNames(demo.customerId)).includes(name));
    await restRefuses({ Account: restAccount({ TimeZone: 'MarsOlympusMons' }) }, 400, 'AdApiFaultDetail', 201);
  });

  it('a missing BusinessAddress → 1139', async () => {
    const name = uniqueName('No Address');
    const fields = newAccount(name);
    delete fields.BusinessAddress;
    expectFault(await addAccount(admin, fields), 1139, 'ApiFault');
    assert.ok(!(await storedNames(demo.customerId)).includes(name));

    await restRefuses({ Account: restAccount({ BusinessAddress: undefined }) }, 400, 'ApiFault', 1139);
    await addRefusedAlike(1139, restAccount({ Name: 'Parity no address', BusinessAddress: undefined }), tAccountXml(T, 'Parity no address', 'USD', false));
  });

  it('a BusinessAddress without City or Line1, or with a Line1 over 35 characters → 1140 naming the field; 35 is accepted', async () => {
    const name = uniqueName('Bad Address');
    const noCity = await addAccount(admin, newAccount(name, { BusinessAddress: addressXml({ ...ADDRESS, City: undefined }) }));
    assert.match(expectFault(noCity, 1140, 'ApiFault') ?? '', /City/);
    const longLine = await addAccount(admin, newAccount(name, { BusinessAddress: addressXml({ ...ADDRESS, Line1: 'x'.repeat(36) }) }));
    assert.match(expectFault(longLine, 1140, 'ApiFault') ?? '', /Line1/);
    assert.ok(!(await storedNames(demo.customerId)).includes(name));
    // 35 characters is within the limit.
    const { id } = await addOk(admin, newAccount(name, { BusinessAddress: addressXml({ ...ADDRESS, Line1: 'z'.repeat(35) }) }));
    assert.equal((await store.getAccount(id))!.businessAddress?.line1, 'z'.repeat(35));

    await restRefuses({ Account: restAccount({ BusinessAddress: address({ Line1: undefined }) }) }, 400, 'ApiFault', 1140);
    const restNoCity = await restRefuses({ Account: restAccount({ BusinessAddress: address({ City: undefined }) }) }, 400, 'ApiFault', 1140);
    assert.match(String((restNoCity.body.OperationErrors as Array<{ Details: string }>)[0]!.Details), /City/);
    const restLongLine = await restRefuses({ Account: restAccount({ BusinessAddress: address({ Line1: 'x'.repeat(36) }) }) }, 400, 'ApiFault', 1140);
    assert.match(String((restLongLine.body.OperationErrors as Array<{ Details: string }>)[0]!.Details), /Line1/);
  });

  it('a BR or IN address needs PostalCode and StateOrProvince, and CountryCode has two letters → 1140', async () => {
    const name = uniqueName('Country Rules');
    const br = addressXml({ ...ADDRESS, CountryCode: 'BR', PostalCode: undefined });
    expectFault(await addAccount(admin, newAccount(name, { CurrencyCode: 'BRL', BusinessAddress: br })), 1140, 'ApiFault');
    expectFault(await addAccount(admin, newAccount(name, { BusinessAddress: addressXml({ ...ADDRESS, CountryCode: 'USA' }) })), 1140, 'ApiFault');
    assert.ok(!(await storedNames(demo.customerId)).includes(name));

    await restRefuses({ Account: restAccount({ BusinessAddress: address({ CountryCode: 'USA' }) }) }, 400, 'ApiFault', 1140);
    await restRefuses({ Account: restAccount({ CurrencyCode: 'BRL', BusinessAddress: address({ CountryCode: 'BR', PostalCode: undefined }) }) }, 400, 'ApiFault', 1140);
  });

  it('the ValidateAddress rules hold: an unknown state code, a malformed postal code, an unknown country, no BusinessName → 1140 naming the rule, nothing stored', async () => {
    const name = uniqueName('Address Rules');
    const broken: Array<[Record<string, string | undefined>, RegExp]> = [
      [{ StateOrProvince: 'ZZ' }, /StateOrProvince must be a state or province code of US/],
      [{ PostalCode: '9805' }, /PostalCode is not a postal code of US/],
      [{ CountryCode: 'XX' }, /CountryCode must be an ISO 3166-1/],
      [{ BusinessName: undefined }, /BusinessName is required/],
    ];
    for (const [change, rule] of broken) {
      const bySoap = await addAccount(admin, newAccount(name, { BusinessAddress: addressXml({ ...ADDRESS, ...change }) }));
      assert.match(expectFault(bySoap, 1140, 'ApiFault') ?? '', rule);
      const byRest = await restRefuses({ Account: restAccount({ BusinessAddress: address(change) }) }, 400, 'ApiFault', 1140);
      assert.match(String((byRest.body.OperationErrors as Array<{ Details: string }>)[0]!.Details), rule);
    }
    assert.ok(!(await storedNames(demo.customerId)).includes(name));
  });

  it('a PaymentMethodId of another customer, or a PrimaryUserId who is only a Viewer → 201; a Standard User may be primary', async () => {
    const other = await newTenant('Payer');
    const name = uniqueName('Borrowed Payment');
    expectFault(await addAccount(admin, newAccount(name, { PaymentMethodId: String(other.paymentMethod.id) })), 201, 'ApiFault');
    const viewer = await newUser(demo.customerId, ROLE.Viewer);
    expectFault(await addAccount(admin, newAccount(name, { PrimaryUserId: String(viewer.user.id) })), 201, 'ApiFault');
    assert.ok(!(await storedNames(demo.customerId)).includes(name));
    // A Standard User may be the primary user.
    const standard = await newUser(demo.customerId, ROLE.StandardUser);
    const { id } = await addOk(admin, newAccount(name, { PrimaryUserId: String(standard.user.id) }));
    assert.equal((await store.getAccount(id))!.primaryUserId, standard.user.id);

    await restRefuses({ Account: restAccount({ PaymentMethodId: O.paymentMethod.id.toString() }) }, 400, 'ApiFault', 201);
    const tViewer = await newUser(T.customer.id, ROLE.Viewer);
    await restRefuses({ Account: restAccount({ PrimaryUserId: tViewer.user.id.toString() }) }, 400, 'ApiFault', 201);
    const tStandard = await newUser(T.customer.id, ROLE.StandardUser);
    const res = await call('POST', `${V13}/Account`, { Account: restAccount({ PrimaryUserId: tStandard.user.id.toString() }) });
    assert.equal(res.status, 200, res.text);
    assert.equal((await store.getAccount(BigInt(res.body.AccountId as string)))!.primaryUserId, tStandard.user.id);
  });
});

// ------------------------------------------------------------------------------------------------
describe('AddAccount: face-specific', () => {
  it('SOAP: names with XML special characters, and a carriage return sent as a character reference, round-trip exactly', async () => {
    const name = uniqueName('R&D <Team> "quoted" \'apos\'');
    const { id } = await addOk(admin, newAccount(name));
    assert.equal((await store.getAccount(id))!.name, name);
    const r = await getAccount(admin, id);
    assert.equal(value(must(childEl(expectOk(r, 'GetAccount'), 'Account'), 'Account'), 'Name'), name);
    assert.ok(r.text.includes('R&amp;D &lt;Team&gt;'));

    // A carriage return (sent as a character reference) survives the round trip: written raw, XML
    // end-of-line normalisation would turn it into a line feed at the client.
    const cr = uniqueName('Carriage Return');
    const { id: crId } = await addOk(admin, { ...newAccount(cr), Name: cr.replace(' ', '&#13;') });
    const storedCr = (await store.getAccount(crId))!.name;
    assert.equal(storedCr, cr.replace(' ', '\r'));
    assert.equal(value(await getAccountOk(admin, crId), 'Name'), storedCr);
  });

  it('REST: longs are accepted as small JSON numbers (ParentCustomerId, PaymentMethodId); AccountId comes back a string', async () => {
    const name = uniqueName('Numbers as numbers');
    const res = await call('POST', `${V13}/Account`, {
      Account: restAccount({ Name: name, ParentCustomerId: Number(T.customer.id), PaymentMethodId: Number(T.paymentMethod.id) }),
    });
    assert.equal(res.status, 200, res.text);
    assert.equal(typeof res.body.AccountId, 'string');
    const stored = await store.getAccount(BigInt(res.body.AccountId as string));
    assert.equal(stored?.name, name);
    assert.equal(stored?.customerId, T.customer.id);
  });

  it('REST: a long sent as a JSON number above 2^53 (ParentCustomerId) → 400 201 ApiInputValidationError, nothing stored', async () => {
    const before = await snapshot(T.customer.id);
    const account = JSON.stringify(restAccount()).replace(/"ParentCustomerId":"\d+"/, '"ParentCustomerId":9007199254740993');
    assert.match(account, /9007199254740993/);
    const res = await call('POST', `${V13}/Account`, `{"Account":${account}}`);
    expectRestFault(res, 400, 'AdApiFaultDetail', 201);
    assert.equal((res.body.Errors as Array<{ ErrorCode: string }>)[0]!.ErrorCode, 'ApiInputValidationError');
    assert.deepEqual(await snapshot(T.customer.id), before);
  });

  it('REST: the SDK headers CustomerId: None and CustomerAccountId: None are accepted', async () => {
    const res = await call('POST', `${V13}/Account`, { Account: restAccount() }, { headers: { CustomerId: 'None', CustomerAccountId: 'None' } });
    assert.equal(res.status, 200, res.text);
    assert.ok(await store.getAccount(BigInt(res.body.AccountId as string)));
  });

  it('REST: a Name with a control character (which XML cannot carry) → 400 201 (AdApiFaultDetail), nothing stored', async () => {
    await restRefuses({ Account: restAccount({ Name: 'Bad\u0001Name' }) }, 400, 'AdApiFaultDetail', 201);
  });
});
