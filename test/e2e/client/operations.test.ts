// adcenter-client against the real server: every one of the 39 operations over REST and over
// SOAP, once succeeding (asserting on the response and, for writes, on what was stored) and once
// refused (asserting the AdApiError's code, ErrorCode, kind, TrackingId and HTTP status). The read
// operations are then called over both protocols with the same request and must give equal results.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AdApiError, OPERATIONS, type CustomerManagementClient, type OperationName } from 'adcenter-client';
import { startServer, type RunningServer } from '../../support/server.js';
import type { Store } from '../../../src/store/store.js';
import { createTestTenant, insertTestAccount, insertTestUser, type TestTenant, type TestUser } from '../../support/fixtures.js';
import { address, jsonAccount } from '../../support/rest-assert.js';
import { timeStampOf } from '../../support/faces.js';
import { linkWorld, type LinkWorld } from '../../support/links-world.js';
import { uniqueName } from '../../support/names.js';
import { PROTOCOLS, sdkClient, type Protocol } from '../../support/sdk-client.js';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

interface World {
  protocol: Protocol;
  T: TestTenant;
  O: TestTenant;
  manager: TestTenant;
  victim: TestTenant;
  upgrade: TestTenant;
  aggregator: TestUser;
  links: LinkWorld;
  as(token: string): CustomerManagementClient;
  t: CustomerManagementClient;
}

interface Case {
  /** Succeeds: the call and its assertions. */
  ok(w: World): Promise<void>;
  /** Refused: the call that must throw, and the fault expected. */
  fault(w: World): Promise<unknown>;
  code: number;
  kind: 'AdApiFaultDetail' | 'ApiFault';
}

const id = (v: bigint): string => v.toString();
const ids = (list: ReadonlyArray<{ Id?: string | null } | null> | null | undefined): string[] => (list ?? []).map((x) => x?.Id ?? '');
const badToken = (w: World): CustomerManagementClient => w.as('not-a-token');

const cases: Record<OperationName, Case> = {
  GetAccountsInfo: {
    ok: async (w) => {
      const r = await w.t.getAccountsInfo({ CustomerId: id(w.T.customer.id), OnlyParentAccounts: false });
      assert.deepEqual(ids(r.AccountsInfo), [id(w.T.account.id)]);
      assert.equal(r.AccountsInfo![0]!.Name, w.T.account.name);
    },
    fault: (w) => w.t.getAccountsInfo({ CustomerId: id(w.O.customer.id) }), code: 106, kind: 'AdApiFaultDetail',
  },
  FindAccounts: {
    ok: async (w) => {
      const current = (await store.getAccount(w.T.account.id))!;
      const r = await w.t.findAccounts({ CustomerId: id(w.T.customer.id), AccountFilter: current.name, TopN: 10 });
      assert.deepEqual(ids(r.AccountsInfo), [id(w.T.account.id)]);
    },
    fault: (w) => w.t.findAccounts({ CustomerId: id(w.T.customer.id), TopN: 0 }), code: 201, kind: 'ApiFault',
  },
  AddAccount: {
    ok: async (w) => {
      const account = jsonAccount(w.T);
      const r = await w.t.addAccount({ Account: account });
      assert.match(r.AccountId!, /^\d+$/);
      assert.match(r.AccountNumber!, /^[A-Z0-9]{8}$/);
      assert.ok(Math.abs(Date.parse(r.CreateTime!) - Date.now()) < 60_000);
      const stored = await store.getAccount(BigInt(r.AccountId!));
      assert.equal(stored?.name, account.Name);
    },
    fault: (w) => w.t.addAccount({}), code: 203, kind: 'ApiFault',
  },
  UpdateAccount: {
    ok: async (w) => {
      const { Account } = await w.t.getAccount({ AccountId: id(w.T.account.id) });
      const name = uniqueName('Renamed');
      const r = await w.t.updateAccount({ Account: { Id: Account!.Id!, TimeStamp: Account!.TimeStamp!, ParentCustomerId: Account!.ParentCustomerId!, Name: name } });
      assert.ok(Date.parse(r.LastModifiedTime!) > 0);
      assert.equal((await store.getAccount(w.T.account.id))?.name, name);
    },
    fault: (w) => w.t.updateAccount({ Account: { Id: id(w.T.account.id), TimeStamp: 'AAAAAAAAAAE=', ParentCustomerId: id(w.T.customer.id), Name: uniqueName('Stale') } }),
    code: 209, kind: 'ApiFault',
  },
  GetCustomer: {
    ok: async (w) => {
      const r = await w.t.getCustomer({ CustomerId: id(w.T.customer.id) });
      assert.equal(r.Customer?.Id, id(w.T.customer.id));
      assert.equal(r.Customer?.Name, w.T.customer.name);
      assert.equal(r.Customer?.CustomerLifeCycleStatus, 'Active');
    },
    fault: (w) => w.t.getCustomer({ CustomerId: id(w.O.customer.id) }), code: 106, kind: 'AdApiFaultDetail',
  },
  UpdateCustomer: {
    ok: async (w) => {
      const { Customer } = await w.t.getCustomer({ CustomerId: id(w.T.customer.id) });
      const name = uniqueName('Customer renamed');
      const r = await w.t.updateCustomer({ Customer: { ...Customer!, Name: name } });
      assert.ok(Date.parse(r.LastModifiedTime!) > 0);
      assert.equal((await store.getCustomer(w.T.customer.id))?.name, name);
    },
    fault: (w) => w.t.updateCustomer({}), code: 310, kind: 'ApiFault',
  },
  SignupCustomer: {
    ok: async (w) => {
      const name = uniqueName('Signed up');
      const r = await w.as(w.aggregator.token).signupCustomer({
        Customer: { Industry: 'Other', MarketCountry: 'US', MarketLanguage: 'English', Name: name },
        Account: { BusinessAddress: address(), CurrencyCode: 'USD', Name: uniqueName('Signed up account'), ParentCustomerId: id(w.T.customer.id), TimeZone: 'PacificTimeUSCanadaTijuana' },
        ParentCustomerId: id(w.T.customer.id),
      });
      assert.match(r.CustomerNumber!, /^[A-Z0-9]{10}$/);
      assert.equal((await store.getCustomer(BigInt(r.CustomerId!)))?.name, name);
      assert.ok(await store.getAccount(BigInt(r.AccountId!)));
    },
    fault: (w) => w.as(w.aggregator.token).signupCustomer({ ParentCustomerId: id(w.T.customer.id) }), code: 310, kind: 'ApiFault',
  },
  GetAccount: {
    ok: async (w) => {
      const r = await w.t.getAccount({ AccountId: id(w.T.account.id) });
      assert.equal(r.Account?.Id, id(w.T.account.id));
      assert.equal(r.Account?.ParentCustomerId, id(w.T.customer.id));
      assert.equal(r.Account?.CurrencyCode, 'USD');
      assert.match(r.Account!.TimeStamp!, /^[A-Za-z0-9+/]+=*$/);
    },
    fault: (w) => w.t.getAccount({ AccountId: id(w.O.account.id) }), code: 106, kind: 'AdApiFaultDetail',
  },
  GetCustomersInfo: {
    ok: async (w) => {
      const current = (await store.getCustomer(w.T.customer.id))!; // UpdateCustomer renamed it
      const r = await w.t.getCustomersInfo({ CustomerNameFilter: current.name, TopN: 10 });
      assert.deepEqual(ids(r.CustomersInfo), [id(w.T.customer.id)]);
    },
    fault: (w) => w.t.getCustomersInfo({ CustomerNameFilter: 'x', TopN: 0 }), code: 201, kind: 'ApiFault',
  },
  DeleteAccount: {
    ok: async (w) => {
      const extra = await insertTestAccount(store, { customerId: w.T.customer.id, paymentMethodId: w.T.paymentMethod.id, primaryUserId: w.T.user.id });
      const r = await w.t.deleteAccount({ AccountId: id(extra.id), TimeStamp: timeStampOf(extra) });
      assert.deepEqual(r, {});
      assert.equal((await store.getAccount(extra.id))?.lifeCycleStatus ?? 'gone', 'Inactive');
    },
    fault: (w) => w.t.deleteAccount({ AccountId: id(w.T.account.id), TimeStamp: 'AAAAAAAAAAE=' }), code: 209, kind: 'ApiFault',
  },
  DeleteCustomer: {
    ok: async (w) => {
      const r = await w.as(w.manager.token).deleteCustomer({ CustomerId: id(w.victim.customer.id), TimeStamp: timeStampOf(w.victim.customer) });
      assert.deepEqual(r, {});
      assert.notEqual((await store.getCustomer(w.victim.customer.id))?.lifeCycleStatus, 'Active');
    },
    fault: (w) => w.t.deleteCustomer({ CustomerId: id(w.O.customer.id), TimeStamp: timeStampOf(w.O.customer) }), code: 106, kind: 'AdApiFaultDetail',
  },
  UpdateUser: {
    ok: async (w) => {
      const { User } = await w.t.getUser({ UserId: id(w.T.user.id) });
      const r = await w.t.updateUser({ User: { ...User!, JobTitle: 'Media buyer' } });
      assert.ok(Date.parse(r.LastModifiedTime!) > 0);
      assert.equal((await store.getUser(w.T.user.id))?.jobTitle, 'Media buyer');
    },
    fault: (w) => w.t.updateUser({}), code: 203, kind: 'ApiFault',
  },
  UpdateUserRoles: {
    ok: async (w) => {
      const u = await insertTestUser(store, 'sandbox', { customerId: w.T.customer.id, roleId: 203, label: 'roles' });
      const r = await w.t.updateUserRoles({ CustomerId: id(w.T.customer.id), UserId: id(u.user.id), NewRoleId: 100, DeleteRoleId: 203 });
      assert.ok(Date.parse(r.LastModifiedTime!) > 0);
      const roles = (await w.t.getUser({ UserId: id(u.user.id) })).CustomerRoles ?? [];
      assert.deepEqual(roles.map((role) => role.RoleId), [100]);
    },
    fault: (w) => w.t.updateUserRoles({ CustomerId: id(w.O.customer.id), UserId: id(w.O.user.id), NewRoleId: 100 }), code: 106, kind: 'AdApiFaultDetail',
  },
  GetUser: {
    ok: async (w) => {
      const r = await w.t.getUser();
      assert.equal(r.User?.Id, id(w.T.user.id));
      assert.ok(r.CustomerRoles?.some((role) => role.RoleId === 41 && role.CustomerId === id(w.T.customer.id)));
    },
    fault: (w) => w.t.getUser({ UserId: id(w.O.user.id) }), code: 106, kind: 'AdApiFaultDetail',
  },
  GetCurrentUser: {
    ok: async (w) => {
      const r = await w.t.getCurrentUser();
      assert.equal(r.User?.Id, id(w.T.user.id));
      assert.equal(r.User?.UserName, w.T.user.userName);
    },
    fault: (w) => badToken(w).getCurrentUser(), code: 105, kind: 'AdApiFaultDetail',
  },
  DeleteUser: {
    ok: async (w) => {
      const u = await insertTestUser(store, 'sandbox', { customerId: w.T.customer.id, roleId: 100, label: 'leaving' });
      const r = await w.t.deleteUser({ UserId: id(u.user.id), TimeStamp: timeStampOf(u.user) });
      assert.deepEqual(r, {});
      assert.notEqual((await store.getUser(u.user.id))?.lifeCycleStatus ?? 'Deleted', 'Active');
    },
    fault: (w) => w.t.deleteUser({ UserId: id(w.O.user.id), TimeStamp: timeStampOf(w.O.user) }), code: 106, kind: 'AdApiFaultDetail',
  },
  GetUsersInfo: {
    ok: async (w) => {
      const r = await w.t.getUsersInfo({ CustomerId: id(w.T.customer.id) });
      assert.ok(ids(r.UsersInfo).includes(id(w.T.user.id)));
    },
    fault: (w) => w.t.getUsersInfo({ CustomerId: id(w.O.customer.id) }), code: 106, kind: 'AdApiFaultDetail',
  },
  GetCustomerPilotFeatures: {
    ok: async (w) => {
      const r = await w.t.getCustomerPilotFeatures({ CustomerId: id(w.T.customer.id) });
      assert.ok(Array.isArray(r.FeaturePilotFlags));
      assert.ok(r.FeaturePilotFlags!.every((f) => typeof f === 'number'));
    },
    fault: (w) => w.t.getCustomerPilotFeatures({ CustomerId: id(w.O.customer.id) }), code: 106, kind: 'AdApiFaultDetail',
  },
  GetAccountPilotFeatures: {
    ok: async (w) => {
      const r = await w.t.getAccountPilotFeatures({ AccountId: id(w.T.account.id) });
      assert.ok(Array.isArray(r.FeaturePilotFlags));
    },
    fault: (w) => w.t.getAccountPilotFeatures({ AccountId: id(w.O.account.id) }), code: 106, kind: 'AdApiFaultDetail',
  },
  GetPilotFeaturesCountries: {
    ok: async (w) => {
      const r = await w.t.getPilotFeaturesCountries();
      assert.ok(Array.isArray(r.PilotFeatures));
      for (const p of r.PilotFeatures!) assert.equal(typeof p.Id, 'number');
    },
    fault: (w) => badToken(w).getPilotFeaturesCountries(), code: 105, kind: 'AdApiFaultDetail',
  },
  GetAccessibleCustomer: {
    ok: async (w) => {
      const r = await w.t.getAccessibleCustomer({ CustomerId: id(w.T.customer.id) });
      assert.equal(r.AccessibleCustomer?.Id, id(w.T.customer.id));
      assert.equal(typeof r.ValidFields, 'number');
    },
    fault: (w) => w.t.getAccessibleCustomer({ CustomerId: id(w.O.customer.id) }), code: 106, kind: 'AdApiFaultDetail',
  },
  FindAccountsOrCustomersInfo: {
    ok: async (w) => {
      const current = (await store.getAccount(w.T.account.id))!; // UpdateAccount renamed it
      const r = await w.t.findAccountsOrCustomersInfo({ Filter: current.name, TopN: 10 });
      assert.deepEqual(r.AccountInfoWithCustomerData?.map((a) => a.AccountId), [id(w.T.account.id)]);
      assert.equal(r.AccountInfoWithCustomerData![0]!.CustomerId, id(w.T.customer.id));
    },
    fault: (w) => w.t.findAccountsOrCustomersInfo({ Filter: 'x', TopN: 0 }), code: 201, kind: 'ApiFault',
  },
  UpgradeCustomerToAgency: {
    ok: async (w) => {
      const r = await w.as(w.upgrade.token).upgradeCustomerToAgency({ CustomerId: id(w.upgrade.customer.id) });
      assert.deepEqual(r, {});
      assert.equal((await store.getCustomer(w.upgrade.customer.id))?.isAgency, true);
    },
    fault: (w) => w.t.upgradeCustomerToAgency({ CustomerId: id(w.O.customer.id) }), code: 106, kind: 'AdApiFaultDetail',
  },
  AddPrepayAccount: {
    ok: async (w) => {
      const r = await w.t.addPrepayAccount({ Account: prepayAccount(w) });
      assert.match(r.AccountId!, /^\d+$/);
      assert.ok(await store.getAccount(BigInt(r.AccountId!)));
    },
    fault: (w) => w.t.addPrepayAccount({}), code: 203, kind: 'ApiFault',
  },
  UpdatePrepayAccount: {
    ok: async (w) => {
      const { AccountId } = await w.t.addPrepayAccount({ Account: prepayAccount(w) });
      const { Account } = await w.t.getAccount({ AccountId: AccountId! });
      const name = uniqueName('Prepay renamed');
      const r = await w.t.updatePrepayAccount({ Account: { Id: AccountId!, TimeStamp: Account!.TimeStamp!, ParentCustomerId: id(w.T.customer.id), Name: name } });
      assert.ok(Date.parse(r.LastModifiedTime!) > 0);
      assert.equal((await store.getAccount(BigInt(AccountId!)))?.name, name);
    },
    fault: (w) => w.as(w.O.token).updatePrepayAccount({ Account: { Id: id(w.T.account.id), TimeStamp: timeStampOf(w.T.account), Name: 'x' } }), code: 106, kind: 'AdApiFaultDetail',
  },
  MapCustomerIdToExternalCustomerId: {
    ok: async (w) => {
      assert.deepEqual(await w.t.mapCustomerIdToExternalCustomerId({ CustomerId: id(w.T.customer.id), ExternalCustomerId: 'crm-42' }), {});
    },
    fault: (w) => w.t.mapCustomerIdToExternalCustomerId({ CustomerId: id(w.O.customer.id), ExternalCustomerId: 'crm-1' }), code: 106, kind: 'AdApiFaultDetail',
  },
  MapAccountIdToExternalAccountIds: {
    ok: async (w) => {
      assert.deepEqual(await w.t.mapAccountIdToExternalAccountIds({ AccountId: id(w.T.account.id), ExternalAccountIds: ['ext-1', 'ext-2'] }), {});
    },
    fault: (w) => w.t.mapAccountIdToExternalAccountIds({ AccountId: id(w.O.account.id), ExternalAccountIds: ['x'] }), code: 106, kind: 'AdApiFaultDetail',
  },
  SearchCustomers: {
    ok: async (w) => {
      const r = await w.t.searchCustomers({ Predicates: [{ Field: 'CustomerId', Operator: 'Equals', Value: id(w.T.customer.id) }], PageInfo: { Index: 0, Size: 10 } });
      assert.deepEqual(ids(r.Customers), [id(w.T.customer.id)]);
    },
    fault: (w) => w.t.searchCustomers({ PageInfo: { Index: 0, Size: 10 } }), code: 3079, kind: 'ApiFault',
  },
  AddClientLinks: {
    ok: async (w) => {
      const r = await w.as(w.links.agency.token).addClientLinks({ ClientLinks: [
        { Type: 'AccountLink', ClientEntityId: id(w.links.client.account.id), ManagingCustomerId: id(w.links.agency.customer.id), IsBillToClient: true, SuppressNotification: true },
        { Type: 'AccountLink', ClientEntityId: id(w.O.account.id), ManagingCustomerId: id(w.T.customer.id), IsBillToClient: true, SuppressNotification: true },
      ] });
      // Partial success: the first link is stored, the second (another agency's customer) refused in PartialErrors.
      assert.deepEqual(r.OperationErrors ?? [], []);
      assert.equal(r.PartialErrors?.length, 2);
      assert.equal(r.PartialErrors![0], null);
      assert.ok((r.PartialErrors![1] ?? []).length > 0);
      const links = await store.listClientLinksByClient('AccountLink', [w.links.client.account.id]);
      assert.equal(links.at(-1)?.status, 'LinkPending');
    },
    fault: (w) => badToken(w).addClientLinks({ ClientLinks: [] }), code: 105, kind: 'AdApiFaultDetail',
  },
  UpdateClientLinks: {
    ok: async (w) => {
      const r = await w.as(w.links.client.token).updateClientLinks({ ClientLinks: [
        { Type: 'AccountLink', ClientEntityId: id(w.links.client.account.id), ManagingCustomerId: id(w.links.agency.customer.id), Status: 'LinkAccepted' },
      ] });
      assert.deepEqual(r.PartialErrors, [null]);
      const links = await store.listClientLinksByClient('AccountLink', [w.links.client.account.id]);
      assert.equal(links.at(-1)?.status, 'Active');
    },
    fault: (w) => badToken(w).updateClientLinks({ ClientLinks: [] }), code: 105, kind: 'AdApiFaultDetail',
  },
  SearchClientLinks: {
    ok: async (w) => {
      const r = await w.as(w.links.agency.token).searchClientLinks({
        Predicates: [{ Field: 'ClientAccountId', Operator: 'In', Value: id(w.links.client.account.id) }], PageInfo: { Index: 0, Size: 10 },
      });
      assert.deepEqual(r.ClientLinks?.map((l) => [l.ClientEntityId, l.ManagingCustomerId]), [[id(w.links.client.account.id), id(w.links.agency.customer.id)]]);
    },
    fault: (w) => w.t.searchClientLinks({ Predicates: [{ Field: 'ClientAccountId', Operator: 'In', Value: id(w.T.account.id) }] }), code: 3080, kind: 'ApiFault',
  },
  SearchAccounts: {
    ok: async (w) => {
      const r = await w.t.searchAccounts({ Predicates: [{ Field: 'CustomerId', Operator: 'Equals', Value: id(w.T.customer.id) }], PageInfo: { Index: 0, Size: 100 } });
      assert.ok(ids(r.Accounts).includes(id(w.T.account.id)));
    },
    fault: (w) => w.t.searchAccounts({ Predicates: [{ Field: 'CustomerId', Operator: 'Equals', Value: id(w.T.customer.id) }] }), code: 3080, kind: 'ApiFault',
  },
  SendUserInvitation: {
    ok: async (w) => {
      const email = `${uniqueName('invitee').toLowerCase().replace(/\W+/g, '-')}@example.com`;
      const r = await w.t.sendUserInvitation({ UserInvitation: { CustomerId: id(w.T.customer.id), RoleId: 100, FirstName: 'Ina', LastName: 'Vite', Email: email, Lcid: 'EnglishUS' } });
      assert.match(r.UserInvitationId!, /^\d+$/);
      const found = await w.t.searchUserInvitations({ Predicates: [{ Field: 'CustomerId', Operator: 'In', Value: id(w.T.customer.id) }] });
      assert.ok(found.UserInvitations?.some((i) => i.Id === r.UserInvitationId && i.Email === email));
    },
    fault: (w) => w.t.sendUserInvitation({}), code: 3086, kind: 'ApiFault',
  },
  SearchUserInvitations: {
    ok: async (w) => {
      const r = await w.t.searchUserInvitations({ Predicates: [{ Field: 'CustomerId', Operator: 'In', Value: id(w.T.customer.id) }] });
      assert.ok(Array.isArray(r.UserInvitations));
    },
    fault: (w) => w.t.searchUserInvitations({ Predicates: [] }), code: 474, kind: 'ApiFault',
  },
  ValidateAddress: {
    ok: async (w) => {
      const r = await w.t.validateAddress({ Address: address() });
      assert.equal(typeof r.Status, 'string');
      assert.equal(r.OriginalAddress?.City, 'Redmond');
    },
    fault: (w) => w.t.validateAddress({}), code: 203, kind: 'ApiFault',
  },
  GetLinkedAccountsAndCustomersInfo: {
    ok: async (w) => {
      const r = await w.t.getLinkedAccountsAndCustomersInfo({ CustomerId: id(w.T.customer.id), OnlyParentAccounts: false });
      assert.ok(ids(r.AccountsInfo).includes(id(w.T.account.id)));
    },
    fault: (w) => w.t.getLinkedAccountsAndCustomersInfo({ CustomerId: id(w.O.customer.id) }), code: 106, kind: 'AdApiFaultDetail',
  },
  GetUserMFAStatus: {
    ok: async (w) => {
      assert.equal(typeof (await w.t.getUserMFAStatus()).MFAStatus, 'boolean');
    },
    fault: (w) => badToken(w).getUserMFAStatus(), code: 105, kind: 'AdApiFaultDetail',
  },
  GetNotifications: {
    ok: async (w) => {
      const r = await w.t.getNotifications({});
      assert.ok(Array.isArray(r.Notifications));
    },
    fault: (w) => w.t.getNotifications({ UserId: Number(w.O.user.id) }), code: 106, kind: 'AdApiFaultDetail',
  },
  DismissNotifications: {
    ok: async (w) => {
      assert.deepEqual(await w.t.dismissNotifications({ NotificationTypePairs: [{ Key: '1', Value: 5 }] }), {});
    },
    fault: (w) => w.t.dismissNotifications({ NotificationTypePairs: [] }), code: 3087, kind: 'ApiFault',
  },
};

function prepayAccount(w: World): Record<string, unknown> {
  return { Name: uniqueName('Prepay'), CurrencyCode: 'USD', ParentCustomerId: id(w.T.customer.id), PaymentMethodId: id(w.T.paymentMethod.id), BusinessAddress: address() };
}

let server: RunningServer;
let store: Store;
const worlds = new Map<Protocol, World>();

async function newWorld(protocol: Protocol): Promise<World> {
  const tenant = (label: string): Promise<TestTenant> => createTestTenant(store, 'sandbox', `${protocol} ${label}`);
  const [T, O, manager, victim, upgrade] = await Promise.all(['Main', 'Other', 'Manager', 'Victim', 'Upgrade'].map(tenant));
  await store.setAccountManager(manager!.user.id, true);
  const aggregator = await insertTestUser(store, 'sandbox', { customerId: T!.customer.id, roleId: 33, label: `${protocol}-aggregator` });
  const links = await linkWorld(store, `${protocol} links`);
  const as = (token: string): CustomerManagementClient => sdkClient(server, protocol, token, { retries: 0 });
  return { protocol, T: T!, O: O!, manager: manager!, victim: victim!, upgrade: upgrade!, aggregator, links, as, t: as(T!.token) };
}

describe('adcenter-client: every operation over REST and SOAP', () => {
  before(async () => {
    server = await startServer();
    store = await server.store();
    for (const protocol of PROTOCOLS) worlds.set(protocol, await newWorld(protocol));
  });
  after(async () => { await server?.stop(); });

  it('has a case for each of the 39 operations of the contract', () => {
    assert.deepEqual(Object.keys(cases).sort(), Object.keys(OPERATIONS).sort());
    assert.equal(Object.keys(cases).length, 39);
  });

  for (const protocol of PROTOCOLS) {
    describe(protocol, () => {
      // Object order matters: AddClientLinks creates the link UpdateClientLinks accepts and SearchClientLinks finds.
      for (const [operation, c] of Object.entries(cases)) {
        it(`${operation} succeeds`, async () => c.ok(worlds.get(protocol)!));
        it(`${operation} throws AdApiError ${c.code}`, async () => {
          const err = await c.fault(worlds.get(protocol)!).then(() => undefined, (e: unknown) => e);
          assert.ok(err instanceof AdApiError, `expected AdApiError, got ${String(err)}`);
          assert.deepEqual(err.errors.map((e) => e.Code), [c.code], err.message);
          assert.equal(err.kind, c.kind);
          assert.equal(err.operation, operation);
          assert.ok(err.errors[0]!.ErrorCode.length > 0 && err.errors[0]!.Message.length > 0);
          assert.match(err.trackingId ?? '', GUID);
          assert.equal(err.httpStatus, protocol === 'soap' ? 500 : c.code === 106 ? 403 : c.code === 105 ? 401 : 400);
        });
      }
    });
  }

  it('the read operations give equal results over REST and SOAP', async () => {
    const w = worlds.get('rest')!;
    const soap = sdkClient(server, 'soap', w.T.token);
    const reads: Array<[OperationName, Record<string, unknown>]> = [
      ['GetAccount', { AccountId: id(w.T.account.id) }],
      // A flag list (xs:list over SOAP, "A, B" over REST).
      ['GetAccount', { AccountId: id(w.T.account.id), ReturnAdditionalFields: 'TaxCertificate, AccountMode' }],
      ['GetCustomer', { CustomerId: id(w.T.customer.id) }],
      ['GetUser', {}],
      ['GetCurrentUser', {}],
      ['GetAccountsInfo', { CustomerId: id(w.T.customer.id) }],
      ['GetUsersInfo', { CustomerId: id(w.T.customer.id) }],
      ['SearchAccounts', { Predicates: [{ Field: 'CustomerId', Operator: 'Equals', Value: id(w.T.customer.id) }], PageInfo: { Index: 0, Size: 100 } }],
      ['SearchCustomers', { Predicates: [{ Field: 'CustomerId', Operator: 'Equals', Value: id(w.T.customer.id) }], PageInfo: { Index: 0, Size: 10 } }],
      ['SearchUserInvitations', { Predicates: [{ Field: 'CustomerId', Operator: 'In', Value: id(w.T.customer.id) }] }],
      ['GetPilotFeaturesCountries', {}],
      ['GetAccessibleCustomer', { CustomerId: id(w.T.customer.id) }],
      ['ValidateAddress', { Address: address() }],
      ['GetLinkedAccountsAndCustomersInfo', { CustomerId: id(w.T.customer.id) }],
      ['GetNotifications', {}],
      ['GetUserMFAStatus', {}],
    ];
    for (const [operation, request] of reads) {
      const viaRest = await w.t.call(operation, request);
      const viaSoap = await soap.call(operation, request);
      assert.deepEqual(viaSoap, viaRest, `${operation}: SOAP and REST differ`);
    }
    const links = await sdkClient(server, 'rest', w.links.agency.token).searchClientLinks({
      Predicates: [{ Field: 'ClientAccountId', Operator: 'In', Value: id(w.links.client.account.id) }], PageInfo: { Index: 0, Size: 10 } });
    const linksSoap = await sdkClient(server, 'soap', w.links.agency.token).searchClientLinks({
      Predicates: [{ Field: 'ClientAccountId', Operator: 'In', Value: id(w.links.client.account.id) }], PageInfo: { Index: 0, Size: 10 } });
    assert.deepEqual(linksSoap, links);
    assert.equal(links.ClientLinks?.length, 1);
  });
});
