// A third-party WSDL-driven client (node-soap) consuming the WSDL this server serves: if the
// served contract and the wire format agree, a generic SOAP stack can call every implemented
// operation without knowing anything about this server. Results are checked against the store.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import * as soap from 'soap';
import { startServer, SANDBOX_DEVELOPER_TOKEN, type RunningServer } from '../../support/server.js';
import { CM } from '../../support/clients.js';
import type { Store } from '../../../src/store/store.js';
import { implementedOperations } from '../../../src/domain/operations.js';
import type { UserRecord } from '../../../src/store/records.js';

// node-soap returns parsed results as loosely typed objects.
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let server: RunningServer;
let store: Store;
let client: soap.Client;
let demoUser: UserRecord;
let paymentMethodId: bigint;

/** Calls `<op>Async` and returns the parsed result, plus the raw response. */
async function invoke(operation: string, args: Json): Promise<{ result: Json; raw: string; request: string }> {
  const fn = (client as unknown as Record<string, (a: Json) => Promise<[Json, string, unknown, string]>>)[`${operation}Async`];
  assert.equal(typeof fn, 'function', `the WSDL client has ${operation}`);
  const [result, raw, , request] = await fn!.call(client, args);
  return { result, raw, request };
}

/** xs:long values come back as numbers or strings depending on the client's parser; compare as text. */
const str = (v: unknown): string => String(v);
/** One repeated element parses to an object, several to an array. */
const list = <T>(v: T | T[] | undefined | null): T[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);

before(async () => {
  server = await startServer();
  store = await server.store();
  demoUser = (await store.getUser(BigInt((await store.getMeta('demo_user_id'))!)))!;
  const [account] = await store.queryAccounts({ scope: { customerIds: [demoUser.customerId], accountIds: [] } });
  paymentMethodId = account!.paymentMethodId!;

  client = await soap.createClientAsync(`${server.soapUrl}?wsdl`);
  const token = await server.token();
  client.addSoapHeader({ AuthenticationToken: token }, '', 'tns', CM);
  client.addSoapHeader({ DeveloperToken: SANDBOX_DEVELOPER_TOKEN }, '', 'tns', CM);
});

after(async () => {
  await server?.stop();
});

describe('node-soap against the served WSDL', () => {
  let accountId: string;
  const name = `NodeSoap ${randomBytes(4).toString('hex')}`;

  it('describes exactly the implemented operations, bound to the served address', () => {
    const description = client.describe() as Json;
    const port = description.CustomerManagementService?.BasicHttpBinding_ICustomerManagementService as Json | undefined;
    assert.ok(port, JSON.stringify(Object.keys(description)));
    assert.deepEqual(Object.keys(port).sort(), [...implementedOperations].sort());
    for (const op of ['AddAccount', 'FindAccounts', 'GetAccount', 'GetAccountsInfo', 'GetCurrentUser', 'GetUser', 'SearchAccounts', 'UpdateAccount']) {
      assert.ok(op in port, op);
    }
  });

  it('GetUser with UserId null returns the caller and a Super Admin role', async () => {
    const { result, request } = await invoke('GetUser', { UserId: null });
    assert.match(request, /UserId[^>]*nil="true"/, 'node-soap sent UserId as nil');
    assert.equal(str(result.User.Id), str(demoUser.id));
    assert.equal(result.User.UserName, demoUser.userName);
    assert.equal(str(result.User.CustomerId), str(demoUser.customerId));
    const roles = list(result.CustomerRoles?.CustomerRole);
    assert.equal(roles.length, 1);
    assert.equal(str(roles[0].RoleId), '41');
    assert.equal(str(roles[0].CustomerId), str(demoUser.customerId));
  });

  it('GetCurrentUser returns the caller', async () => {
    const { result } = await invoke('GetCurrentUser', {});
    assert.equal(str(result.User.Id), str(demoUser.id));
    // The client calls the soap:address of the served WSDL: this server.
    assert.equal(client.lastEndpoint, server.soapUrl);
  });

  it('AddAccount creates the account in the store', async () => {
    const { result } = await invoke('AddAccount', {
      Account: {
        CurrencyCode: 'USD',
        Name: name,
        ParentCustomerId: str(demoUser.customerId),
        PaymentMethodId: str(paymentMethodId),
        TimeZone: 'Hawaii',
        BusinessAddress: {
          City: 'Redmond', CountryCode: 'US', Line1: '1 Microsoft Way', PostalCode: '98052', StateOrProvince: 'WA', BusinessName: 'Contoso',
        },
      },
    });
    accountId = str(result.AccountId);
    assert.match(accountId, /^\d+$/);
    assert.match(str(result.AccountNumber), /^[A-Za-z0-9]{8}$/);
    assert.ok(result.CreateTime !== undefined);
    const rec = await store.getAccount(BigInt(accountId));
    assert.ok(rec);
    assert.equal(rec.name, name);
    assert.equal(rec.number, str(result.AccountNumber));
    assert.equal(rec.timeZone, 'Hawaii');
    assert.equal(rec.lifeCycleStatus, 'Active');
    assert.equal(rec.businessAddress?.city, 'Redmond');
  });

  it('FindAccounts finds it by name prefix', async () => {
    const { result } = await invoke('FindAccounts', { CustomerId: str(demoUser.customerId), AccountFilter: name.slice(0, 12).toLowerCase(), TopN: 10 });
    const infos = list(result.AccountsInfo?.AccountInfo);
    assert.deepEqual(infos.map((i) => str(i.Id)), [accountId]);
    assert.equal(infos[0].Name, name);
    assert.equal(infos[0].AccountLifeCycleStatus, 'Active');
  });

  it('GetAccount returns it, with AccountMode when asked', async () => {
    const { result } = await invoke('GetAccount', { AccountId: accountId, ReturnAdditionalFields: 'AccountMode' });
    const account = result.Account;
    assert.equal(str(account.Id), accountId);
    assert.equal(account.Name, name);
    assert.equal(account.TimeZone, 'Hawaii');
    assert.equal(account.AccountMode, 'Expert');
    assert.equal(account.BusinessAddress.City, 'Redmond');
    assert.equal(typeof account.TimeStamp, 'string');
  });

  it('UpdateAccount with the TimeStamp from GetAccount renames it; the old TimeStamp then fails', async () => {
    const { result: got } = await invoke('GetAccount', { AccountId: accountId });
    const timeStamp = got.Account.TimeStamp as string;
    const renamed = `${name} Renamed`;
    const { result } = await invoke('UpdateAccount', {
      Account: { Id: accountId, Name: renamed, ParentCustomerId: str(demoUser.customerId), TimeStamp: timeStamp, TimeZone: 'Hawaii' },
    });
    assert.ok(result.LastModifiedTime !== undefined);
    const rec = (await store.getAccount(BigInt(accountId)))!;
    assert.equal(rec.name, renamed);
    assert.equal(rec.lastModifiedTime.getTime(), new Date(result.LastModifiedTime as string | Date).getTime());
    await assert.rejects(
      invoke('UpdateAccount', { Account: { Id: accountId, Name: `${name} Stale`, ParentCustomerId: str(demoUser.customerId), TimeStamp: timeStamp } }),
      (err: Json) => {
        assert.match(String(err.body), /<[^>]*Code>209</);
        return true;
      },
    );
    assert.equal((await store.getAccount(BigInt(accountId)))!.name, renamed);
  });

  it('SearchAccounts with a predicate, ordering and paging', async () => {
    const { result } = await invoke('SearchAccounts', {
      Predicates: { Predicate: [{ Field: 'AccountId', Operator: 'Equals', Value: accountId }] },
      Ordering: { OrderBy: [{ Field: 'Name', Order: 'Ascending' }] },
      PageInfo: { Index: 0, Size: 10 },
    });
    const accounts = list(result.Accounts?.AdvertiserAccount);
    assert.deepEqual(accounts.map((a) => str(a.Id)), [accountId]);
    assert.equal(accounts[0].Name, `${name} Renamed`);

    const { result: all } = await invoke('SearchAccounts', {
      Predicates: { Predicate: [{ Field: 'CustomerId', Operator: 'Equals', Value: str(demoUser.customerId) }] },
      Ordering: { OrderBy: [{ Field: 'Id', Order: 'Descending' }] },
      PageInfo: { Index: 0, Size: 1 },
    });
    assert.deepEqual(list(all.Accounts?.AdvertiserAccount).map((a) => str(a.Id)), [accountId], 'the newest account first');
  });

  it('GetAccountsInfo lists the customer\'s accounts', async () => {
    const { result } = await invoke('GetAccountsInfo', { CustomerId: str(demoUser.customerId), OnlyParentAccounts: false });
    const ids = list(result.AccountsInfo?.AccountInfo).map((i) => str(i.Id)).sort();
    const stored = (await store.queryAccounts({ scope: { customerIds: [demoUser.customerId], accountIds: [] } })).map((a) => str(a.id)).sort();
    assert.deepEqual(ids, stored);
  });

  it('a fault surfaces as an error whose body and parsed detail carry the fault code', async () => {
    await assert.rejects(invoke('GetAccount', { AccountId: '9007199254740993' }), (err: Json) => {
      assert.match(String(err.message), /Invalid client data/);
      assert.match(String(err.body), /2108/);
      assert.equal(err.response?.status, 500);
      const fault = err.root?.Envelope?.Body?.Fault;
      assert.ok(fault, 'node-soap parsed the fault');
      assert.equal(fault.faultcode, 's:Server');
      assert.equal(str(fault.detail.ApiFault.OperationErrors.OperationError.Code), '2108');
      return true;
    });
    // An AdApiFaultDetail (authentication) fault the same way.
    const anonymous = await soap.createClientAsync(`${server.soapUrl}?wsdl`);
    anonymous.addSoapHeader({ AuthenticationToken: 'bogus' }, '', 'tns', CM);
    anonymous.addSoapHeader({ DeveloperToken: SANDBOX_DEVELOPER_TOKEN }, '', 'tns', CM);
    await assert.rejects((anonymous as unknown as Record<string, (a: Json) => Promise<unknown>>).GetUserAsync!({ UserId: null }), (err: Json) => {
      assert.match(String(err.body), /<[^>]*Code>105</);
      assert.equal(str(err.root?.Envelope?.Body?.Fault?.detail?.AdApiFaultDetail?.Errors?.AdApiError?.ErrorCode), 'InvalidCredentials');
      return true;
    });
  });
});
