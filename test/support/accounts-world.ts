// The world every account end-to-end test starts from: one real server; its demo tenant acting
// over SOAP as the documentation's templates do (admin = the demo Super Admin); a tenant T with a
// second account T2 and a billing-paused account, and a foreign tenant O, for the REST calls; and
// the calls themselves, bound to that server. `useAccountsWorld()` starts it before a file's tests
// and stops it after.
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import type { AccountRecord, UserRecord } from '../../src/store/records.js';
import type { Store } from '../../src/store/store.js';
import { accountXml, addressXml, ADDRESS, accountInfoIds, type Fields } from './account-xml.js';
import { faultCodes, soap, type RestResult, type SoapCredentials, type SoapResult } from './clients.js';
import {
  accountsOf, createTestTenant, insertClientLink, insertTestAccount, insertTestUser, ownerOf, tokenFor, type TestTenant,
} from './fixtures.js';
import { uniqueName } from './names.js';
import { address, checkedRest, jsonAccount, V13, type CallOptions } from './rest-assert.js';
import { SANDBOX_DEVELOPER_TOKEN, startServer, type RunningServer } from './server.js';
import { childEl, expectOk, must, value, xmlEscape, type XmlElement } from './soap-assert.js';

export interface Demo { user: UserRecord; customerId: bigint; account: AccountRecord; paymentMethodId: bigint }
export type SoapTenant = TestTenant & { creds: SoapCredentials };

export class AccountsWorld {
  server!: RunningServer;
  store!: Store;
  /** The demo Super Admin's SOAP credentials. */
  admin!: SoapCredentials;
  demo!: Demo;
  /** The tenant the REST tests act as (Super Admin). */
  T!: TestTenant;
  /** Another tenant, out of T's reach. */
  O!: TestTenant;
  /** A second account of T. */
  T2!: AccountRecord;
  /** A third account of T, paused by billing (PauseReason 2). */
  paused!: AccountRecord;

  #starting: Promise<void> | undefined;

  /** Starts the world once; every caller waits for the same start. */
  started(): Promise<void> {
    this.#starting ??= this.start();
    return this.#starting;
  }

  private async start(): Promise<void> {
    this.server = await startServer({ environment: 'sandbox' });
    this.store = await this.server.store();
    this.admin = { token: await this.server.token(), developerToken: SANDBOX_DEVELOPER_TOKEN };
    const demoUserId = BigInt((await this.store.getMeta('demo_user_id'))!);
    const user = (await this.store.getUser(demoUserId))!;
    const [account] = await this.customerAccounts(user.customerId);
    assert.ok(account && account.paymentMethodId !== null, 'the demo tenant has an Active account with a payment method');
    this.demo = { user, customerId: user.customerId, account, paymentMethodId: account.paymentMethodId };
    this.T = await createTestTenant(this.store, 'sandbox', 'RestT');
    this.O = await createTestTenant(this.store, 'sandbox', 'RestO');
    this.T2 = await insertTestAccount(this.store, ownerOf(this.T), { name: uniqueName('T second') });
    this.paused = await insertTestAccount(this.store, ownerOf(this.T), { name: uniqueName('T paused'), lifeCycleStatus: 'Pause', pauseReason: 2 });
  }

  async stop(): Promise<void> {
    await this.server?.stop();
  }

  // --- the world, in the store ---------------------------------------------------------------

  customerAccounts = (customerId: bigint): Promise<AccountRecord[]> => accountsOf(this.store, customerId);
  storedNames = async (customerId: bigint): Promise<string[]> => (await this.customerAccounts(customerId)).map((a) => a.name);
  /** Everything stored about a customer's accounts, for "nothing changed" comparisons. */
  snapshot = (customerId: bigint): Promise<AccountRecord[]> => accountsOf(this.store, customerId);

  credsFor = async (userId: bigint): Promise<SoapCredentials> => ({ token: await tokenFor(this.store, userId), developerToken: SANDBOX_DEVELOPER_TOKEN });

  newTenant = async (label: string): Promise<SoapTenant> => {
    const tenant = await createTestTenant(this.store, 'sandbox', label);
    return { ...tenant, creds: { token: tenant.token, developerToken: SANDBOX_DEVELOPER_TOKEN } };
  };

  newUser = async (customerId: bigint, roleId: number, accountIds: bigint[] | null = null): Promise<{ user: UserRecord; creds: SoapCredentials }> => {
    const { user, token } = await insertTestUser(this.store, 'sandbox', { customerId, roleId, accountIds, label: `Role${roleId}` });
    return { user, creds: { token, developerToken: SANDBOX_DEVELOPER_TOKEN } };
  };

  /** An account written straight into the store (e.g. with a legacy Xnnnnnnn number). */
  insertAccount = (customerId: bigint, name: string, number: string, extra: { lifeCycleStatus?: AccountRecord['lifeCycleStatus']; pauseReason?: number } = {}): Promise<AccountRecord> =>
    insertTestAccount(this.store, { customerId, paymentMethodId: null, primaryUserId: null }, { name, number, ...extra });

  /**
   * An agency customer managing one account of a client customer through an Active AccountLink;
   * a second client account has only a pending link, a third none.
   */
  linkedAgency = async (): Promise<{ agency: SoapTenant; client: SoapTenant; unlinked: AccountRecord; pending: AccountRecord }> => {
    const agency = await this.newTenant('Agency');
    const client = await this.newTenant('Client');
    const unlinked = await this.insertAccount(client.customer.id, uniqueName('Client Unlinked'), `U${randomDigits()}`);
    const pending = await this.insertAccount(client.customer.id, uniqueName('Client Pending'), `P${randomDigits()}`);
    await insertClientLink(this.store, { type: 'AccountLink', clientEntityId: client.account.id, managingCustomerId: agency.customer.id });
    await insertClientLink(this.store, { type: 'AccountLink', clientEntityId: pending.id, managingCustomerId: agency.customer.id, status: 'LinkPending' });
    return { agency, client, unlinked, pending };
  };

  // --- over SOAP -----------------------------------------------------------------------------

  /** The fields of a valid AddAccount for the demo customer (Active: it carries the payment method). */
  newAccount = (name: string, overrides: Fields = {}): Fields => ({
    Name: xmlEscape(name), CurrencyCode: 'USD', ParentCustomerId: String(this.demo.customerId),
    PaymentMethodId: String(this.demo.paymentMethodId), BusinessAddress: addressXml(ADDRESS), ...overrides,
  });

  addAccount = (creds: SoapCredentials, fields: Fields): Promise<SoapResult> => soap(this.server.soapUrl, 'AddAccount', accountXml(fields), creds);

  addOk = async (creds: SoapCredentials, fields: Fields): Promise<{ id: bigint; number: string; createTime: string }> => {
    const res = expectOk(await this.addAccount(creds, fields), 'AddAccount');
    return { id: BigInt(value(res, 'AccountId')!), number: value(res, 'AccountNumber')!, createTime: value(res, 'CreateTime')! };
  };

  getAccount = (creds: SoapCredentials, id: bigint | string, extra = ''): Promise<SoapResult> =>
    soap(this.server.soapUrl, 'GetAccount', `<AccountId>${id}</AccountId>${extra}`, creds);

  getAccountOk = async (creds: SoapCredentials, id: bigint, extra = ''): Promise<XmlElement> =>
    must(childEl(expectOk(await this.getAccount(creds, id, extra), 'GetAccount'), 'Account'), 'Account');

  findAccounts = (creds: SoapCredentials, customerId: bigint | null, filter: string | null, topN: number | null): Promise<SoapResult> => soap(
    this.server.soapUrl, 'FindAccounts',
    (customerId === null ? '<CustomerId i:nil="true"/>' : `<CustomerId>${customerId}</CustomerId>`)
    + (filter === null ? '' : `<AccountFilter>${xmlEscape(filter)}</AccountFilter>`)
    + (topN === null ? '' : `<TopN>${topN}</TopN>`),
    creds,
  );

  findIds = async (creds: SoapCredentials, customerId: bigint | null, filter: string | null, topN = 5000): Promise<bigint[]> =>
    accountInfoIds(expectOk(await this.findAccounts(creds, customerId, filter, topN), 'FindAccounts'));

  // --- over REST -----------------------------------------------------------------------------

  /** One REST call with T's Super Admin credentials unless told otherwise, plus the checks every response must pass. */
  call = (method: string, path: string, body: unknown, options: CallOptions = {}): Promise<RestResult> =>
    checkedRest(this.server.url, this.T.token, method, path, body, options);

  /** A valid REST AddAccount Account for T. */
  restAccount = (overrides: Record<string, unknown> = {}): Record<string, unknown> => jsonAccount(this.T, overrides);

  getAccountJson = async (id: bigint | string, token?: string): Promise<Record<string, unknown>> => {
    const res = await this.call('POST', `${V13}/Account/Query`, { AccountId: String(id) }, token ? { token } : {});
    assert.equal(res.status, 200, res.text);
    return res.body.Account as Record<string, unknown>;
  };

  readonly address = address;
}

function randomDigits(): number {
  return 1_000_000 + Math.floor(Math.random() * 8_000_000);
}

/** The world for this test file: started before its tests, stopped after. */
export function useAccountsWorld(): AccountsWorld {
  const world = new AccountsWorld();
  before(() => world.started());
  after(() => world.stop());
  return world;
}

// --- the same refusal on both faces ------------------------------------------------------------

const XML_ADDRESS = '<e:BusinessAddress><e:City>Redmond</e:City><e:CountryCode>US</e:CountryCode><e:Line1>1 Main Street</e:Line1>'
  + '<e:PostalCode>98052</e:PostalCode><e:StateOrProvince>WA</e:StateOrProvince><e:BusinessName>Contoso</e:BusinessName></e:BusinessAddress>';

/** A SOAP AddAccount Account for T, in WSDL order (optionally without Name or address). */
export function tAccountXml(T: TestTenant, name: string | null, currency = 'USD', withAddress = true): string {
  return `<Account><e:CurrencyCode>${currency}</e:CurrencyCode>`
    + `${name === null ? '' : `<e:Name>${name}</e:Name>`}<e:ParentCustomerId>${T.customer.id}</e:ParentCustomerId>`
    + `<e:PaymentMethodId>${T.paymentMethod.id}</e:PaymentMethodId>${withAddress ? XML_ADDRESS : ''}</Account>`;
}
export const searchXml = (predicates: string, page = true): string => `<Predicates>${predicates}</Predicates>${page ? '<PageInfo><e:Index>0</e:Index><e:Size>10</e:Size></PageInfo>' : ''}`;
export const predicateXml = (field: string, op: string, value: string): string => `<e:Predicate><e:Field>${field}</e:Field><e:Operator>${op}</e:Operator><e:Value>${value}</e:Value></e:Predicate>`;

/**
 * One test: the request, sent by T over REST and over SOAP, is refused with `code` on both faces
 * (HTTP 403 for 106, else 400, over REST; HTTP 500 over SOAP) and nothing of T's is stored.
 */
export function itRefusesOnBothFaces(
  world: AccountsWorld, what: string, code: number,
  viaRest: () => [method: string, path: string, body: unknown], viaSoap: () => [operation: string, xml: string],
): void {
  it(`${what} → ${code} on both faces, nothing stored`, async () => {
    await expectRefusedAlike(world, code, viaRest(), viaSoap());
  });
}

/**
 * The body of `itRefusesOnBothFaces`, for tests that assert more about the same rule: the request,
 * sent by T over REST and over SOAP, is refused with `code` on both faces and nothing of T's is
 * stored. Returns both answers for further checks.
 */
export async function expectRefusedAlike(
  world: AccountsWorld, code: number,
  [method, path, body]: [method: string, path: string, body: unknown], [operation, xml]: [operation: string, xml: string],
): Promise<{ rest: RestResult; soap: SoapResult }> {
  const { T } = world;
  const before = await world.snapshot(T.customer.id);
  const r = await world.call(method, `${V13}${path}`, body);
  const s = await soap(world.server.soapUrl, operation, xml, { token: T.token, developerToken: SANDBOX_DEVELOPER_TOKEN });
  assert.equal(s.status, 500, `SOAP faults are HTTP 500: ${s.text.slice(0, 300)}`);
  const restCodes = ((r.body.Errors ?? r.body.OperationErrors) as Array<{ Code: number }>).map((e) => e.Code);
  assert.deepEqual(restCodes, [code], `REST: ${r.text.slice(0, 300)}`);
  assert.deepEqual(faultCodes(s), restCodes, `SOAP: ${s.text.slice(0, 300)}`);
  assert.equal(r.status, code === 106 ? 403 : 400);
  assert.deepEqual(await world.snapshot(T.customer.id), before);
  return { rest: r, soap: s };
}
