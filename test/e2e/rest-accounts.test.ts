// End-to-end tests of the REST (JSON) face: every implemented operation at its documented method
// and path (api-reference §1), with the JSON typing the official REST SDKs require (client-notes:
// longs as strings, ints as numbers, plain arrays, nulls omitted), the flat faults of §4.3 with
// the TrackingId header, the HTTP statuses the SDKs act on, and what the server stored.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { faultCodes, rest, soap, type RestResult } from '../support/clients.js';
import { SANDBOX_DEVELOPER_TOKEN, startServer, type RunningServer } from '../support/server.js';
import {
  accountsOf, createTestTenant, insertTestAccount, ownerOf, tokenFor, uniqueName, type TestTenant,
} from '../support/fixtures.js';
import type { AccountRecord } from '../../src/store/records.js';
import { operationDef, operationNames } from '../../src/contract/lookup.js';
import { implementedOperations } from '../../src/domain/operations.js';
import type { Store } from '../../src/store/store.js';

const V13 = '/CustomerManagement/v13';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?Z$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
/** Signs of a stack trace or of server internals leaking into a response. */
const STACK_SIGNS = [/\bat .+\(.+:\d+:\d+\)/, /\n\s+at /, /node:internal/, /\/dist\/src\//, /\/src\/[\w/-]+\.ts/, /\.js:\d+:\d+/];

// ------------------------------------------------------------------------------------------------
// JSON shapes (api-reference Appendix B + §7): what the Python REST SDK validates.
type Shape = 'long' | 'int' | 'decimal' | 'string' | 'boolean' | 'dateTime' | 'base64'
  | { enum: readonly string[] } | { list: Shape } | { fields: Readonly<Record<string, Shape>> };

const LIFE_CYCLE = { enum: ['Draft', 'Active', 'Inactive', 'Pause', 'Pending', 'Suspended'] } as const;
const ADDRESS: Shape = {
  fields: {
    City: 'string', CountryCode: 'string', Id: 'long', Line1: 'string', Line2: 'string', Line3: 'string',
    Line4: 'string', PostalCode: 'string', StateOrProvince: 'string', TimeStamp: 'base64', BusinessName: 'string',
  },
};
// client-notes: the REST SDK's KeyValuePair objects use Key/Value.
const KEY_VALUE: Shape = { fields: { Key: 'string', Value: 'string' } };
const ACCOUNT_INFO: Shape = {
  fields: { Id: 'long', Name: 'string', Number: 'string', AccountLifeCycleStatus: LIFE_CYCLE, PauseReason: 'int' },
};
const ADVERTISER_ACCOUNT: Shape = {
  fields: {
    BillToCustomerId: 'long', CurrencyCode: 'string', AccountFinancialStatus: {
      enum: ['Proposed', 'PendingCreditCheck', 'ClearFinancialStatus', 'SoldToOnly', 'CreditWarning', 'Hold', 'WriteOff', 'TaxOnHold', 'UserHold'],
    },
    Id: 'long', Language: 'string', LastModifiedByUserId: 'long', LastModifiedTime: 'dateTime', Name: 'string',
    Number: 'string', ParentCustomerId: 'long', PaymentMethodId: 'long', PaymentMethodType: 'string',
    PrimaryUserId: 'long', AccountLifeCycleStatus: LIFE_CYCLE, TimeStamp: 'base64', TimeZone: 'string',
    PauseReason: 'int', ForwardCompatibilityMap: { list: KEY_VALUE }, LinkedAgencies: { list: { fields: { Id: 'long', Name: 'string' } } },
    SalesHouseCustomerId: 'long', TaxInformation: { list: KEY_VALUE }, BackUpPaymentInstrumentId: 'long',
    BillingThresholdAmount: 'decimal', BusinessAddress: ADDRESS, AutoTagType: { enum: ['Inactive', 'Preserve', 'Replace'] },
    SoldToPaymentInstrumentId: 'long',
    TaxCertificate: { fields: { TaxCertificateBlobContainerName: 'string', TaxCertificates: { list: { fields: { Key: 'string', Value: 'base64' } } }, Status: { enum: ['Valid', 'Invalid', 'Pending'] } } },
    AccountMode: 'string',
  },
};
const USER: Shape = {
  fields: {
    ContactInfo: {
      fields: {
        Address: ADDRESS, ContactByPhone: 'boolean', ContactByPostalMail: 'boolean', Email: 'string',
        EmailFormat: { enum: ['Html', 'Text'] }, Fax: 'string', HomePhone: 'string', Id: 'long', Mobile: 'string',
        Phone1: 'string', Phone2: 'string',
      },
    },
    CustomerId: 'long', Id: 'long', JobTitle: 'string', LastModifiedByUserId: 'long', LastModifiedTime: 'dateTime',
    Lcid: 'string', Name: { fields: { FirstName: 'string', LastName: 'string', MiddleInitial: 'string' } },
    // Password is never returned (user.md: "GetUser never returns it"), so it is not a member here.
    SecretAnswer: 'string', SecretQuestion: 'string', UserLifeCycleStatus: { enum: ['Pending', 'Active', 'Inactive', 'Deleted'] },
    TimeStamp: 'base64', UserName: 'string', ForwardCompatibilityMap: { list: KEY_VALUE },
  },
};
const CUSTOMER_ROLE: Shape = {
  fields: { RoleId: 'int', CustomerId: 'long', AccountIds: { list: 'long' }, LinkedAccountIds: { list: 'long' }, CustomerLinkPermission: 'string' },
};

/** Asserts the JSON value has exactly the REST SDK's typing: no nulls, no unknown members. */
function conform(value: unknown, shape: Shape, path: string): void {
  assert.notEqual(value, null, `${path} is null: nulls must be left out of REST responses`);
  assert.notEqual(value, undefined, `${path} is undefined`);
  if (typeof shape === 'string') {
    switch (shape) {
      case 'long':
        assert.equal(typeof value, 'string', `${path} is an xs:long and must be a JSON string, got ${JSON.stringify(value)}`);
        assert.match(value as string, /^-?\d{1,19}$/, `${path} is a decimal integer`);
        return;
      case 'int':
        assert.ok(typeof value === 'number' && Number.isInteger(value), `${path} must be a JSON integer number, got ${JSON.stringify(value)}`);
        return;
      case 'decimal':
        assert.equal(typeof value, 'number', `${path} must be a JSON number`);
        return;
      case 'boolean':
        assert.equal(typeof value, 'boolean', `${path} must be a JSON boolean`);
        return;
      case 'string':
        assert.equal(typeof value, 'string', `${path} must be a JSON string`);
        return;
      case 'dateTime':
        assert.equal(typeof value, 'string', `${path} must be an ISO date string`);
        assert.match(value as string, ISO, `${path} is ISO-8601 UTC`);
        assert.ok(!Number.isNaN(Date.parse(value as string)), `${path} parses as a date`);
        return;
      case 'base64':
        assert.equal(typeof value, 'string', `${path} must be a base64 string`);
        assert.match(value as string, BASE64, `${path} is base64`);
        return;
    }
  }
  if ('enum' in shape) {
    assert.ok(typeof value === 'string' && shape.enum.includes(value), `${path}: ${JSON.stringify(value)} is not one of ${shape.enum.join('|')}`);
    return;
  }
  if ('list' in shape) {
    assert.ok(Array.isArray(value), `${path} must be a plain JSON array (no ArrayOf… wrapper), got ${JSON.stringify(value)?.slice(0, 80)}`);
    (value as unknown[]).forEach((v, i) => conform(v, shape.list, `${path}[${i}]`));
    return;
  }
  assert.ok(typeof value === 'object' && !Array.isArray(value), `${path} must be a JSON object`);
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    assert.ok(Object.hasOwn(shape.fields, k), `${path}.${k} is not a member of this object`);
    conform(v, shape.fields[k]!, `${path}.${k}`);
  }
}

// ------------------------------------------------------------------------------------------------
let server: RunningServer;
let limited: RunningServer;
let store: Store;
let T: TestTenant; // the tenant the tests act as (Super Admin)
let O: TestTenant; // another tenant, out of T's reach
let T2: AccountRecord; // a second account of T
let paused: AccountRecord; // a third account of T, paused by billing (PauseReason 2)

interface CallOptions {
  token?: string | null;
  developerToken?: string | null;
  headers?: Record<string, string>;
  on?: RunningServer;
}

/** One REST call with T's Super Admin credentials unless told otherwise, plus the checks every response must pass. */
async function call(method: string, path: string, body: unknown, options: CallOptions = {}): Promise<RestResult> {
  const token = options.token === undefined ? T.token : options.token ?? undefined;
  const developerToken = options.developerToken === undefined ? SANDBOX_DEVELOPER_TOKEN : options.developerToken ?? undefined;
  const res = await rest((options.on ?? server).url, method, path, body, { token, developerToken, ...(options.headers ? { headers: options.headers } : {}) });
  for (const sign of STACK_SIGNS) assert.doesNotMatch(res.text, sign, `no stack trace or internals in: ${res.text.slice(0, 300)}`);
  const trackingId = res.headers.get('trackingid');
  assert.match(trackingId ?? '', GUID, 'every API response carries a TrackingId header holding a lower-case GUID');
  if (res.status === 200) assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
  return res;
}

type FaultType = 'ApiFault' | 'AdApiFaultDetail';

/** The flat fault of §4.3, exactly: {TrackingId, Type, OperationErrors|Errors}, codes as numbers. */
function expectFault(res: RestResult, status: number, type: FaultType, code: number): void {
  assert.equal(res.status, status, `HTTP ${status} expected, got ${res.status}: ${res.text.slice(0, 400)}`);
  assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
  const body = res.body;
  const list = type === 'ApiFault' ? 'OperationErrors' : 'Errors';
  assert.deepEqual(Object.keys(body).sort(), [list, 'TrackingId', 'Type'].sort(), `fault members: ${res.text.slice(0, 300)}`);
  assert.equal(body.Type, type, res.text);
  assert.match(String(body.TrackingId), GUID);
  assert.equal(body.TrackingId, res.headers.get('trackingid'), 'TrackingId header equals the body');
  const errors = body[list] as Array<Record<string, unknown>>;
  assert.ok(Array.isArray(errors) && errors.length >= 1, `${list} is a plain non-empty array`);
  for (const e of errors) {
    const keys = type === 'ApiFault' ? ['Code', 'Details', 'Message'] : ['Code', 'Detail', 'ErrorCode', 'Message'];
    assert.deepEqual(Object.keys(e).sort(), keys, `error members: ${JSON.stringify(e)}`);
    assert.ok(Number.isInteger(e.Code), `Code is a JSON number: ${JSON.stringify(e)}`);
    assert.ok(typeof e.Message === 'string' && e.Message.length > 0);
    const detail = type === 'ApiFault' ? e.Details : e.Detail;
    assert.ok(detail === null || typeof detail === 'string');
    if (type === 'AdApiFaultDetail') assert.ok(typeof e.ErrorCode === 'string' && e.ErrorCode.length > 0);
  }
  assert.equal(errors[0]!.Code, code, `code ${code} expected: ${res.text.slice(0, 400)}`);
}

const ids = (list: unknown): string[] => (list as Array<{ Id: string }>).map((a) => a.Id).sort();
const sortedIds = (records: readonly AccountRecord[]): string[] => records.map((a) => a.id.toString()).sort();

/** Everything stored about a customer's accounts, for "nothing changed" comparisons. */
async function snapshot(customerId: bigint, on: Store = store): Promise<AccountRecord[]> {
  return accountsOf(on, customerId);
}

function address(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { BusinessName: 'Contoso Ltd', Line1: '1 Microsoft Way', City: 'Redmond', StateOrProvince: 'WA', PostalCode: '98052', CountryCode: 'US', ...overrides };
}

function newAccount(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    Name: uniqueName('REST Account'), CurrencyCode: 'USD', ParentCustomerId: T.customer.id.toString(),
    PaymentMethodId: T.paymentMethod.id.toString(), BusinessAddress: address(), ...overrides,
  };
}

async function getAccountJson(id: bigint | string, token?: string): Promise<Record<string, unknown>> {
  const res = await call('POST', `${V13}/Account/Query`, { AccountId: String(id) }, token ? { token } : {});
  assert.equal(res.status, 200, res.text);
  return res.body.Account as Record<string, unknown>;
}

before(async () => {
  [server, limited] = await Promise.all([
    startServer({ environment: 'sandbox' }),
    startServer({ environment: 'sandbox', args: ['--body-limit', '2048'] }),
  ]);
  store = await server.store();
  T = await createTestTenant(store, 'sandbox', 'RestT');
  O = await createTestTenant(store, 'sandbox', 'RestO');
  T2 = await insertTestAccount(store, ownerOf(T), { name: uniqueName('T second') });
  paused = await insertTestAccount(store, ownerOf(T), { name: uniqueName('T paused'), lifeCycleStatus: 'Pause', pauseReason: 2 });
});

after(async () => {
  await Promise.all([server?.stop(), limited?.stop()]);
});

// ------------------------------------------------------------------------------------------------
describe('REST service endpoints', () => {
  it('GET / is a JSON landing document listing the endpoints, each of which answers', async () => {
    const res = await rest(server.url, 'GET', '/', undefined);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
    const endpoints = res.body.endpoints as Record<string, string>;
    assert.equal(endpoints.soap, '/Api/CustomerManagement/v13/CustomerManagementService.svc');
    assert.equal(endpoints.rest, `${V13}/`);
    assert.equal(endpoints.openapi, `${V13}/openapi.json`);
    assert.equal(endpoints.health, '/health');
    assert.equal(res.body.environment, 'sandbox');
    const wsdl = await fetch(`${server.url}${endpoints.wsdl}`);
    assert.equal(wsdl.status, 200);
    assert.match(await wsdl.text(), /<(wsdl:)?definitions[\s>]/);
    assert.equal((await fetch(`${server.url}${endpoints.openapi}`)).status, 200);
    assert.equal((await fetch(`${server.url}${endpoints.health}`)).status, 200);
  });

  it('GET /health answers {status: ok}', async () => {
    const res = await rest(server.url, 'GET', '/health', undefined);
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, { status: 'ok' });
  });

  it('GET openapi.json describes each implemented operation at its documented path, with longs typed string/int64', async () => {
    const res = await rest(server.url, 'GET', `${V13}/openapi.json`, undefined);
    assert.equal(res.status, 200);
    const doc = res.body as { openapi: string; paths: Record<string, Record<string, { operationId: string }>>; components: { schemas: Record<string, { properties?: Record<string, Record<string, unknown>> }> } };
    assert.match(doc.openapi, /^3\./);
    const expected: Array<[string, string, string]> = [
      ['AddAccount', 'post', '/Account'], ['UpdateAccount', 'put', '/Account'], ['GetAccount', 'post', '/Account/Query'],
      ['FindAccounts', 'post', '/Accounts/Find'], ['GetAccountsInfo', 'post', '/AccountsInfo/Query'],
      ['GetUser', 'post', '/User/Query'], ['GetCurrentUser', 'post', '/CurrentUser/Query'], ['SearchAccounts', 'post', '/Accounts/Search'],
    ];
    for (const [op, method, path] of expected) {
      assert.equal(doc.paths[`${V13}${path}`]?.[method]?.operationId, op, `${method.toUpperCase()} ${path} is ${op}`);
    }
    // Exactly the operations the server serves (more are being implemented over time), each at its contract route.
    const served = Object.entries(doc.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, o]) => `${o.operationId} ${method.toUpperCase()} ${path}`)).sort();
    const implemented = implementedOperations.map((op) => `${op} ${operationDef(op).method} ${operationDef(op).path}`).sort();
    assert.deepEqual(served, implemented, 'the implemented operations, and only those, are described');
    const schemas = doc.components.schemas;
    const typeOf = (schema: string, prop: string): Record<string, unknown> => {
      const p = schemas[schema]?.properties?.[prop];
      assert.ok(p, `${schema}.${prop} is described`);
      return p;
    };
    for (const [schema, prop] of [
      ['AdvertiserAccount', 'Id'], ['AdvertiserAccount', 'ParentCustomerId'], ['AdvertiserAccount', 'PaymentMethodId'],
      ['AdvertiserAccount', 'BillToCustomerId'], ['AdvertiserAccount', 'PrimaryUserId'], ['AccountInfo', 'Id'],
      ['AddAccountResponse', 'AccountId'], ['GetAccountRequest', 'AccountId'], ['FindAccountsRequest', 'CustomerId'],
      ['GetUserRequest', 'UserId'], ['User', 'Id'], ['User', 'CustomerId'], ['CustomerRole', 'CustomerId'],
    ] as const) {
      const t = typeOf(schema, prop);
      assert.equal(t.type, 'string', `${schema}.${prop} is a string`);
      assert.equal(t.format, 'int64', `${schema}.${prop} has format int64`);
    }
    assert.equal(typeOf('FindAccountsRequest', 'TopN').type, 'integer');
    assert.equal(typeOf('CustomerRole', 'RoleId').type, 'integer');
    assert.equal(typeOf('AccountInfo', 'PauseReason').type, 'integer');
    const accountsInfo = typeOf('FindAccountsResponse', 'AccountsInfo');
    assert.equal(accountsInfo.type, 'array', 'AccountsInfo is a plain array');
  });
});

// ------------------------------------------------------------------------------------------------
describe('REST AddAccount (POST /CustomerManagement/v13/Account)', () => {
  it('creates the account: {AccountId (string), AccountNumber, CreateTime}, and stores exactly what was sent', async () => {
    const name = uniqueName('Added via REST');
    const res = await call('POST', `${V13}/Account`, {
      Account: newAccount({
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
      Account: newAccount({ Name: name, ParentCustomerId: Number(T.customer.id), PaymentMethodId: Number(T.paymentMethod.id) }),
    });
    assert.equal(res.status, 200, res.text);
    assert.equal(typeof res.body.AccountId, 'string');
    const stored = await store.getAccount(BigInt(res.body.AccountId as string));
    assert.equal(stored?.name, name);
    assert.equal(stored?.customerId, T.customer.id);
  });

  it('accepts the SDK headers CustomerId: None and CustomerAccountId: None', async () => {
    const res = await call('POST', `${V13}/Account`, { Account: newAccount() }, { headers: { CustomerId: 'None', CustomerAccountId: 'None' } });
    assert.equal(res.status, 200, res.text);
    assert.ok(await store.getAccount(BigInt(res.body.AccountId as string)));
  });

  const invalid: Array<[string, () => unknown, number, FaultType, number]> = [
    ['an empty body object (no Account)', () => ({}), 400, 'ApiFault', 203],
    ['Account: null', () => ({ Account: null }), 400, 'ApiFault', 203],
    ['no ParentCustomerId', () => ({ Account: newAccount({ ParentCustomerId: undefined }) }), 400, 'ApiFault', 203],
    ['no Name', () => ({ Account: newAccount({ Name: undefined }) }), 400, 'ApiFault', 203],
    ['no CurrencyCode', () => ({ Account: newAccount({ CurrencyCode: undefined }) }), 400, 'ApiFault', 203],
    ['a 2-character Name', () => ({ Account: newAccount({ Name: 'ab' }) }), 400, 'ApiFault', 201],
    ['a 101-character Name', () => ({ Account: newAccount({ Name: 'n'.repeat(101) }) }), 400, 'ApiFault', 211],
    ['the Name of an existing account of the customer', () => ({ Account: newAccount({ Name: T.account.name }) }), 400, 'ApiFault', 201],
    ['no BusinessAddress', () => ({ Account: newAccount({ BusinessAddress: undefined }) }), 400, 'ApiFault', 1139],
    ['a BusinessAddress without Line1', () => ({ Account: newAccount({ BusinessAddress: address({ Line1: undefined }) }) }), 400, 'ApiFault', 1140],
    ['a BusinessAddress with CountryCode "USA"', () => ({ Account: newAccount({ BusinessAddress: address({ CountryCode: 'USA' }) }) }), 400, 'ApiFault', 1140],
    ['a Name with a control character', () => ({ Account: newAccount({ Name: 'Bad\u0001Name' }) }), 400, 'AdApiFaultDetail', 201],
    ['an unknown CurrencyCode "XXX"', () => ({ Account: newAccount({ CurrencyCode: 'XXX' }) }), 400, 'AdApiFaultDetail', 201],
    ['an unknown TimeZone', () => ({ Account: newAccount({ TimeZone: 'MarsOlympusMons' }) }), 400, 'AdApiFaultDetail', 201],
    ['a ParentCustomerId that is not a number', () => ({ Account: newAccount({ ParentCustomerId: 'abc' }) }), 400, 'AdApiFaultDetail', 201],
    ['a ParentCustomerId of another customer', () => ({ Account: newAccount({ ParentCustomerId: O.customer.id.toString() }) }), 403, 'AdApiFaultDetail', 106],
  ];
  for (const [what, body, status, type, code] of invalid) {
    it(`refuses ${what} → ${status} ${code}, and stores nothing`, async () => {
      const beforeT = await snapshot(T.customer.id);
      const beforeO = await snapshot(O.customer.id);
      expectFault(await call('POST', `${V13}/Account`, body()), status, type, code);
      assert.deepEqual(await snapshot(T.customer.id), beforeT, 'the customer\'s accounts are unchanged');
      assert.deepEqual(await snapshot(O.customer.id), beforeO, 'the other customer\'s accounts are unchanged');
    });
  }

  it('refuses a ParentCustomerId sent as a JSON number above 2^53 → 400 ApiInputValidationError', async () => {
    const before = await snapshot(T.customer.id);
    const account = JSON.stringify(newAccount()).replace(/"ParentCustomerId":"\d+"/, '"ParentCustomerId":9007199254740993');
    assert.match(account, /9007199254740993/);
    const res = await call('POST', `${V13}/Account`, `{"Account":${account}}`);
    expectFault(res, 400, 'AdApiFaultDetail', 201);
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
    expectFault(await call('POST', `${V13}/Account`, body(uniqueName('Draft two')), { token: D.token }), 400, 'ApiFault', 201);
    assert.deepEqual(await snapshot(D.customer.id), before);
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
    expectFault(await call('POST', `${V13}/Account/Query`, { AccountId: T.account.id.toString(), ReturnAdditionalFields: 'AccountMode, Bogus' }), 400, 'AdApiFaultDetail', 201);
  });

  it('a PauseReason is a JSON number', async () => {
    const a = await getAccountJson(paused.id);
    conform(a, ADVERTISER_ACCOUNT, 'Account');
    assert.equal(a.PauseReason, 2);
    assert.equal(a.AccountLifeCycleStatus, 'Pause');
  });

  it('an account id that does not exist → 400 2108', async () => {
    expectFault(await call('POST', `${V13}/Account/Query`, { AccountId: '987654321987' }), 400, 'ApiFault', 2108);
  });

  it('an account of another customer → 403 106, revealing nothing of it', async () => {
    const res = await call('POST', `${V13}/Account/Query`, { AccountId: O.account.id.toString() });
    expectFault(res, 403, 'AdApiFaultDetail', 106);
    assert.ok(!res.text.includes(O.account.name) && !res.text.includes(O.account.number));
  });

  it('AccountId as a JSON number above 2^53 → 400 ApiInputValidationError', async () => {
    const res = await call('POST', `${V13}/Account/Query`, '{"AccountId": 9007199254740993}');
    expectFault(res, 400, 'AdApiFaultDetail', 201);
    assert.equal((res.body.Errors as Array<{ ErrorCode: string }>)[0]!.ErrorCode, 'ApiInputValidationError');
  });
});

// ------------------------------------------------------------------------------------------------
describe('REST UpdateAccount (PUT /CustomerManagement/v13/Account)', () => {
  let target: AccountRecord;
  before(async () => {
    target = await insertTestAccount(store, ownerOf(T), { name: uniqueName('To update') });
  });

  it('overwrites the account from a GetAccount round trip: {LastModifiedTime}, stored, TimeStamp moves on', async () => {
    const account = await getAccountJson(target.id);
    const name = uniqueName('Renamed');
    const before = (await store.getAccount(target.id))!;
    const res = await call('PUT', `${V13}/Account`, { Account: { ...account, Name: name, TimeZone: 'EasternTimeUSCanada', AutoTagType: 'Replace' } });
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(Object.keys(res.body), ['LastModifiedTime']);
    conform(res.body, { fields: { LastModifiedTime: 'dateTime' } }, 'UpdateAccountResponse');
    const after = (await store.getAccount(target.id))!;
    assert.equal(after.name, name);
    assert.equal(after.timeZone, 'EasternTimeUSCanada');
    assert.equal(after.autoTagType, 'Replace');
    assert.equal(after.number, before.number, 'Number is read-only');
    assert.equal(after.currencyCode, before.currencyCode, 'CurrencyCode is read-only');
    assert.equal(after.lastModifiedTime.getTime(), Date.parse(res.body.LastModifiedTime as string));
    assert.ok(after.version > before.version, 'the row version moved on');
    const again = await getAccountJson(target.id);
    assert.notEqual(again.TimeStamp, account.TimeStamp, 'a new TimeStamp after the update');
    assert.equal(again.Name, name);
  });

  it('accepts Id as a small JSON number', async () => {
    const account = await getAccountJson(target.id);
    const name = uniqueName('Id as number');
    const res = await call('PUT', `${V13}/Account`, { Account: { ...account, Id: Number(target.id), Name: name } });
    assert.equal(res.status, 200, res.text);
    assert.equal((await store.getAccount(target.id))!.name, name);
  });

  it('a decimal (BillingThresholdAmount) travels as a JSON number both ways', async () => {
    const account = await getAccountJson(target.id);
    const res = await call('PUT', `${V13}/Account`, { Account: { ...account, BillingThresholdAmount: 150.25 } });
    assert.equal(res.status, 200, res.text);
    assert.equal((await store.getAccount(target.id))!.billingThresholdAmount, '150.25');
    const again = await getAccountJson(target.id);
    conform(again, ADVERTISER_ACCOUNT, 'Account');
    assert.equal(again.BillingThresholdAmount, 150.25);
  });

  it('a stale TimeStamp → 400 209, nothing changed', async () => {
    const stale = await getAccountJson(target.id);
    const fresh = await call('PUT', `${V13}/Account`, { Account: { ...stale, Name: uniqueName('Moves the stamp') } });
    assert.equal(fresh.status, 200, fresh.text);
    const before = await store.getAccount(target.id);
    expectFault(await call('PUT', `${V13}/Account`, { Account: { ...stale, Name: uniqueName('Too late') } }), 400, 'ApiFault', 209);
    assert.deepEqual(await store.getAccount(target.id), before);
  });

  const invalid: Array<[string, (a: Record<string, unknown>) => unknown, number, FaultType, number]> = [
    ['an empty body object', () => ({}), 400, 'ApiFault', 203],
    ['no Id', (a) => ({ Account: { ...a, Id: undefined } }), 400, 'ApiFault', 203],
    ['no TimeStamp', (a) => ({ Account: { ...a, TimeStamp: undefined } }), 400, 'ApiFault', 203],
    ['no Name', (a) => ({ Account: { ...a, Name: undefined } }), 400, 'ApiFault', 203],
    ['a 2-character Name', (a) => ({ Account: { ...a, Name: 'ab' } }), 400, 'ApiFault', 201],
    ['a 101-character Name', (a) => ({ Account: { ...a, Name: 'x'.repeat(101) } }), 400, 'ApiFault', 211],
    ['the Name of another account of the customer', (a) => ({ Account: { ...a, Name: T.account.name } }), 400, 'ApiFault', 201],
    ['a BusinessAddress without City', (a) => ({ Account: { ...a, BusinessAddress: address({ City: '' }) } }), 400, 'ApiFault', 1140],
    ['an unknown account Id', (a) => ({ Account: { ...a, Id: '987654321987' } }), 400, 'ApiFault', 2108],
    ['a TimeStamp that is not base64', (a) => ({ Account: { ...a, TimeStamp: '***' } }), 400, 'AdApiFaultDetail', 201],
    ['an unknown AutoTagType', (a) => ({ Account: { ...a, AutoTagType: 'Sometimes' } }), 400, 'AdApiFaultDetail', 201],
    ['the Id of another customer\'s account', (a) => ({ Account: { ...a, Id: O.account.id.toString() } }), 403, 'AdApiFaultDetail', 106],
  ];
  for (const [what, body, status, type, code] of invalid) {
    it(`refuses ${what} → ${status} ${code}, and changes nothing`, async () => {
      const account = await getAccountJson(target.id);
      const beforeT = await snapshot(T.customer.id);
      const beforeO = await snapshot(O.customer.id);
      expectFault(await call('PUT', `${V13}/Account`, body(account)), status, type, code);
      assert.deepEqual(await snapshot(T.customer.id), beforeT);
      assert.deepEqual(await snapshot(O.customer.id), beforeO);
    });
  }

  it('refuses another customer\'s account even with its current TimeStamp → 403 106, unchanged', async () => {
    const theirs = await getAccountJson(O.account.id, O.token);
    const before = await store.getAccount(O.account.id);
    expectFault(await call('PUT', `${V13}/Account`, { Account: { ...theirs, Name: uniqueName('Hijacked') } }), 403, 'AdApiFaultDetail', 106);
    assert.deepEqual(await store.getAccount(O.account.id), before);
  });
});

// ------------------------------------------------------------------------------------------------
describe('REST FindAccounts (POST /CustomerManagement/v13/Accounts/Find)', () => {
  it('CustomerId null and an empty filter: exactly the caller\'s accounts, as a plain AccountInfo array', async () => {
    const res = await call('POST', `${V13}/Accounts/Find`, { CustomerId: null, AccountFilter: '', TopN: 5000 });
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(Object.keys(res.body), ['AccountsInfo']);
    conform(res.body.AccountsInfo, { list: ACCOUNT_INFO }, 'AccountsInfo');
    assert.deepEqual(ids(res.body.AccountsInfo), sortedIds(await snapshot(T.customer.id)));
    const info = (res.body.AccountsInfo as Array<Record<string, unknown>>).find((a) => a.Id === paused.id.toString())!;
    assert.equal(info.PauseReason, 2, 'PauseReason is a JSON number');
    assert.equal(info.AccountLifeCycleStatus, 'Pause');
    const plain = (res.body.AccountsInfo as Array<Record<string, unknown>>).find((a) => a.Id === T.account.id.toString())!;
    assert.deepEqual(plain, { Id: T.account.id.toString(), Name: T.account.name, Number: T.account.number, AccountLifeCycleStatus: 'Active' });
  });

  it('CustomerId as a string and as a small number give the same accounts', async () => {
    const a = await call('POST', `${V13}/Accounts/Find`, { CustomerId: T.customer.id.toString(), AccountFilter: '', TopN: 100 });
    const b = await call('POST', `${V13}/Accounts/Find`, { CustomerId: Number(T.customer.id), AccountFilter: '', TopN: 100 });
    assert.equal(a.status, 200, a.text);
    assert.equal(b.status, 200, b.text);
    assert.deepEqual(ids(a.body.AccountsInfo), sortedIds(await snapshot(T.customer.id)));
    assert.deepEqual(ids(b.body.AccountsInfo), ids(a.body.AccountsInfo));
  });

  it('filters by a case-insensitive name prefix and by number prefix; TopN caps the count', async () => {
    const prefix = T2.name.slice(0, 8).toLowerCase();
    const byName = await call('POST', `${V13}/Accounts/Find`, { AccountFilter: prefix, TopN: 10 });
    assert.equal(byName.status, 200, byName.text);
    const expected = (await snapshot(T.customer.id)).filter((a) => a.name.toLowerCase().startsWith(prefix) || a.number.toLowerCase().startsWith(prefix));
    assert.deepEqual(ids(byName.body.AccountsInfo), sortedIds(expected));
    assert.ok(ids(byName.body.AccountsInfo).includes(T2.id.toString()));
    const byNumber = await call('POST', `${V13}/Accounts/Find`, { AccountFilter: T2.number.toLowerCase(), TopN: 10 });
    assert.deepEqual(ids(byNumber.body.AccountsInfo), [T2.id.toString()]);
    const one = await call('POST', `${V13}/Accounts/Find`, { AccountFilter: '', TopN: 1 });
    assert.equal((one.body.AccountsInfo as unknown[]).length, 1);
  });

  const invalid: Array<[string, unknown, number, FaultType, number]> = [
    ['TopN 0', { AccountFilter: '', TopN: 0 }, 400, 'ApiFault', 201],
    ['TopN 5001', { AccountFilter: '', TopN: 5001 }, 400, 'ApiFault', 201],
    ['no TopN', { AccountFilter: '' }, 400, 'ApiFault', 201],
    ['TopN "abc"', { AccountFilter: '', TopN: 'abc' }, 400, 'AdApiFaultDetail', 201],
    ['TopN 1.5', { AccountFilter: '', TopN: 1.5 }, 400, 'AdApiFaultDetail', 201],
    ['CustomerId as a number above 2^53', '{"CustomerId": 9007199254740993, "TopN": 10}', 400, 'AdApiFaultDetail', 201],
  ];
  for (const [what, body, status, type, code] of invalid) {
    it(`${what} → ${status} ${code}`, async () => {
      expectFault(await call('POST', `${V13}/Accounts/Find`, body), status, type, code);
    });
  }

  it('the CustomerId of another customer → 403 106', async () => {
    const res = await call('POST', `${V13}/Accounts/Find`, { CustomerId: O.customer.id.toString(), AccountFilter: '', TopN: 10 });
    expectFault(res, 403, 'AdApiFaultDetail', 106);
    assert.ok(!res.text.includes(O.account.name));
  });
});

// ------------------------------------------------------------------------------------------------
describe('REST GetAccountsInfo (POST /CustomerManagement/v13/AccountsInfo/Query)', () => {
  it('an empty request: the caller\'s customer\'s accounts, AccountsInfo a plain array (not {AccountInfo: […]})', async () => {
    const res = await call('POST', `${V13}/AccountsInfo/Query`, {});
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(Object.keys(res.body), ['AccountsInfo']);
    assert.ok(Array.isArray(res.body.AccountsInfo), 'AccountsInfo is an array');
    conform(res.body.AccountsInfo, { list: ACCOUNT_INFO }, 'AccountsInfo');
    assert.deepEqual(ids(res.body.AccountsInfo), sortedIds(await snapshot(T.customer.id)));
  });

  it('CustomerId (string or number) and OnlyParentAccounts are honoured', async () => {
    for (const customerId of [T.customer.id.toString(), Number(T.customer.id)]) {
      const res = await call('POST', `${V13}/AccountsInfo/Query`, { CustomerId: customerId, OnlyParentAccounts: true });
      assert.equal(res.status, 200, res.text);
      assert.deepEqual(ids(res.body.AccountsInfo), sortedIds(await snapshot(T.customer.id)));
    }
  });

  it('the CustomerId of another customer → 403 106', async () => {
    expectFault(await call('POST', `${V13}/AccountsInfo/Query`, { CustomerId: O.customer.id.toString() }), 403, 'AdApiFaultDetail', 106);
  });

  it('OnlyParentAccounts "maybe" → 400 201', async () => {
    expectFault(await call('POST', `${V13}/AccountsInfo/Query`, { OnlyParentAccounts: 'maybe' }), 400, 'AdApiFaultDetail', 201);
  });
});

// ------------------------------------------------------------------------------------------------
describe('REST GetUser (POST /User/Query) and GetCurrentUser (POST /CurrentUser/Query)', () => {
  async function expectSelf(res: RestResult): Promise<void> {
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(Object.keys(res.body).sort(), ['CustomerRoles', 'User']);
    conform(res.body.User, USER, 'User');
    conform(res.body.CustomerRoles, { list: CUSTOMER_ROLE }, 'CustomerRoles');
    const user = res.body.User as Record<string, unknown>;
    const stored = (await store.getUser(T.user.id))!;
    assert.equal(user.Id, stored.id.toString());
    assert.equal(user.CustomerId, stored.customerId.toString());
    assert.equal(user.UserName, stored.userName);
    assert.equal((user.Name as Record<string, unknown>).FirstName, stored.firstName);
    assert.equal((user.ContactInfo as Record<string, unknown>).Email, stored.contactInfo?.email);
    assert.equal(user.UserLifeCycleStatus, 'Active');
    assert.ok(!('Password' in user), 'the password is never returned');
    assert.deepEqual(res.body.CustomerRoles, [{ RoleId: 41, CustomerId: T.customer.id.toString() }]);
  }

  it('{"UserId": null} (what the Python SDK sends) returns the authenticated user and roles', async () => {
    await expectSelf(await call('POST', `${V13}/User/Query`, { UserId: null }));
  });

  it('an empty body, and the own UserId as string or number, return the same', async () => {
    await expectSelf(await call('POST', `${V13}/User/Query`, {}));
    await expectSelf(await call('POST', `${V13}/User/Query`, { UserId: T.user.id.toString() }));
    await expectSelf(await call('POST', `${V13}/User/Query`, { UserId: Number(T.user.id) }));
  });

  it('a user of another customer → 403 106', async () => {
    const res = await call('POST', `${V13}/User/Query`, { UserId: O.user.id.toString() });
    expectFault(res, 403, 'AdApiFaultDetail', 106);
    assert.ok(!res.text.includes(O.user.userName));
  });

  it('GetCurrentUser returns {User} only, the same User as GetUser', async () => {
    const current = await call('POST', `${V13}/CurrentUser/Query`, {});
    assert.equal(current.status, 200, current.text);
    assert.deepEqual(Object.keys(current.body), ['User']);
    conform(current.body.User, USER, 'User');
    const viaGetUser = await call('POST', `${V13}/User/Query`, { UserId: null });
    assert.deepEqual(current.body.User, viaGetUser.body.User);
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
      expectFault(await search(body), 400, type, code);
    });
  }
});

// ------------------------------------------------------------------------------------------------
describe('REST protocol errors: statuses, fault shape, TrackingId', () => {
  const getAccount = (options: CallOptions = {}) => call('POST', `${V13}/Account/Query`, { AccountId: T.account.id.toString() }, options);

  it('no Authorization header → 401 116', async () => {
    expectFault(await getAccount({ token: null }), 401, 'AdApiFaultDetail', 116);
  });

  it('no DeveloperToken header → 401 116', async () => {
    expectFault(await getAccount({ developerToken: null }), 401, 'AdApiFaultDetail', 116);
  });

  it('an Authorization header without the "Bearer " prefix → 401 116', async () => {
    expectFault(await getAccount({ token: null, headers: { Authorization: T.token } }), 401, 'AdApiFaultDetail', 116);
  });

  it('an unknown access token → 401 105', async () => {
    expectFault(await getAccount({ token: 'not-a-real-token' }), 401, 'AdApiFaultDetail', 105);
  });

  it('an unknown developer token → 401 105', async () => {
    expectFault(await getAccount({ developerToken: 'NOTATOKEN1' }), 401, 'AdApiFaultDetail', 105);
  });

  it('an expired access token → 401 109', async () => {
    const expired = await tokenFor(store, 'sandbox', T.user.id, { lifetimeSeconds: 60, now: new Date(Date.now() - 3_600_000) });
    expectFault(await getAccount({ token: expired }), 401, 'AdApiFaultDetail', 109);
  });

  it('an access token without the msads.manage scope of the environment → 401 3101', async () => {
    const wrongScope = await tokenFor(store, 'sandbox', T.user.id, { scope: 'https://ads.microsoft.com/ads.manage offline_access' });
    expectFault(await getAccount({ token: wrongScope }), 401, 'AdApiFaultDetail', 3101);
  });

  it('a write without credentials → 401, and nothing is stored', async () => {
    const before = await snapshot(T.customer.id);
    expectFault(await call('POST', `${V13}/Account`, { Account: newAccount() }, { token: null }), 401, 'AdApiFaultDetail', 116);
    assert.deepEqual(await snapshot(T.customer.id), before);
  });

  it('CustomerId: None and CustomerAccountId: None headers are accepted on reads', async () => {
    const res = await getAccount({ headers: { CustomerId: 'None', CustomerAccountId: 'None' } });
    assert.equal(res.status, 200, res.text);
    assert.equal((res.body.Account as { Id: string }).Id, T.account.id.toString());
  });

  it('every contract operation this server does not implement (e.g. GetCustomer) → 501 204 OperationNotSupported at its route', async () => {
    const missing = operationNames.filter((op) => !implementedOperations.includes(op));
    assert.ok(missing.length > 0, 'some contract operations are not implemented yet');
    const before = await snapshot(T.customer.id);
    for (const op of missing) {
      const { method, path } = operationDef(op);
      const res = await call(method, path, op === 'DeleteAccount' ? { AccountId: T2.id.toString() } : { CustomerId: T.customer.id.toString() });
      expectFault(res, 501, 'AdApiFaultDetail', 204);
      assert.equal((res.body.Errors as Array<{ ErrorCode: string }>)[0]!.ErrorCode, 'OperationNotSupported', op);
    }
    assert.deepEqual(await snapshot(T.customer.id), before, 'DeleteAccount (if not implemented) removed nothing');
  });

  it('an unknown path → 404', async () => {
    const res = await call('POST', `${V13}/Accounts/Teleport`, {});
    assert.equal(res.status, 404);
    assert.equal(res.body.Type, undefined, 'a 404 is not a fault object (the Java SDK falls back to SOAP)');
  });

  it('a known path with a method it does not serve → 404', async () => {
    const res = await call('GET', `${V13}/Accounts/Find`, undefined);
    assert.equal(res.status, 404);
  });

  it('malformed JSON → 400 100 NullRequest', async () => {
    const res = await call('POST', `${V13}/Account/Query`, '{"AccountId": "1",');
    expectFault(res, 400, 'AdApiFaultDetail', 100);
    assert.equal((res.body.Errors as Array<{ ErrorCode: string }>)[0]!.ErrorCode, 'NullRequest');
  });

  it('a UTF-8 byte order mark before the JSON is ignored (RFC 8259 §8.1)', async () => {
    const res = await call('POST', `${V13}/Account/Query`, `\uFEFF{"AccountId": "${T.account.id}"}`);
    assert.equal(res.status, 200, res.text);
    assert.equal((res.body.Account as { Id: string }).Id, T.account.id.toString());
  });

  for (const [what, text] of [['an array', '[{"AccountId":"1"}]'], ['a string', '"AccountId"'], ['a number', '42'], ['a boolean', 'true']] as const) {
    it(`a JSON body that is ${what}, not an object → 400 100`, async () => {
      expectFault(await call('POST', `${V13}/Account/Query`, text), 400, 'AdApiFaultDetail', 100);
    });
  }

  it('malformed JSON on a write → 400, and nothing is stored', async () => {
    const before = await snapshot(T.customer.id);
    expectFault(await call('POST', `${V13}/Account`, `{"Account": {"Name": "${uniqueName('Broken')}", `), 400, 'AdApiFaultDetail', 100);
    assert.deepEqual(await snapshot(T.customer.id), before);
  });

  it('a body over the server\'s --body-limit → 413 with a fault body, and nothing is stored', async () => {
    const limitedStore = await limited.store();
    const L = await createTestTenant(limitedStore, 'sandbox', 'RestLimited');
    const before = await snapshot(L.customer.id, limitedStore);
    const body = { Account: { Name: uniqueName('Huge'), CurrencyCode: 'USD', ParentCustomerId: L.customer.id.toString(), BusinessAddress: address({ Line2: 'x'.repeat(3000) }) } };
    const res = await call('POST', `${V13}/Account`, body, { on: limited, token: L.token });
    assert.equal(res.status, 413, res.text);
    assert.equal(res.body.TrackingId, res.headers.get('trackingid'));
    assert.equal(res.body.Type, 'AdApiFaultDetail');
    assert.deepEqual(await snapshot(L.customer.id, limitedStore), before);
    // Under the limit the same server answers normally.
    const small = await call('POST', `${V13}/Account/Query`, { AccountId: L.account.id.toString() }, { on: limited, token: L.token });
    assert.equal(small.status, 200, small.text);
  });

  it('every fault\'s TrackingId is fresh: two identical failing calls get different ids', async () => {
    const a = await getAccount({ token: 'nope' });
    const b = await getAccount({ token: 'nope' });
    assert.notEqual(a.body.TrackingId, b.body.TrackingId);
    assert.notEqual(a.headers.get('trackingid'), b.headers.get('trackingid'));
  });
});

// ------------------------------------------------------------------------------------------------
describe('REST and SOAP refuse the same requests with the same codes', () => {
  const xmlAddress = '<e:BusinessAddress><e:City>Redmond</e:City><e:CountryCode>US</e:CountryCode><e:Line1>1 Main Street</e:Line1>'
    + '<e:PostalCode>98052</e:PostalCode><e:StateOrProvince>WA</e:StateOrProvince><e:BusinessName>Contoso</e:BusinessName></e:BusinessAddress>';
  const xmlAccount = (name: string | null, currency = 'USD', withAddress = true): string => `<Account><e:CurrencyCode>${currency}</e:CurrencyCode>`
    + `${name === null ? '' : `<e:Name>${name}</e:Name>`}<e:ParentCustomerId>${T.customer.id}</e:ParentCustomerId>`
    + `<e:PaymentMethodId>${T.paymentMethod.id}</e:PaymentMethodId>${withAddress ? xmlAddress : ''}</Account>`;
  const searchXml = (predicates: string, page = true): string => `<Predicates>${predicates}</Predicates>${page ? '<PageInfo><e:Index>0</e:Index><e:Size>10</e:Size></PageInfo>' : ''}`;
  const predicateXml = (field: string, op: string, value: string): string => `<e:Predicate><e:Field>${field}</e:Field><e:Operator>${op}</e:Operator><e:Value>${value}</e:Value></e:Predicate>`;

  const cases: Array<[string, number, () => [string, string, unknown], () => [string, string]]> = [
    ['FindAccounts TopN 0', 201, () => ['POST', '/Accounts/Find', { AccountFilter: '', TopN: 0 }], () => ['FindAccounts', '<AccountFilter></AccountFilter><TopN>0</TopN>']],
    ['FindAccounts TopN 5001', 201, () => ['POST', '/Accounts/Find', { AccountFilter: '', TopN: 5001 }], () => ['FindAccounts', '<AccountFilter></AccountFilter><TopN>5001</TopN>']],
    ['FindAccounts TopN "abc"', 201, () => ['POST', '/Accounts/Find', { TopN: 'abc' }], () => ['FindAccounts', '<TopN>abc</TopN>']],
    ['AddAccount without Name', 203, () => ['POST', '/Account', { Account: newAccount({ Name: undefined }) }], () => ['AddAccount', xmlAccount(null)]],
    ['AddAccount Name of 2 characters', 201, () => ['POST', '/Account', { Account: newAccount({ Name: 'ab' }) }], () => ['AddAccount', xmlAccount('ab')]],
    ['AddAccount Name of 101 characters', 211, () => ['POST', '/Account', { Account: newAccount({ Name: 'q'.repeat(101) }) }], () => ['AddAccount', xmlAccount('q'.repeat(101))]],
    ['AddAccount duplicate Name', 201, () => ['POST', '/Account', { Account: newAccount({ Name: T.account.name }) }], () => ['AddAccount', xmlAccount(T.account.name)]],
    ['AddAccount without BusinessAddress', 1139, () => ['POST', '/Account', { Account: newAccount({ Name: 'Parity no address', BusinessAddress: undefined }) }], () => ['AddAccount', xmlAccount('Parity no address', 'USD', false)]],
    ['AddAccount CurrencyCode XXX', 201, () => ['POST', '/Account', { Account: newAccount({ Name: 'Parity currency', CurrencyCode: 'XXX' }) }], () => ['AddAccount', xmlAccount('Parity currency', 'XXX')]],
    ['GetAccount unknown id', 2108, () => ['POST', '/Account/Query', { AccountId: '987654321987' }], () => ['GetAccount', '<AccountId>987654321987</AccountId>']],
    ['GetAccount of another customer', 106, () => ['POST', '/Account/Query', { AccountId: O.account.id.toString() }], () => ['GetAccount', `<AccountId>${O.account.id}</AccountId>`]],
    ['SearchAccounts without predicates', 474, () => ['POST', '/Accounts/Search', { Predicates: [], PageInfo: { Index: 0, Size: 10 } }], () => ['SearchAccounts', searchXml('')]],
    ['SearchAccounts unknown field', 3030, () => ['POST', '/Accounts/Search', { Predicates: [{ Field: 'Colour', Operator: 'Equals', Value: 'blue' }], PageInfo: { Index: 0, Size: 10 } }], () => ['SearchAccounts', searchXml(predicateXml('Colour', 'Equals', 'blue'))]],
    ['SearchAccounts without PageInfo', 3080, () => ['POST', '/Accounts/Search', { Predicates: [{ Field: 'AccountId', Operator: 'Equals', Value: '1234' }] }], () => ['SearchAccounts', searchXml(predicateXml('AccountId', 'Equals', '1234'), false)]],
  ];
  for (const [what, code, viaRest, viaSoap] of cases) {
    it(`${what} → ${code} on both faces, nothing stored`, async () => {
      const before = await snapshot(T.customer.id);
      const [method, path, body] = viaRest();
      const r = await call(method, `${V13}${path}`, body);
      const [operation, xml] = viaSoap();
      const s = await soap(server.soapUrl, operation, xml, { token: T.token, developerToken: SANDBOX_DEVELOPER_TOKEN });
      assert.equal(s.status, 500, `SOAP faults are HTTP 500: ${s.text.slice(0, 300)}`);
      const restCodes = ((r.body.Errors ?? r.body.OperationErrors) as Array<{ Code: number }>).map((e) => e.Code);
      assert.deepEqual(restCodes, [code], `REST: ${r.text.slice(0, 300)}`);
      assert.deepEqual(faultCodes(s), restCodes, `SOAP: ${s.text.slice(0, 300)}`);
      assert.equal(r.status, code === 106 ? 403 : 400);
      assert.deepEqual(await snapshot(T.customer.id), before);
    });
  }

  it('UpdateAccount with a stale TimeStamp → 209 on both faces', async () => {
    const stale = await getAccountJson(T2.id);
    const moved = await call('PUT', `${V13}/Account`, { Account: { ...stale, Name: uniqueName('Parity moves') } });
    assert.equal(moved.status, 200, moved.text);
    const before = await store.getAccount(T2.id);
    const r = await call('PUT', `${V13}/Account`, { Account: { ...stale, Name: uniqueName('Parity late') } });
    const xml = `<Account><e:Id>${T2.id}</e:Id><e:Name>${uniqueName('Parity late')}</e:Name><e:TimeStamp>${stale.TimeStamp as string}</e:TimeStamp></Account>`;
    const s = await soap(server.soapUrl, 'UpdateAccount', xml, { token: T.token, developerToken: SANDBOX_DEVELOPER_TOKEN });
    expectFault(r, 400, 'ApiFault', 209);
    assert.deepEqual(faultCodes(s), [209], s.text.slice(0, 300));
    assert.deepEqual(await store.getAccount(T2.id), before);
  });
});
