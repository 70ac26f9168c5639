// The account and user operations over SOAP 1.1, end to end: the real server in a child process,
// raw HTTP requests shaped like the documentation's templates, and the server's own store opened
// beside it to check what was (or was not) written. Fixtures (other tenants, users with roles,
// client links) are created through the store, as the web sign-up and invitations would.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes, randomInt } from 'node:crypto';
import { startServer, SANDBOX_DEVELOPER_TOKEN, type RunningServer } from '../support/server.js';
import {
  ADAPI, CM, ENT, XSI, faultCodes, find, findAll, soap, type SoapCredentials, type SoapResult,
} from '../support/clients.js';
import type { XmlElement } from '../../src/codec/xml-tree.js';
import type { ElementDef } from '../../src/contract/model.js';
import { types } from '../../src/contract/types.js';
import { issueAccessToken } from '../../src/auth/issue-tokens.js';
import { createTenant, type Tenant } from '../../src/domain/tenants/create-tenant.js';
import type { AccountRecord, NewAccount, UserRecord } from '../../src/store/records.js';
import type { Store } from '../../src/store/store.js';

const SOAP_ENV = 'http://schemas.xmlsoap.org/soap/envelope/';
const NIL = `{${XSI}}nil`;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** WCF's UTC dateTime: seven fractional digits and a Z. */
const WCF_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}Z$/;
const ROLE = { SuperAdmin: 41, Viewer: 100, StandardUser: 203 } as const;

const ACCOUNT_FIELDS = types.AdvertiserAccount.fields as readonly ElementDef[];
const ADDRESS_FIELDS = types.Address.fields as readonly ElementDef[];
const USER_FIELDS = types.User.fields as readonly ElementDef[];

let server: RunningServer;
let store: Store;
let admin: SoapCredentials;
let demo: { user: UserRecord; customerId: bigint; account: AccountRecord; paymentMethodId: bigint };

// ---------------------------------------------------------------------------------------------
// Small helpers

let seq = 0;
/** A name no other test uses (the store is shared by every test of this file). */
function unique(label: string): string {
  seq += 1;
  return `${label} ${seq}${randomBytes(3).toString('hex')}`;
}

function childEl(el: XmlElement, local: string): XmlElement | undefined {
  return el.children.find((c) => c.local === local);
}
function must(el: XmlElement | undefined, what: string): XmlElement {
  assert.ok(el, `missing element ${what}`);
  return el;
}
/** A child's text, or null when it is i:nil="true". */
function value(el: XmlElement, local: string): string | null {
  const c = must(childEl(el, local), local);
  if (c.attributes.get(NIL) === 'true') return null;
  return c.text;
}

function expectOk(r: SoapResult, operation: string): XmlElement {
  assert.equal(r.status, 200, r.text);
  assert.equal(find(r.root, 'Fault', SOAP_ENV), undefined, r.text);
  const body = must(find(r.root, 'Body', SOAP_ENV), 'Body');
  const response = must(body.children[0], `${operation}Response`);
  assert.equal(response.uri, CM);
  assert.equal(response.local, `${operation}Response`);
  return response;
}

/** Asserts a SOAP fault of one kind carrying exactly one error with this code; returns its details text. */
function expectFault(r: SoapResult, code: number, kind: 'AdApiFaultDetail' | 'ApiFault'): string | null {
  assert.equal(r.status, 500, r.text);
  const fault = must(find(r.root, 'Fault', SOAP_ENV), `Fault in ${r.text}`);
  const detail = kind === 'AdApiFaultDetail' ? find(fault, 'AdApiFaultDetail', ADAPI) : find(fault, 'ApiFault', CM);
  assert.ok(detail, `expected ${kind} in ${r.text}`);
  assert.deepEqual(faultCodes(r), [code], r.text);
  const entry = must(findAll(detail, kind === 'AdApiFaultDetail' ? 'AdApiError' : 'OperationError')[0], 'error entry');
  return value(entry, kind === 'AdApiFaultDetail' ? 'Detail' : 'Details');
}

function assertTrackingId(r: SoapResult): void {
  const header = must(find(r.root, 'Header', SOAP_ENV), 'Header');
  const tracking = must(find(header, 'TrackingId', CM), 'TrackingId');
  assert.match(tracking.text, GUID);
  assert.equal(r.headers.get('TrackingId'), tracking.text);
}

function xmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

type Fields = Record<string, string | undefined>;
/** Elements in the contract's (WSDL) order, entities prefixed e: (declared by envelope()). */
function orderedXml(defs: readonly ElementDef[], fields: Fields): string {
  const names = defs.map((d) => d.name);
  for (const k of Object.keys(fields)) assert.ok(names.includes(k), `unknown field ${k}`);
  return names.filter((n) => fields[n] !== undefined).map((n) => `<e:${n}>${fields[n]}</e:${n}>`).join('');
}
const accountXml = (fields: Fields): string => `<Account>${orderedXml(ACCOUNT_FIELDS, fields)}</Account>`;
const addressXml = (fields: Fields): string => orderedXml(ADDRESS_FIELDS, fields);
const ADDRESS: Fields = {
  City: 'Redmond', CountryCode: 'US', Line1: '1 Microsoft Way', PostalCode: '98052', StateOrProvince: 'WA', BusinessName: 'Contoso',
};

/** The fields of a valid AddAccount for the demo customer (Active: it carries the payment method). */
function newAccount(name: string, overrides: Fields = {}): Fields {
  return {
    Name: xmlEscape(name), CurrencyCode: 'USD', ParentCustomerId: String(demo.customerId),
    PaymentMethodId: String(demo.paymentMethodId), BusinessAddress: addressXml(ADDRESS), ...overrides,
  };
}

const addAccount = (creds: SoapCredentials, fields: Fields): Promise<SoapResult> => soap(server.soapUrl, 'AddAccount', accountXml(fields), creds);

async function addOk(creds: SoapCredentials, fields: Fields): Promise<{ id: bigint; number: string; createTime: string }> {
  const r = await addAccount(creds, fields);
  const res = expectOk(r, 'AddAccount');
  return { id: BigInt(value(res, 'AccountId')!), number: value(res, 'AccountNumber')!, createTime: value(res, 'CreateTime')! };
}

async function getAccount(creds: SoapCredentials, id: bigint | string, extra = ''): Promise<SoapResult> {
  return soap(server.soapUrl, 'GetAccount', `<AccountId>${id}</AccountId>${extra}`, creds);
}
async function getAccountOk(creds: SoapCredentials, id: bigint, extra = ''): Promise<XmlElement> {
  return must(childEl(expectOk(await getAccount(creds, id, extra), 'GetAccount'), 'Account'), 'Account');
}

async function accountsOf(customerId: bigint): Promise<AccountRecord[]> {
  return store.queryAccounts({ scope: { customerIds: [customerId], accountIds: [] } });
}
async function storedNames(customerId: bigint): Promise<string[]> {
  return (await accountsOf(customerId)).map((a) => a.name);
}

async function credsFor(userId: bigint): Promise<SoapCredentials> {
  const issued = await issueAccessToken(store, 'sandbox', userId);
  return { token: issued.accessToken, developerToken: SANDBOX_DEVELOPER_TOKEN };
}

async function newTenant(label: string): Promise<Tenant & { creds: SoapCredentials }> {
  const login = `${unique(label).replace(/\s+/g, '-').toLowerCase()}@example.test`;
  const tenant = await createTenant(store, {
    customerName: unique(`${label} Customer`), accountName: unique(`${label} Account`), userName: login, email: login,
    firstName: label, lastName: 'Admin', passwordHash: null,
  });
  return { ...tenant, creds: await credsFor(tenant.user.id) };
}

async function newUser(customerId: bigint, roleId: number, accountIds: bigint[] | null = null): Promise<{ user: UserRecord; creds: SoapCredentials }> {
  const login = `${unique('user').replace(/\s+/g, '-')}@example.test`;
  const user = await store.insertUser({
    customerId, userName: login, firstName: 'Test', lastName: `Role${roleId}`, middleInitial: null, jobTitle: null,
    lcid: 'EnglishUS', lifeCycleStatus: 'Active', passwordHash: null, contactInfo: null, lastModifiedByUserId: null,
  });
  await store.putUserRole({ userId: user.id, customerId, roleId, accountIds });
  return { user, creds: await credsFor(user.id) };
}

/** An account written straight into the store (e.g. with a legacy Xnnnnnnn number). */
async function insertAccount(customerId: bigint, name: string, number: string, extra: Partial<NewAccount> = {}): Promise<AccountRecord> {
  return store.insertAccount({
    customerId, number, name, currencyCode: 'USD', financialStatus: 'ClearFinancialStatus', language: null,
    lifeCycleStatus: 'Active', pauseReason: null, paymentMethodId: null, billToCustomerId: customerId, primaryUserId: null,
    timeZone: 'PacificTimeUSCanadaTijuana', autoTagType: 'Inactive', salesHouseCustomerId: null, backUpPaymentInstrumentId: null,
    billingThresholdAmount: null, soldToPaymentInstrumentId: null, accountMode: 'Expert',
    businessAddress: null, taxInformation: null, lastModifiedByUserId: null, ...extra,
  });
}

function timeStampVersion(base64: string): bigint {
  const bytes = Buffer.from(base64, 'base64');
  assert.equal(bytes.length, 8, 'TimeStamp is an 8-byte row version');
  return bytes.readBigUInt64BE(0);
}

/**
 * The children of a returned AdvertiserAccount are exactly the contract's fields in WSDL order,
 * without the EmitDefaultValue=false members unless requested (and present), every element in
 * the Entities namespace, and every empty value written as i:nil="true".
 */
function assertAdvertiserAccountShape(account: XmlElement, requested: readonly string[] = []): void {
  // TaxCertificate is requested in some calls, but no account here has one: a null
  // EmitDefaultValue=false member is left out even when requested.
  const expected = ACCOUNT_FIELDS
    .filter((f) => f.opts.emitDefault !== false || (requested.includes(f.name) && f.name !== 'TaxCertificate'))
    .map((f) => f.name);
  assert.deepEqual(account.children.map((c) => c.local), expected);
  assertNilsAndNamespaces(account, ENT);
}

function assertNilsAndNamespaces(el: XmlElement, ns: string): void {
  for (const c of el.children) {
    assert.equal(c.uri, ns, `${c.local} namespace`);
    const nil = c.attributes.get(NIL);
    if (nil !== undefined) {
      assert.equal(nil, 'true', `${c.local} nil attribute`);
      assert.equal(c.children.length, 0, `${c.local} is nil and has children`);
      assert.equal(c.text, '', `${c.local} is nil and has text`);
    } else {
      assert.ok(c.children.length > 0 || c.text !== '', `${c.local} is empty but not i:nil="true"`);
    }
  }
}

/** The returned account carries what the store holds. */
function assertAccountMatches(el: XmlElement, rec: AccountRecord): void {
  const opt = (v: bigint | string | number | null): string | null => (v === null ? null : String(v));
  assert.equal(value(el, 'Id'), String(rec.id));
  assert.equal(value(el, 'Name'), rec.name);
  assert.equal(value(el, 'Number'), rec.number);
  assert.equal(value(el, 'ParentCustomerId'), String(rec.customerId));
  assert.equal(value(el, 'CurrencyCode'), rec.currencyCode);
  assert.equal(value(el, 'AccountLifeCycleStatus'), rec.lifeCycleStatus);
  assert.equal(value(el, 'AccountFinancialStatus'), rec.financialStatus);
  assert.equal(value(el, 'BillToCustomerId'), opt(rec.billToCustomerId));
  assert.equal(value(el, 'PaymentMethodId'), opt(rec.paymentMethodId));
  assert.equal(value(el, 'PaymentMethodType'), null, 'PaymentMethodType is always nil on GetAccount/SearchAccounts');
  assert.equal(value(el, 'PrimaryUserId'), opt(rec.primaryUserId));
  assert.equal(value(el, 'Language'), rec.language);
  assert.equal(value(el, 'TimeZone'), rec.timeZone);
  assert.equal(value(el, 'AutoTagType'), rec.autoTagType);
  assert.equal(value(el, 'PauseReason'), opt(rec.pauseReason));
  assert.equal(value(el, 'LastModifiedByUserId'), opt(rec.lastModifiedByUserId));
  const modified = value(el, 'LastModifiedTime');
  assert.match(modified ?? '', WCF_DATE_TIME);
  assert.equal(Date.parse(modified!), rec.lastModifiedTime.getTime());
  assert.equal(timeStampVersion(value(el, 'TimeStamp')!), rec.version);
  const address = childEl(el, 'BusinessAddress')!;
  if (rec.businessAddress === null) {
    assert.equal(address.attributes.get(NIL), 'true');
  } else {
    assert.deepEqual(address.children.map((c) => c.local), ADDRESS_FIELDS.map((f) => f.name));
    assertNilsAndNamespaces(address, ENT);
    const a = rec.businessAddress;
    assert.equal(value(address, 'Id'), String(a.id));
    assert.equal(value(address, 'City'), a.city);
    assert.equal(value(address, 'Line1'), a.line1);
    assert.equal(value(address, 'CountryCode'), a.countryCode);
    assert.equal(value(address, 'BusinessName'), a.businessName);
    assert.equal(value(address, 'PostalCode'), a.postalCode);
    assert.equal(value(address, 'StateOrProvince'), a.stateOrProvince);
  }
}

function accountInfoIds(response: XmlElement): bigint[] {
  const list = must(childEl(response, 'AccountsInfo'), 'AccountsInfo');
  return list.children.map((info) => {
    assert.equal(info.local, 'AccountInfo');
    assert.deepEqual(info.children.map((c) => c.local), ['Id', 'Name', 'Number', 'AccountLifeCycleStatus', 'PauseReason']);
    return BigInt(value(info, 'Id')!);
  });
}
const sortIds = (ids: readonly bigint[]): bigint[] => [...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

// ---------------------------------------------------------------------------------------------

before(async () => {
  server = await startServer();
  store = await server.store();
  admin = { token: await server.token(), developerToken: SANDBOX_DEVELOPER_TOKEN };
  const demoUserId = BigInt((await store.getMeta('demo_user_id'))!);
  const user = (await store.getUser(demoUserId))!;
  const [account] = await accountsOf(user.customerId);
  assert.ok(account && account.paymentMethodId !== null, 'the demo tenant has an Active account with a payment method');
  demo = { user, customerId: user.customerId, account, paymentMethodId: account.paymentMethodId };
});

after(async () => {
  await server?.stop();
});

describe('SOAP AddAccount', () => {
  it('adds an Active account with the customer\'s payment method and returns AccountId, AccountNumber, CreateTime', async () => {
    const name = unique('Active Account');
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
    const { id } = await addOk(admin, newAccount(unique('Defaults')));
    const rec = (await store.getAccount(id))!;
    assert.equal(rec.timeZone, 'PacificTimeUSCanadaTijuana');
    assert.equal(rec.autoTagType, 'Inactive');
  });

  it('adds a Draft account without a payment method, and refuses a second Draft while one exists', async () => {
    const tenant = await newTenant('Drafts');
    const address = addressXml(ADDRESS);
    const first = await addOk(tenant.creds, {
      Name: unique('Draft One'), CurrencyCode: 'EUR', ParentCustomerId: String(tenant.customer.id), BusinessAddress: address,
    });
    const rec = (await store.getAccount(first.id))!;
    assert.equal(rec.lifeCycleStatus, 'Draft');
    assert.equal(rec.paymentMethodId, null);
    assert.equal(rec.billToCustomerId, null);
    assert.equal(rec.currencyCode, 'EUR');

    const secondName = unique('Draft Two');
    const r = await addAccount(tenant.creds, {
      Name: secondName, CurrencyCode: 'EUR', ParentCustomerId: String(tenant.customer.id), BusinessAddress: address,
    });
    expectFault(r, 201, 'ApiFault');
    assert.equal(await store.countAccountsInStatus(tenant.customer.id, 'Draft'), 1);
    assert.ok(!(await storedNames(tenant.customer.id)).includes(secondName));

    // An Active account may still be added next to the Draft.
    const active = await addOk(tenant.creds, {
      Name: unique('Active Next To Draft'), CurrencyCode: 'EUR', ParentCustomerId: String(tenant.customer.id),
      PaymentMethodId: String(tenant.paymentMethod.id), BusinessAddress: address,
    });
    assert.equal((await store.getAccount(active.id))!.lifeCycleStatus, 'Active');
  });

  it('refuses a missing Account with 203 NullParameter', async () => {
    const countBefore = (await accountsOf(demo.customerId)).length;
    expectFault(await soap(server.soapUrl, 'AddAccount', '', admin), 203, 'ApiFault');
    expectFault(await soap(server.soapUrl, 'AddAccount', '<Account i:nil="true"/>', admin), 203, 'ApiFault');
    assert.equal((await accountsOf(demo.customerId)).length, countBefore);
  });

  it('refuses a missing ParentCustomerId with 203 NullParameter', async () => {
    const name = unique('No Parent');
    const fields = newAccount(name);
    delete fields.ParentCustomerId;
    const details = expectFault(await addAccount(admin, fields), 203, 'ApiFault');
    assert.match(details ?? '', /ParentCustomerId/);
    assert.ok(!(await storedNames(demo.customerId)).includes(name));
  });

  it('refuses with 106 a customer the caller is not Super Admin of, and stores nothing', async () => {
    const other = await newTenant('Foreign');
    const name = unique('Intruder');
    const countBefore = (await accountsOf(other.customer.id)).length;
    expectFault(await addAccount(admin, newAccount(name, { ParentCustomerId: String(other.customer.id) })), 106, 'AdApiFaultDetail');
    assert.equal((await accountsOf(other.customer.id)).length, countBefore);
    assert.ok(!(await storedNames(other.customer.id)).includes(name));

    // A Standard User of the customer itself is not a Super Admin either.
    const standard = await newUser(demo.customerId, ROLE.StandardUser);
    const name2 = unique('Standard Adds');
    expectFault(await addAccount(standard.creds, newAccount(name2)), 106, 'AdApiFaultDetail');
    assert.ok(!(await storedNames(demo.customerId)).includes(name2));

    // A customer id that does not exist answers the same (nothing is learnt about ids).
    expectFault(await addAccount(admin, newAccount(unique('Nowhere'), { ParentCustomerId: '987654321987' })), 106, 'AdApiFaultDetail');
  });

  it('refuses a Name shorter than 3 characters with 201, and accepts exactly 3', async () => {
    expectFault(await addAccount(admin, newAccount('ab')), 201, 'ApiFault');
    assert.ok(!(await storedNames(demo.customerId)).includes('ab'));
    const three = `${randomBytes(2).toString('hex').slice(0, 3)}`;
    const { id } = await addOk(admin, newAccount(three));
    assert.equal((await store.getAccount(id))!.name, three);
  });

  it('refuses a Name longer than 100 characters with 211 NameTooLong, and accepts exactly 100', async () => {
    const base = unique('Long').replace(/\s/g, '-');
    const long = base.padEnd(101, 'x');
    expectFault(await addAccount(admin, newAccount(long)), 211, 'ApiFault');
    assert.ok(!(await storedNames(demo.customerId)).includes(long));
    const hundred = base.padEnd(100, 'y');
    const { id } = await addOk(admin, newAccount(hundred));
    assert.equal((await store.getAccount(id))!.name, hundred);
  });

  it('refuses a Name already used in the customer, compared case-insensitively, with 201', async () => {
    const name = unique('Duplicate Name');
    await addOk(admin, newAccount(name));
    const countBefore = (await accountsOf(demo.customerId)).length;
    expectFault(await addAccount(admin, newAccount(name.toUpperCase())), 201, 'ApiFault');
    expectFault(await addAccount(admin, newAccount(name)), 201, 'ApiFault');
    assert.equal((await accountsOf(demo.customerId)).length, countBefore);
    // The same name in another customer is fine.
    const other = await newTenant('Same Name');
    await addOk(other.creds, {
      Name: name, CurrencyCode: 'USD', ParentCustomerId: String(other.customer.id),
      PaymentMethodId: String(other.paymentMethod.id), BusinessAddress: addressXml(ADDRESS),
    });
  });

  it('refuses a missing CurrencyCode (absent or an empty element) with 203', async () => {
    const name = unique('No Currency');
    const fields = newAccount(name);
    delete fields.CurrencyCode;
    expectFault(await addAccount(admin, fields), 203, 'ApiFault');
    expectFault(await addAccount(admin, newAccount(name, { CurrencyCode: '' })), 203, 'ApiFault');
    assert.ok(!(await storedNames(demo.customerId)).includes(name));
  });

  it('refuses a CurrencyCode outside the enumeration with 201 ApiInputValidationError (AdApiFaultDetail)', async () => {
    const name = unique('Bad Currency');
    const r = await addAccount(admin, newAccount(name, { CurrencyCode: 'XYZ' }));
    const detail = expectFault(r, 201, 'AdApiFaultDetail');
    assert.equal(find(r.root, 'ErrorCode', ADAPI)?.text, 'ApiInputValidationError');
    assert.match(detail ?? '', /Account\.CurrencyCode/);
    assert.ok(!(await storedNames(demo.customerId)).includes(name));
  });

  it('refuses a missing BusinessAddress with 1139', async () => {
    const name = unique('No Address');
    const fields = newAccount(name);
    delete fields.BusinessAddress;
    expectFault(await addAccount(admin, fields), 1139, 'ApiFault');
    assert.ok(!(await storedNames(demo.customerId)).includes(name));
  });

  it('refuses a BusinessAddress without City, or with a Line1 over 35 characters, with 1140', async () => {
    const name = unique('Bad Address');
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
    const name = unique('Country Rules');
    const br = addressXml({ ...ADDRESS, CountryCode: 'BR', PostalCode: undefined });
    expectFault(await addAccount(admin, newAccount(name, { CurrencyCode: 'BRL', BusinessAddress: br })), 1140, 'ApiFault');
    expectFault(await addAccount(admin, newAccount(name, { BusinessAddress: addressXml({ ...ADDRESS, CountryCode: 'USA' }) })), 1140, 'ApiFault');
    assert.ok(!(await storedNames(demo.customerId)).includes(name));
  });

  it('refuses a PaymentMethodId of another customer, and a PrimaryUserId who is only a Viewer, with 201', async () => {
    const other = await newTenant('Payer');
    const name = unique('Borrowed Payment');
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
    const name = unique('Taxed');
    expectFault(await addAccount(admin, newAccount(name, { TaxInformation: kv('Bogus', '1') })), 201, 'ApiFault');
    const { id } = await addOk(admin, newAccount(name, { TaxInformation: kv('VATNumber', 'GB123456789') }));
    assert.deepEqual((await store.getAccount(id))!.taxInformation, [{ key: 'VATNumber', value: 'GB123456789' }]);
    const account = await getAccountOk(admin, id);
    const pairs = must(childEl(account, 'TaxInformation'), 'TaxInformation').children;
    assert.deepEqual(pairs.map((p) => [value(p, 'key'), value(p, 'value')]), [['VATNumber', 'GB123456789']]);
  });

  it('stores and returns names with XML special characters exactly', async () => {
    const name = unique('R&D <Team> "quoted" \'apos\'');
    const { id } = await addOk(admin, newAccount(name));
    assert.equal((await store.getAccount(id))!.name, name);
    const r = await getAccount(admin, id);
    assert.equal(value(must(childEl(expectOk(r, 'GetAccount'), 'Account'), 'Account'), 'Name'), name);
    assert.ok(r.text.includes('R&amp;D &lt;Team&gt;'));

    // A carriage return (sent as a character reference) survives the round trip: written raw, XML
    // end-of-line normalisation would turn it into a line feed at the client.
    const cr = unique('Carriage Return');
    const { id: crId } = await addOk(admin, { ...newAccount(cr), Name: cr.replace(' ', '&#13;') });
    const storedCr = (await store.getAccount(crId))!.name;
    assert.equal(storedCr, cr.replace(' ', '\r'));
    assert.equal(value(await getAccountOk(admin, crId), 'Name'), storedCr);
  });

  it('ignores the read-only fields (Id, Number, AccountLifeCycleStatus, LastModifiedTime, …)', async () => {
    const name = unique('Read Only');
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

describe('SOAP GetAccount', () => {
  it('returns the stored account in WSDL element order, nulls as i:nil="true", without AccountMode unless asked', async () => {
    const { id } = await addOk(admin, newAccount(unique('Get Me'), { TimeZone: 'Hawaii' }));
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

describe('SOAP UpdateAccount', () => {
  async function timeStampOf(creds: SoapCredentials, id: bigint): Promise<string> {
    return value(await getAccountOk(creds, id), 'TimeStamp')!;
  }
  const update = (creds: SoapCredentials, fields: Fields): Promise<SoapResult> => soap(server.soapUrl, 'UpdateAccount', accountXml(fields), creds);

  it('overwrites the whole account: fields left out are cleared or reset to their defaults', async () => {
    const { id, number } = await addOk(admin, newAccount(unique('Overwrite'), { TimeZone: 'OsakaSapporoTokyo', AutoTagType: 'Replace' }));
    const before = (await store.getAccount(id))!;
    const ts = await timeStampOf(admin, id);
    const newName = unique('Overwritten');
    const r = await update(admin, { Id: String(id), Name: newName, ParentCustomerId: String(demo.customerId), TimeStamp: ts });
    const res = expectOk(r, 'UpdateAccount');
    assertTrackingId(r);
    assert.deepEqual(res.children.map((c) => c.local), ['LastModifiedTime']);

    const after = (await store.getAccount(id))!;
    assert.equal(after.name, newName);
    assert.equal(after.timeZone, 'PacificTimeUSCanadaTijuana', 'TimeZone reset to its default');
    assert.equal(after.autoTagType, 'Inactive', 'AutoTagType reset to its default');
    assert.equal(after.paymentMethodId, null, 'PaymentMethodId cleared');
    assert.equal(after.primaryUserId, null, 'PrimaryUserId cleared');
    // Read-only and kept: number, currency, owner, status, business address (not sent = kept).
    assert.equal(after.number, number);
    assert.equal(after.currencyCode, before.currencyCode);
    assert.equal(after.customerId, demo.customerId);
    assert.equal(after.lifeCycleStatus, before.lifeCycleStatus);
    assert.deepEqual(after.businessAddress, before.businessAddress);
    assert.ok(after.version > before.version);
    assert.equal(Date.parse(value(res, 'LastModifiedTime')!), after.lastModifiedTime.getTime());
    assert.match(value(res, 'LastModifiedTime')!, WCF_DATE_TIME);
  });

  it('sets the sent optional fields, and ignores read-only ones (CurrencyCode, Number, status)', async () => {
    const { id, number } = await addOk(admin, newAccount(unique('Set Fields')));
    const ts = await timeStampOf(admin, id);
    const name = unique('Set Fields Renamed');
    expectOk(await update(admin, {
      Id: String(id), Name: name, ParentCustomerId: String(demo.customerId), TimeStamp: ts, TimeZone: 'Seoul',
      AutoTagType: 'Preserve', Language: 'German', PaymentMethodId: String(demo.paymentMethodId), PrimaryUserId: String(demo.user.id),
      CurrencyCode: 'JPY', Number: 'AAAAAAAA', AccountLifeCycleStatus: 'Suspended',
      BusinessAddress: addressXml({ ...ADDRESS, City: 'Bellevue', Line1: '2 Second Ave' }),
    }), 'UpdateAccount');
    const rec = (await store.getAccount(id))!;
    assert.equal(rec.name, name);
    assert.equal(rec.timeZone, 'Seoul');
    assert.equal(rec.autoTagType, 'Preserve');
    assert.equal(rec.language, 'German');
    assert.equal(rec.paymentMethodId, demo.paymentMethodId);
    assert.equal(rec.primaryUserId, demo.user.id);
    assert.equal(rec.currencyCode, 'USD');
    assert.equal(rec.number, number);
    assert.equal(rec.lifeCycleStatus, 'Active');
    assert.equal(rec.businessAddress?.city, 'Bellevue');
    assert.equal(rec.businessAddress?.line1, '2 Second Ave');
    assertAccountMatches(await getAccountOk(admin, id), rec);
  });

  it('requires the TimeStamp (203) and changes nothing without it', async () => {
    const { id } = await addOk(admin, newAccount(unique('No TimeStamp')));
    const before = (await store.getAccount(id))!;
    const r = await update(admin, { Id: String(id), Name: unique('Never Applied'), ParentCustomerId: String(demo.customerId) });
    assert.match(expectFault(r, 203, 'ApiFault') ?? '', /TimeStamp/);
    assert.deepEqual(await store.getAccount(id), before);
  });

  it('gives a new TimeStamp on every write, refuses a stale one with 209, and records who changed it when', async () => {
    const { id } = await addOk(admin, newAccount(unique('Versions')));
    const ts1 = await timeStampOf(admin, id);
    const standard = await newUser(demo.customerId, ROLE.StandardUser);

    const t0 = Date.now();
    const first = expectOk(await update(standard.creds, {
      Id: String(id), Name: unique('Versions A'), ParentCustomerId: String(demo.customerId), TimeStamp: ts1,
    }), 'UpdateAccount');
    const ts2 = await timeStampOf(admin, id);
    assert.notEqual(ts2, ts1);
    let rec = (await store.getAccount(id))!;
    assert.equal(rec.lastModifiedByUserId, standard.user.id, 'LastModifiedByUserId is the Standard User who updated');
    assert.equal(rec.lastModifiedTime.getTime(), Date.parse(value(first, 'LastModifiedTime')!));
    assert.ok(Math.abs(rec.lastModifiedTime.getTime() - t0) < 60_000);
    const shown = await getAccountOk(admin, id);
    assert.equal(value(shown, 'LastModifiedByUserId'), String(standard.user.id));
    assert.equal(Date.parse(value(shown, 'LastModifiedTime')!), rec.lastModifiedTime.getTime());

    const staleName = unique('Stale Write');
    expectFault(await update(admin, { Id: String(id), Name: staleName, ParentCustomerId: String(demo.customerId), TimeStamp: ts1 }), 209, 'ApiFault');
    assert.notEqual((await store.getAccount(id))!.name, staleName);

    expectOk(await update(admin, { Id: String(id), Name: unique('Versions B'), ParentCustomerId: String(demo.customerId), TimeStamp: ts2 }), 'UpdateAccount');
    const ts3 = await timeStampOf(admin, id);
    assert.equal(new Set([ts1, ts2, ts3]).size, 3);
    rec = (await store.getAccount(id))!;
    assert.equal(rec.lastModifiedByUserId, demo.user.id);
    assert.equal(timeStampVersion(ts3), rec.version);
    // A TimeStamp that was never issued is stale too.
    expectFault(await update(admin, { Id: String(id), Name: staleName, ParentCustomerId: String(demo.customerId), TimeStamp: 'AAAAAAAAAAA=' }), 209, 'ApiFault');
  });

  it('refuses a Viewer with 106 and changes nothing', async () => {
    const { id } = await addOk(admin, newAccount(unique('Viewer Target')));
    const viewer = await newUser(demo.customerId, ROLE.Viewer);
    // A Viewer can read the account (and so learns its TimeStamp) …
    const ts = value(await getAccountOk(viewer.creds, id), 'TimeStamp')!;
    const before = (await store.getAccount(id))!;
    // … but not change it.
    expectFault(await update(viewer.creds, { Id: String(id), Name: unique('Viewer Edit'), ParentCustomerId: String(demo.customerId), TimeStamp: ts }), 106, 'AdApiFaultDetail');
    assert.deepEqual(await store.getAccount(id), before);
  });

  it('refuses another tenant with 106 and changes nothing', async () => {
    const other = await newTenant('Updater');
    const { id } = await addOk(admin, newAccount(unique('Cross Tenant')));
    const ts = await timeStampOf(admin, id);
    const before = (await store.getAccount(id))!;
    expectFault(await update(other.creds, { Id: String(id), Name: unique('Hijack'), ParentCustomerId: String(other.customer.id), TimeStamp: ts }), 106, 'AdApiFaultDetail');
    assert.deepEqual(await store.getAccount(id), before);
  });

  /** GetAccount's Account element, sent back as-is (the SDKs' get → change → update), with one edit. */
  async function roundTrip(creds: SoapCredentials, id: bigint, edit: (xml: string) => string): Promise<SoapResult> {
    const got = await getAccount(creds, id);
    expectOk(got, 'GetAccount');
    const xml = /<Account>[\s\S]*<\/Account>/.exec(got.text)![0].replace('<Account>', `<Account xmlns:a="${ENT}">`);
    const edited = edit(xml);
    assert.notEqual(edited, xml, 'the edit changed something');
    return soap(server.soapUrl, 'UpdateAccount', edited, creds);
  }

  it('accepts the account exactly as GetAccount returned it, changing only what was edited', async () => {
    const standard = await newUser(demo.customerId, ROLE.StandardUser);
    const { id } = await addOk(admin, newAccount(unique('Round Trip'), {
      TimeZone: 'Brisbane', AutoTagType: 'Replace', PrimaryUserId: String(standard.user.id),
    }));
    const before = (await store.getAccount(id))!;
    const newName = unique('Round Tripped');
    expectOk(await roundTrip(admin, id, (x) => x.replace(/<a:Name>[^<]*<\/a:Name>/, `<a:Name>${newName}</a:Name>`)), 'UpdateAccount');
    const after = (await store.getAccount(id))!;
    assert.equal(after.name, newName);
    const keep = (r: AccountRecord) => ({ ...r, name: '', version: 0n, lastModifiedTime: null, lastModifiedByUserId: null });
    assert.deepEqual(keep(after), keep(before), 'everything sent back unchanged stays unchanged');
  });

  it('an Advertiser Campaign Manager may change AutoTagType only (106 for anything else)', async () => {
    const { id } = await addOk(admin, newAccount(unique('Campaign Managed'), { AutoTagType: 'Inactive' }));
    const manager = await newUser(demo.customerId, 16);
    expectOk(await roundTrip(manager.creds, id, (x) => x.replace('<a:AutoTagType>Inactive</a:AutoTagType>', '<a:AutoTagType>Preserve</a:AutoTagType>')), 'UpdateAccount');
    assert.equal((await store.getAccount(id))!.autoTagType, 'Preserve');
    const before = (await store.getAccount(id))!;
    const r = await roundTrip(manager.creds, id, (x) => x.replace(/<a:Name>[^<]*<\/a:Name>/, `<a:Name>${unique('Renamed By Manager')}</a:Name>`));
    expectFault(r, 106, 'AdApiFaultDetail');
    assert.deepEqual(await store.getAccount(id), before);
  });

  it('a Draft account becomes Active when updated with a payment method', async () => {
    const tenant = await newTenant('Draft Update');
    const { id } = await addOk(tenant.creds, {
      Name: unique('Draft To Active'), CurrencyCode: 'USD', ParentCustomerId: String(tenant.customer.id), BusinessAddress: addressXml(ADDRESS),
    });
    assert.equal((await store.getAccount(id))!.lifeCycleStatus, 'Draft');
    const ts = await timeStampOf(tenant.creds, id);
    expectOk(await update(tenant.creds, {
      Id: String(id), Name: unique('Now Active'), ParentCustomerId: String(tenant.customer.id), TimeStamp: ts,
      PaymentMethodId: String(tenant.paymentMethod.id),
    }), 'UpdateAccount');
    const rec = (await store.getAccount(id))!;
    assert.equal(rec.lifeCycleStatus, 'Active');
    assert.equal(rec.paymentMethodId, tenant.paymentMethod.id);
  });

  it('refuses a rename to a name the customer already uses (case-insensitive) with 201', async () => {
    const taken = unique('Taken Name');
    await addOk(admin, newAccount(taken));
    const { id } = await addOk(admin, newAccount(unique('Wants Taken')));
    const before = (await store.getAccount(id))!;
    const ts = await timeStampOf(admin, id);
    expectFault(await update(admin, { Id: String(id), Name: taken.toLowerCase(), ParentCustomerId: String(demo.customerId), TimeStamp: ts }), 201, 'ApiFault');
    assert.deepEqual(await store.getAccount(id), before);
  });

  it('answers 2108 for an account that does not exist', async () => {
    expectFault(await update(admin, { Id: '9007199254740993', Name: unique('Ghost'), ParentCustomerId: String(demo.customerId), TimeStamp: 'AAAAAAAAAAE=' }), 2108, 'ApiFault');
  });
});

describe('SOAP FindAccounts (seed 003)', () => {
  const find3 = (creds: SoapCredentials, customerId: bigint | null, filter: string | null, topN: number | null): Promise<SoapResult> => soap(
    server.soapUrl, 'FindAccounts',
    (customerId === null ? '<CustomerId i:nil="true"/>' : `<CustomerId>${customerId}</CustomerId>`)
    + (filter === null ? '' : `<AccountFilter>${xmlEscape(filter)}</AccountFilter>`)
    + (topN === null ? '' : `<TopN>${topN}</TopN>`),
    creds,
  );
  async function findIds(creds: SoapCredentials, customerId: bigint | null, filter: string | null, topN = 5000): Promise<bigint[]> {
    const r = await find3(creds, customerId, filter, topN);
    return accountInfoIds(expectOk(r, 'FindAccounts'));
  }

  let agency: Tenant & { creds: SoapCredentials };
  let client: Tenant & { creds: SoapCredentials };
  let unlinked: AccountRecord;
  let pending: AccountRecord;

  before(async () => {
    // An agency customer managing one account of a client customer through an Active AccountLink;
    // a second client account has only a pending link, a third none.
    agency = await newTenant('Agency');
    client = await newTenant('Client');
    unlinked = await insertAccount(client.customer.id, unique('Client Unlinked'), `U${randomInt(1e6, 9e6)}`);
    pending = await insertAccount(client.customer.id, unique('Client Pending'), `P${randomInt(1e6, 9e6)}`);
    const link = {
      name: null, note: null, isBillToClient: null, startDate: null, inviterEmail: null, inviterName: null, inviterPhone: null,
      customerLinkPermission: null, suppressNotification: false, lastModifiedByUserId: null,
    };
    await store.insertClientLink({ ...link, type: 'AccountLink', clientEntityId: client.account.id, managingCustomerId: agency.customer.id, status: 'Active' });
    await store.insertClientLink({ ...link, type: 'AccountLink', clientEntityId: pending.id, managingCustomerId: agency.customer.id, status: 'LinkPending' });
  });

  it('matches names that begin with the filter, case-insensitively, and not names that only contain it', async () => {
    const stem = `Fa${randomBytes(3).toString('hex')}`;
    const a = await addOk(admin, newAccount(`${stem} Alpha`));
    const b = await addOk(admin, newAccount(`${stem.toLowerCase()}beta`));
    const c = await addOk(admin, newAccount(`Zed ${stem} Gamma`));
    for (const filter of [stem, stem.toUpperCase(), stem.toLowerCase()]) {
      const ids = await findIds(admin, demo.customerId, filter);
      assert.deepEqual(sortIds(ids), sortIds([a.id, b.id]), filter);
    }
    assert.deepEqual(await findIds(admin, demo.customerId, `${stem} alp`), [a.id]);
    assert.deepEqual(await findIds(admin, demo.customerId, `Zed ${stem.toUpperCase()}`), [c.id]);
    assert.deepEqual(await findIds(admin, demo.customerId, `${stem}zzz`), []);
  });

  it('matches account numbers that begin with the filter, case-insensitively', async () => {
    const { id, number } = await addOk(admin, newAccount(unique('By Number')));
    assert.deepEqual(await findIds(admin, demo.customerId, number.toLowerCase()), [id]);
    const prefix = number.slice(0, 4).toLowerCase();
    const ids = await findIds(admin, null, prefix);
    assert.ok(ids.includes(id));
    for (const rec of await store.getAccounts(ids)) {
      assert.ok(rec.number.toLowerCase().startsWith(prefix) || rec.name.toLowerCase().startsWith(prefix), `${rec.name} / ${rec.number}`);
    }
  });

  it('filters by account number only when the filter is X followed by digits', async () => {
    const digits = String(randomInt(1_000_000, 9_999_999));
    const legacy = await insertAccount(demo.customerId, unique('Legacy Numbered'), `X${digits}`);
    const namedX = await addOk(admin, newAccount(`X${digits} Named Like A Number`));
    const ids = await findIds(admin, null, `X${digits.slice(0, 4)}`);
    assert.ok(ids.includes(legacy.id), 'the account whose number begins with the filter');
    assert.ok(!ids.includes(namedX.id), 'not the account whose name begins with the filter');
    assert.deepEqual(await findIds(admin, demo.customerId, `X${digits}`), [legacy.id]);
    // Not of the form X + digits: names match again.
    assert.deepEqual(await findIds(admin, demo.customerId, `X${digits} Named`), [namedX.id]);
  });

  it('treats LIKE wildcards in the filter literally', async () => {
    const stem = `Wc${randomBytes(3).toString('hex')}`;
    const percent = await addOk(admin, newAccount(`${stem}%Percent`));
    await addOk(admin, newAccount(`${stem}xPercent`));
    assert.deepEqual(await findIds(admin, demo.customerId, '%'), []);
    assert.deepEqual(await findIds(admin, demo.customerId, '_'), []);
    assert.deepEqual(await findIds(admin, demo.customerId, `${stem}%`), [percent.id]);
    assert.deepEqual(await findIds(admin, demo.customerId, `${stem}_`), []);
  });

  it('an empty filter (or none) returns every accessible account, as GetAccountsInfo does', async () => {
    const expected = sortIds((await accountsOf(demo.customerId)).map((a) => a.id));
    assert.deepEqual(sortIds(await findIds(admin, null, '')), expected);
    assert.deepEqual(sortIds(await findIds(admin, null, null)), expected);
    assert.deepEqual(sortIds(await findIds(admin, demo.customerId, '')), expected);
    const info = accountInfoIds(expectOk(await soap(server.soapUrl, 'GetAccountsInfo', '', admin), 'GetAccountsInfo'));
    assert.deepEqual(sortIds(info), expected);
  });

  it('returns AccountInfo values as stored', async () => {
    const r = await find3(admin, demo.customerId, demo.account.number, 10);
    const list = must(childEl(expectOk(r, 'FindAccounts'), 'AccountsInfo'), 'AccountsInfo');
    assert.equal(list.children.length, 1);
    const info = list.children[0]!;
    assert.equal(value(info, 'Id'), String(demo.account.id));
    assert.equal(value(info, 'Name'), demo.account.name);
    assert.equal(value(info, 'Number'), demo.account.number);
    assert.equal(value(info, 'AccountLifeCycleStatus'), demo.account.lifeCycleStatus);
    assert.equal(value(info, 'PauseReason'), null);
    assertNilsAndNamespaces(info, ENT);
  });

  it('TopN must be from 1 through 5,000: 0, 5001 and none are refused, 5000 and 1 are served', async () => {
    expectFault(await find3(admin, null, '', 0), 201, 'ApiFault');
    expectFault(await find3(admin, null, '', 5001), 201, 'ApiFault');
    expectFault(await find3(admin, null, '', -1), 201, 'ApiFault');
    expectFault(await find3(admin, null, '', null), 201, 'ApiFault');
    expectOk(await find3(admin, null, '', 5000), 'FindAccounts');
    const all = await accountsOf(demo.customerId);
    assert.ok(all.length >= 2);
    assert.equal((await findIds(admin, null, '', 1)).length, 1);
    assert.equal((await findIds(admin, null, '', 2)).length, 2);
  });

  it('CustomerId nil searches every accessible customer, including an agency\'s linked client account', async () => {
    const ids = sortIds(await findIds(agency.creds, null, ''));
    assert.deepEqual(ids, sortIds([agency.account.id, client.account.id]));
    assert.ok(!ids.includes(unlinked.id) && !ids.includes(pending.id), 'only Active links give access');
    // A filter on the linked account's name finds it too.
    assert.deepEqual(await findIds(agency.creds, null, client.account.name.toLowerCase()), [client.account.id]);
    // With the agency's own CustomerId, only the agency's own accounts.
    assert.deepEqual(await findIds(agency.creds, agency.customer.id, ''), [agency.account.id]);
  });

  it('a user whose role covers some accounts of the customer finds only those', async () => {
    const { id: other } = await addOk(admin, newAccount(unique('Out Of Scope')));
    const scoped = await newUser(demo.customerId, ROLE.StandardUser, [demo.account.id]);
    assert.deepEqual(await findIds(scoped.creds, null, ''), [demo.account.id]);
    assert.deepEqual(await findIds(scoped.creds, demo.customerId, ''), [demo.account.id]);
    assert.deepEqual(await findIds(scoped.creds, null, 'Out Of Scope'), []);
    const infos = accountInfoIds(expectOk(await soap(server.soapUrl, 'GetAccountsInfo', '', scoped.creds), 'GetAccountsInfo'));
    assert.deepEqual(infos, [demo.account.id]);
    expectOk(await getAccount(scoped.creds, demo.account.id), 'GetAccount');
    expectFault(await getAccount(scoped.creds, other), 106, 'AdApiFaultDetail');
  });

  it('CustomerId of another tenant is refused with 106 and no data', async () => {
    const other = await newTenant('Hidden');
    const r = await find3(admin, other.customer.id, '', 100);
    expectFault(r, 106, 'AdApiFaultDetail');
    assert.equal(find(r.root, 'AccountsInfo'), undefined);
    assert.ok(!r.text.includes(other.account.name) && !r.text.includes(other.account.number));
    // And the other tenant's accounts never show up in the caller's searches.
    assert.ok(!(await findIds(admin, null, other.account.name)).includes(other.account.id));
    assert.ok(!(await findIds(admin, null, other.account.number)).includes(other.account.id));
  });

  describe('SOAP GetAccountsInfo', () => {
    const info = (creds: SoapCredentials, inner: string): Promise<SoapResult> => soap(server.soapUrl, 'GetAccountsInfo', inner, creds);

    it('CustomerId omitted means the caller\'s customer', async () => {
      const expected = sortIds((await accountsOf(agency.customer.id)).map((a) => a.id));
      const withId = accountInfoIds(expectOk(await info(agency.creds, `<CustomerId>${agency.customer.id}</CustomerId><OnlyParentAccounts>true</OnlyParentAccounts>`), 'GetAccountsInfo'));
      const without = accountInfoIds(expectOk(await info(agency.creds, '<OnlyParentAccounts>true</OnlyParentAccounts>'), 'GetAccountsInfo'));
      const nil = accountInfoIds(expectOk(await info(agency.creds, '<CustomerId i:nil="true"/><OnlyParentAccounts>true</OnlyParentAccounts>'), 'GetAccountsInfo'));
      assert.deepEqual(sortIds(withId), expected);
      assert.deepEqual(sortIds(without), expected);
      assert.deepEqual(sortIds(nil), expected);
    });

    it('OnlyParentAccounts false adds the accounts linked to the customer; true leaves them out', async () => {
      const all = accountInfoIds(expectOk(await info(agency.creds, '<OnlyParentAccounts>false</OnlyParentAccounts>'), 'GetAccountsInfo'));
      assert.deepEqual(sortIds(all), sortIds([agency.account.id, client.account.id]));
      const omitted = accountInfoIds(expectOk(await info(agency.creds, ''), 'GetAccountsInfo'));
      assert.deepEqual(sortIds(omitted), sortIds(all), 'OnlyParentAccounts defaults to false');
      const parents = accountInfoIds(expectOk(await info(agency.creds, '<OnlyParentAccounts>true</OnlyParentAccounts>'), 'GetAccountsInfo'));
      assert.deepEqual(parents, [agency.account.id]);
      // The same as FindAccounts with an empty filter, per the documentation.
      assert.deepEqual(sortIds(await findIds(agency.creds, null, '')), sortIds(all));
    });

    it('another tenant\'s CustomerId is refused with 106', async () => {
      const r = await info(admin, `<CustomerId>${client.customer.id}</CustomerId><OnlyParentAccounts>false</OnlyParentAccounts>`);
      expectFault(r, 106, 'AdApiFaultDetail');
      assert.ok(!r.text.includes(client.account.name));
    });
  });

  describe('SOAP GetUser with client links', () => {
    it('lists the agency role\'s linked client accounts in LinkedAccountIds', async () => {
      const res = expectOk(await soap(server.soapUrl, 'GetUser', '<UserId i:nil="true"/>', agency.creds), 'GetUser');
      const roles = must(childEl(res, 'CustomerRoles'), 'CustomerRoles').children;
      assert.equal(roles.length, 1);
      const linked = must(childEl(roles[0]!, 'LinkedAccountIds'), 'LinkedAccountIds');
      assert.deepEqual(linked.children.map((c) => c.text), [String(client.account.id)]);
      assert.equal(linked.children[0]!.local, 'long');
      assert.equal(linked.children[0]!.uri, 'http://schemas.microsoft.com/2003/10/Serialization/Arrays');
    });
  });
});

describe('SOAP GetUser and GetCurrentUser', () => {
  function assertUserShape(user: XmlElement): void {
    const expected = USER_FIELDS.filter((f) => f.opts.emitDefault !== false).map((f) => f.name);
    assert.deepEqual(user.children.map((c) => c.local), expected);
    assertNilsAndNamespaces(user, ENT);
    assert.equal(value(user, 'Password'), null, 'the password is never returned');
  }

  it('UserId nil returns the caller, with a Super Admin CustomerRole (RoleId 41) on their customer', async () => {
    const r = await soap(server.soapUrl, 'GetUser', '<UserId i:nil="true"/>', admin);
    assertTrackingId(r);
    const res = expectOk(r, 'GetUser');
    assert.deepEqual(res.children.map((c) => c.local), ['User', 'CustomerRoles']);
    const user = must(childEl(res, 'User'), 'User');
    assertUserShape(user);
    const rec = (await store.getUser(demo.user.id))!;
    assert.equal(value(user, 'Id'), String(rec.id));
    assert.equal(value(user, 'UserName'), rec.userName);
    assert.equal(value(user, 'CustomerId'), String(rec.customerId));
    assert.equal(value(user, 'UserLifeCycleStatus'), rec.lifeCycleStatus);
    assert.equal(timeStampVersion(value(user, 'TimeStamp')!), rec.version);
    const name = must(childEl(user, 'Name'), 'Name');
    assert.equal(value(name, 'FirstName'), rec.firstName);
    assert.equal(value(name, 'LastName'), rec.lastName);

    const roles = must(childEl(res, 'CustomerRoles'), 'CustomerRoles').children;
    assert.equal(roles.length, 1);
    const role = roles[0]!;
    assert.equal(role.local, 'CustomerRole');
    assert.deepEqual(role.children.map((c) => c.local), ['RoleId', 'CustomerId', 'AccountIds', 'LinkedAccountIds', 'CustomerLinkPermission']);
    assert.equal(value(role, 'RoleId'), '41');
    assert.equal(value(role, 'CustomerId'), String(demo.customerId));
    assert.equal(value(role, 'AccountIds'), null, 'no AccountIds for customer-level access');

    // UserId omitted altogether is the same.
    const omitted = expectOk(await soap(server.soapUrl, 'GetUser', '', admin), 'GetUser');
    assert.equal(value(must(childEl(omitted, 'User'), 'User'), 'Id'), String(rec.id));
  });

  it('a Super Admin sees another user of the same customer, with that user\'s role', async () => {
    const standard = await newUser(demo.customerId, ROLE.StandardUser);
    const res = expectOk(await soap(server.soapUrl, 'GetUser', `<UserId>${standard.user.id}</UserId>`, admin), 'GetUser');
    const user = must(childEl(res, 'User'), 'User');
    assertUserShape(user);
    assert.equal(value(user, 'Id'), String(standard.user.id));
    assert.equal(value(user, 'UserName'), standard.user.userName);
    const roles = must(childEl(res, 'CustomerRoles'), 'CustomerRoles').children;
    assert.deepEqual(roles.map((r) => [value(r, 'RoleId'), value(r, 'CustomerId')]), [['203', String(demo.customerId)]]);

    // A user restricted to some accounts shows them in AccountIds.
    const scoped = await newUser(demo.customerId, ROLE.StandardUser, [demo.account.id]);
    const res2 = expectOk(await soap(server.soapUrl, 'GetUser', `<UserId>${scoped.user.id}</UserId>`, admin), 'GetUser');
    const role = must(childEl(res2, 'CustomerRoles'), 'CustomerRoles').children[0]!;
    assert.deepEqual(must(childEl(role, 'AccountIds'), 'AccountIds').children.map((c) => c.text), [String(demo.account.id)]);
  });

  it('a user of another tenant is refused with 106', async () => {
    const other = await newTenant('Stranger');
    const r = await soap(server.soapUrl, 'GetUser', `<UserId>${other.user.id}</UserId>`, admin);
    expectFault(r, 106, 'AdApiFaultDetail');
    assert.ok(!r.text.includes(other.user.userName));
  });

  it('a Viewer cannot see the other users of the customer (106), only themselves', async () => {
    const viewer = await newUser(demo.customerId, ROLE.Viewer);
    expectFault(await soap(server.soapUrl, 'GetUser', `<UserId>${demo.user.id}</UserId>`, viewer.creds), 106, 'AdApiFaultDetail');
    const self = expectOk(await soap(server.soapUrl, 'GetUser', `<UserId>${viewer.user.id}</UserId>`, viewer.creds), 'GetUser');
    const role = must(childEl(self, 'CustomerRoles'), 'CustomerRoles').children[0]!;
    assert.equal(value(role, 'RoleId'), '100');
  });

  it('GetCurrentUser returns the caller and no roles', async () => {
    const r = await soap(server.soapUrl, 'GetCurrentUser', '', admin);
    assertTrackingId(r);
    const res = expectOk(r, 'GetCurrentUser');
    assert.deepEqual(res.children.map((c) => c.local), ['User']);
    const user = must(childEl(res, 'User'), 'User');
    assertUserShape(user);
    assert.equal(value(user, 'Id'), String(demo.user.id));

    const standard = await newUser(demo.customerId, ROLE.StandardUser);
    const res2 = expectOk(await soap(server.soapUrl, 'GetCurrentUser', '', standard.creds), 'GetCurrentUser');
    assert.equal(value(must(childEl(res2, 'User'), 'User'), 'Id'), String(standard.user.id));
    assert.equal(value(must(childEl(res2, 'User'), 'User'), 'UserName'), standard.user.userName);
  });
});

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

  let tenant: Tenant & { creds: SoapCredentials };
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
    const expected = sortIds((await accountsOf(tenant.customer.id)).map((a) => a.id));
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
    const all = sortIds((await accountsOf(tenant.customer.id)).map((a) => a.id));
    assert.deepEqual(sortIds(await searchIds(tenant.creds, [['UserId', 'Equals', String(tenant.user.id)]])), all);
    const scoped = await newUser(tenant.customer.id, ROLE.StandardUser, [alpha.id]);
    assert.deepEqual(await searchIds(tenant.creds, [['UserId', 'Equals', String(scoped.user.id)]]), [alpha.id]);
    assert.deepEqual(await searchIds(scoped.creds, [['UserId', 'Equals', String(scoped.user.id)]]), [alpha.id]);
  });

  it('AccountLifeCycleStatus Equals together with UserId', async () => {
    const userPred: Pred = ['UserId', 'Equals', String(tenant.user.id)];
    assert.deepEqual(await searchIds(tenant.creds, [['AccountLifeCycleStatus', 'Equals', 'Draft'], userPred]), [draft.id]);
    const active = (await accountsOf(tenant.customer.id)).filter((a) => a.lifeCycleStatus === 'Active').map((a) => a.id);
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
    const p = (reason: number) => insertAccount(paused.customer.id, unique(`Paused ${reason}`), `Q${randomInt(1e6, 9e6)}`, { lifeCycleStatus: 'Pause', pauseReason: reason });
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
