// AddAccount end to end (reference §2.1): what is stored, every documented refusal with its code,
// over SOAP (the documentation's request templates) and REST (the SDKs' JSON typing), and both faces together.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { ADDRESS, addressXml, ROLE } from '../../support/account-xml.js';
import { itRefusesOnBothFaces, tAccountXml, useAccountsWorld, type Demo } from '../../support/accounts-world.js';
import { ADAPI, find, soap, type SoapCredentials } from '../../support/clients.js';
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

describe('SOAP AddAccount', () => {
  it('adds an Active account with the customer\'s payment method and returns AccountId, AccountNumber, CreateTime', async () => {
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
  });

  it('defaults TimeZone and AutoTagType when they are not sent', async () => {
    const { id } = await addOk(admin, newAccount(uniqueName('Defaults')));
    const rec = (await store.getAccount(id))!;
    assert.equal(rec.timeZone, 'PacificTimeUSCanadaTijuana');
    assert.equal(rec.autoTagType, 'Inactive');
  });

  it('adds a Draft account without a payment method, and refuses a second Draft while one exists', async () => {
    const tenant = await newTenant('Drafts');
    const address = addressXml(ADDRESS);
    const first = await addOk(tenant.creds, {
      Name: uniqueName('Draft One'), CurrencyCode: 'EUR', ParentCustomerId: String(tenant.customer.id), BusinessAddress: address,
    });
    const rec = (await store.getAccount(first.id))!;
    assert.equal(rec.lifeCycleStatus, 'Draft');
    assert.equal(rec.paymentMethodId, null);
    assert.equal(rec.billToCustomerId, null);
    assert.equal(rec.currencyCode, 'EUR');

    const secondName = uniqueName('Draft Two');
    const r = await addAccount(tenant.creds, {
      Name: secondName, CurrencyCode: 'EUR', ParentCustomerId: String(tenant.customer.id), BusinessAddress: address,
    });
    expectFault(r, 201, 'ApiFault');
    assert.equal(await store.countAccountsInStatus(tenant.customer.id, 'Draft'), 1);
    assert.ok(!(await storedNames(tenant.customer.id)).includes(secondName));

    // An Active account may still be added next to the Draft.
    const active = await addOk(tenant.creds, {
      Name: uniqueName('Active Next To Draft'), CurrencyCode: 'EUR', ParentCustomerId: String(tenant.customer.id),
      PaymentMethodId: String(tenant.paymentMethod.id), BusinessAddress: address,
    });
    assert.equal((await store.getAccount(active.id))!.lifeCycleStatus, 'Active');
  });

  it('refuses a missing Account with 203 NullParameter', async () => {
    const countBefore = (await customerAccounts(demo.customerId)).length;
    expectFault(await soap(server.soapUrl, 'AddAccount', '', admin), 203, 'ApiFault');
    expectFault(await soap(server.soapUrl, 'AddAccount', '<Account i:nil="true"/>', admin), 203, 'ApiFault');
    assert.equal((await customerAccounts(demo.customerId)).length, countBefore);
  });

  it('refuses a missing ParentCustomerId with 203 NullParameter', async () => {
    const name = uniqueName('No Parent');
    const fields = newAccount(name);
    delete fields.ParentCustomerId;
    const details = expectFault(await addAccount(admin, fields), 203, 'ApiFault');
    assert.match(details ?? '', /ParentCustomerId/);
    assert.ok(!(await storedNames(demo.customerId)).includes(name));
  });

  it('refuses with 106 a customer the caller is not Super Admin of, and stores nothing', async () => {
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
  });

  it('refuses a Name shorter than 3 characters with 201, and accepts exactly 3', async () => {
    expectFault(await addAccount(admin, newAccount('ab')), 201, 'ApiFault');
    assert.ok(!(await storedNames(demo.customerId)).includes('ab'));
    const three = `${randomBytes(2).toString('hex').slice(0, 3)}`;
    const { id } = await addOk(admin, newAccount(three));
    assert.equal((await store.getAccount(id))!.name, three);
  });

  it('refuses a Name longer than 100 characters with 211 NameTooLong, and accepts exactly 100', async () => {
    const base = uniqueName('Long').replace(/\s/g, '-');
    const long = base.padEnd(101, 'x');
    expectFault(await addAccount(admin, newAccount(long)), 211, 'ApiFault');
    assert.ok(!(await storedNames(demo.customerId)).includes(long));
    const hundred = base.padEnd(100, 'y');
    const { id } = await addOk(admin, newAccount(hundred));
    assert.equal((await store.getAccount(id))!.name, hundred);
  });

  it('refuses a Name already used in the customer, compared case-insensitively, with 201', async () => {
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
  });

  it('refuses a missing CurrencyCode (absent or an empty element) with 203', async () => {
    const name = uniqueName('No Currency');
    const fields = newAccount(name);
    delete fields.CurrencyCode;
    expectFault(await addAccount(admin, fields), 203, 'ApiFault');
    expectFault(await addAccount(admin, newAccount(name, { CurrencyCode: '' })), 203, 'ApiFault');
    assert.ok(!(await storedNames(demo.customerId)).includes(name));
  });

  it('refuses a CurrencyCode outside the enumeration with 201 ApiInputValidationError (AdApiFaultDetail)', async () => {
    const name = uniqueName('Bad Currency');
    const r = await addAccount(admin, newAccount(name, { CurrencyCode: 'XYZ' }));
    const detail = expectFault(r, 201, 'AdApiFaultDetail');
    assert.equal(find(r.root, 'ErrorCode', ADAPI)?.text, 'ApiInputValidationError');
    assert.match(detail ?? '', /Account\.CurrencyCode/);
    assert.ok(!(await storedNames(demo.customerId)).includes(name));
  });

  it('refuses a missing BusinessAddress with 1139', async () => {
    const name = uniqueName('No Address');
    const fields = newAccount(name);
    delete fields.BusinessAddress;
    expectFault(await addAccount(admin, fields), 1139, 'ApiFault');
    assert.ok(!(await storedNames(demo.customerId)).includes(name));
  });

  it('refuses a BusinessAddress without City, or with a Line1 over 35 characters, with 1140', async () => {
    const name = uniqueName('Bad Address');
    const noCity = await addAccount(admin, newAccount(name, { BusinessAddress: addressXml({ ...ADDRESS, City: undefined }) }));
    assert.match(expectFault(noCity, 1140, 'ApiFault') ?? '', /City/);
    const longLine = await addAccount(admin, newAccount(name, { BusinessAddress: addressXml({ ...ADDRESS, Line1: 'x'.repeat(36) }) }));
    assert.match(expectFault(longLine, 1140, 'ApiFault') ?? '', /Line1/);
    assert.ok(!(await storedNames(demo.customerId)).includes(name));
    // 35 characters is within the limit.
    const { id } = await addOk(admin, newAccount(name, { BusinessAddress: addressXml({ ...ADDRESS, Line1: 'z'.repeat(35) }) }));
    assert.equal((await store.getAccount(id))!.businessAddress?.line1, 'z'.repeat(35));
  });

  it('requires PostalCode and StateOrProvince for BR and IN addresses, and a two-letter CountryCode (1140)', async () => {
    const name = uniqueName('Country Rules');
    const br = addressXml({ ...ADDRESS, CountryCode: 'BR', PostalCode: undefined });
    expectFault(await addAccount(admin, newAccount(name, { CurrencyCode: 'BRL', BusinessAddress: br })), 1140, 'ApiFault');
    expectFault(await addAccount(admin, newAccount(name, { BusinessAddress: addressXml({ ...ADDRESS, CountryCode: 'USA' }) })), 1140, 'ApiFault');
    assert.ok(!(await storedNames(demo.customerId)).includes(name));
  });

  it('refuses a PaymentMethodId of another customer, and a PrimaryUserId who is only a Viewer, with 201', async () => {
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
  });

  it('stores and returns names with XML special characters exactly', async () => {
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
  });
});

// ------------------------------------------------------------------------------------------------
describe('REST AddAccount (POST /CustomerManagement/v13/Account)', () => {
  it('creates the account: {AccountId (string), AccountNumber, CreateTime}, and stores exactly what was sent', async () => {
    const name = uniqueName('Added via REST');
    const res = await call('POST', `${V13}/Account`, {
      Account: restAccount({
        Name: name, CurrencyCode: 'EUR', TimeZone: 'BrusselsCopenhagenMadridParis', AutoTagType: 'Preserve',
        BusinessAddress: address({ BusinessName: 'Fabrikam GmbH', City: 'Berlin', CountryCode: 'DE', StateOrProvince: null, PostalCode: '10115' }),
      }),
    });
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(Object.keys(res.body).sort(), ['AccountId', 'AccountNumber', 'CreateTime']);
    conform(res.body, { fields: { AccountId: 'long', AccountNumber: 'string', CreateTime: 'dateTime' } }, 'AddAccountResponse');
    assert.match(res.body.AccountNumber as string, /^[A-Z0-9]{8}$/);
    const created = Date.parse(res.body.CreateTime as string);
    assert.ok(Math.abs(created - Date.now()) < 60_000, 'CreateTime is the server time of the call');

    const stored = await store.getAccount(BigInt(res.body.AccountId as string));
    assert.ok(stored, 'the account is in the store');
    assert.equal(stored.customerId, T.customer.id);
    assert.equal(stored.name, name);
    assert.equal(stored.number, res.body.AccountNumber);
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

  it('accepts longs sent as small JSON numbers (ParentCustomerId, PaymentMethodId)', async () => {
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

  it('accepts the SDK headers CustomerId: None and CustomerAccountId: None', async () => {
    const res = await call('POST', `${V13}/Account`, { Account: restAccount() }, { headers: { CustomerId: 'None', CustomerAccountId: 'None' } });
    assert.equal(res.status, 200, res.text);
    assert.ok(await store.getAccount(BigInt(res.body.AccountId as string)));
  });

  const invalid: Array<[string, () => unknown, number, FaultType, number]> = [
    ['an empty body object (no Account)', () => ({}), 400, 'ApiFault', 203],
    ['Account: null', () => ({ Account: null }), 400, 'ApiFault', 203],
    ['no ParentCustomerId', () => ({ Account: restAccount({ ParentCustomerId: undefined }) }), 400, 'ApiFault', 203],
    ['no Name', () => ({ Account: restAccount({ Name: undefined }) }), 400, 'ApiFault', 203],
    ['no CurrencyCode', () => ({ Account: restAccount({ CurrencyCode: undefined }) }), 400, 'ApiFault', 203],
    ['a 2-character Name', () => ({ Account: restAccount({ Name: 'ab' }) }), 400, 'ApiFault', 201],
    ['a 101-character Name', () => ({ Account: restAccount({ Name: 'n'.repeat(101) }) }), 400, 'ApiFault', 211],
    ['the Name of an existing account of the customer', () => ({ Account: restAccount({ Name: T.account.name }) }), 400, 'ApiFault', 201],
    ['no BusinessAddress', () => ({ Account: restAccount({ BusinessAddress: undefined }) }), 400, 'ApiFault', 1139],
    ['a BusinessAddress without Line1', () => ({ Account: restAccount({ BusinessAddress: address({ Line1: undefined }) }) }), 400, 'ApiFault', 1140],
    ['a BusinessAddress with CountryCode "USA"', () => ({ Account: restAccount({ BusinessAddress: address({ CountryCode: 'USA' }) }) }), 400, 'ApiFault', 1140],
    ['a Name with a control character', () => ({ Account: restAccount({ Name: 'Bad\u0001Name' }) }), 400, 'AdApiFaultDetail', 201],
    ['an unknown CurrencyCode "XXX"', () => ({ Account: restAccount({ CurrencyCode: 'XXX' }) }), 400, 'AdApiFaultDetail', 201],
    ['an unknown TimeZone', () => ({ Account: restAccount({ TimeZone: 'MarsOlympusMons' }) }), 400, 'AdApiFaultDetail', 201],
    ['a ParentCustomerId that is not a number', () => ({ Account: restAccount({ ParentCustomerId: 'abc' }) }), 400, 'AdApiFaultDetail', 201],
    ['a ParentCustomerId of another customer', () => ({ Account: restAccount({ ParentCustomerId: O.customer.id.toString() }) }), 403, 'AdApiFaultDetail', 106],
  ];
  for (const [what, body, status, type, code] of invalid) {
    it(`refuses ${what} → ${status} ${code}, and stores nothing`, async () => {
      const beforeT = await snapshot(T.customer.id);
      const beforeO = await snapshot(O.customer.id);
      expectRestFault(await call('POST', `${V13}/Account`, body()), status, type, code);
      assert.deepEqual(await snapshot(T.customer.id), beforeT, 'the customer\'s accounts are unchanged');
      assert.deepEqual(await snapshot(O.customer.id), beforeO, 'the other customer\'s accounts are unchanged');
    });
  }

  it('refuses a ParentCustomerId sent as a JSON number above 2^53 → 400 ApiInputValidationError', async () => {
    const before = await snapshot(T.customer.id);
    const account = JSON.stringify(restAccount()).replace(/"ParentCustomerId":"\d+"/, '"ParentCustomerId":9007199254740993');
    assert.match(account, /9007199254740993/);
    const res = await call('POST', `${V13}/Account`, `{"Account":${account}}`);
    expectRestFault(res, 400, 'AdApiFaultDetail', 201);
    assert.equal((res.body.Errors as Array<{ ErrorCode: string }>)[0]!.ErrorCode, 'ApiInputValidationError');
    assert.deepEqual(await snapshot(T.customer.id), before);
  });

  it('refuses a second Draft account (no payment method) while one is in Draft, storing only the first', async () => {
    const D = await createTestTenant(store, 'sandbox', 'RestDraft');
    const body = (name: string) => ({ Account: { Name: name, CurrencyCode: 'USD', ParentCustomerId: D.customer.id.toString(), BusinessAddress: address() } });
    const first = await call('POST', `${V13}/Account`, body(uniqueName('Draft one')), { token: D.token });
    assert.equal(first.status, 200, first.text);
    assert.equal((await store.getAccount(BigInt(first.body.AccountId as string)))?.lifeCycleStatus, 'Draft');
    const before = await snapshot(D.customer.id);
    expectRestFault(await call('POST', `${V13}/Account`, body(uniqueName('Draft two')), { token: D.token }), 400, 'ApiFault', 201);
    assert.deepEqual(await snapshot(D.customer.id), before);
  });
});

describe('over REST and SOAP alike', () => {
  const cases: Array<[string, number, () => [string, string, unknown], () => [string, string]]> = [
    ['AddAccount without Name', 203, () => ['POST', '/Account', { Account: restAccount({ Name: undefined }) }], () => ['AddAccount', tAccountXml(T, null)]],
    ['AddAccount Name of 2 characters', 201, () => ['POST', '/Account', { Account: restAccount({ Name: 'ab' }) }], () => ['AddAccount', tAccountXml(T, 'ab')]],
    ['AddAccount Name of 101 characters', 211, () => ['POST', '/Account', { Account: restAccount({ Name: 'q'.repeat(101) }) }], () => ['AddAccount', tAccountXml(T, 'q'.repeat(101))]],
    ['AddAccount duplicate Name', 201, () => ['POST', '/Account', { Account: restAccount({ Name: T.account.name }) }], () => ['AddAccount', tAccountXml(T, T.account.name)]],
    ['AddAccount without BusinessAddress', 1139, () => ['POST', '/Account', { Account: restAccount({ Name: 'Parity no address', BusinessAddress: undefined }) }], () => ['AddAccount', tAccountXml(T, 'Parity no address', 'USD', false)]],
    ['AddAccount CurrencyCode XXX', 201, () => ['POST', '/Account', { Account: restAccount({ Name: 'Parity currency', CurrencyCode: 'XXX' }) }], () => ['AddAccount', tAccountXml(T, 'Parity currency', 'XXX')]],
  ];
  for (const [what, code, viaRest, viaSoap] of cases) itRefusesOnBothFaces(world, what, code, viaRest, viaSoap);
});

