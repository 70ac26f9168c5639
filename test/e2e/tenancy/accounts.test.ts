// The tenancy matrix of the implemented operations, over REST and SOAP alike: who sees which
// accounts (FindAccounts, GetAccountsInfo, SearchAccounts, GetAccount), who may add and change
// them (AddAccount, UpdateAccount), and who may see which users (GetUser) — per role (reference
// §2.8: 41 Super Admin, 203 Standard, 100 Viewer, 16 Advertiser Campaign Manager, 33 Aggregator),
// per scope (customer-level or account-level), across customers, and through an agency's
// Active client links. The world is written into the server's store; every expectation below is
// computed from that world model, never from the server's own access code.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { find, findAll, rest, soap, faultCodes, type SoapResult, type RestResult } from '../../support/clients.js';
import type { XmlElement } from '../../../src/codec/xml-tree.js';
import { SANDBOX_DEVELOPER_TOKEN, startServer, type RunningServer } from '../../support/server.js';
import {
  accountsOf, createTestTenant, insertClientLink, insertTestAccount, insertTestUser, ownerOf, type TestTenant,
} from '../../support/fixtures.js';
import { uniqueName } from '../../support/names.js';
import type { Store } from '../../../src/store/store.js';

const V13 = '/CustomerManagement/v13';
const ENV = 'sandbox' as const;

// ------------------------------------------------------------------------------------------------
// The world.
type CustomerKey = 'A' | 'B' | 'C' | 'D' | 'G' | 'Demo';

interface Actor {
  label: string;
  token: string;
  userId: bigint;
  /** The customer whose user this is. */
  home: CustomerKey;
  roleId: number;
  /** Account-level scope: only these accounts of the home customer. */
  accountIds: bigint[] | null;
}

let server: RunningServer;
let store: Store;
const tenants = {} as Record<Exclude<CustomerKey, 'Demo'>, TestTenant>;
const customerIds = {} as Record<CustomerKey, bigint>;
/** The accounts each customer owns, kept in step with every successful AddAccount below. */
const owned = {} as Record<CustomerKey, bigint[]>;
const actors = {} as Record<string, Actor>;
let A2: bigint;
let C2: bigint;
let demoUserId: bigint;

const str = (ids: readonly bigint[]): string[] => ids.map(String).sort();

/** What an actor reaches, by the documented rules, from the world model. */
function reach(actor: Actor): bigint[] {
  if (actor.accountIds) return [...actor.accountIds];
  const own = owned[actor.home];
  if (actor.home === 'G') return [...own, tenants.C.account.id, ...owned.D]; // AccountLink to C1, CustomerLink to D
  return [...own];
}

function allAccountIds(): bigint[] {
  return (Object.keys(owned) as CustomerKey[]).flatMap((k) => owned[k]);
}

/** The customer-level Super Admin of the customer owning an account (to read its current state). */
function ownerToken(accountId: bigint): string {
  const key = (Object.keys(owned) as CustomerKey[]).find((k) => owned[k].includes(accountId));
  assert.ok(key && key !== 'Demo', `account ${accountId} is owned by a fixture customer`);
  return tenants[key].token;
}

// ------------------------------------------------------------------------------------------------
// Both faces behind one small interface, so every expectation runs over REST and SOAP alike.
type Outcome<T> = { ok: true; value: T } | { ok: false; status: number; codes: number[]; text: string };

interface AccountState {
  Id: string; TimeStamp: string; Name: string; Language?: string; PaymentMethodId?: string;
  PrimaryUserId?: string; TimeZone?: string; AutoTagType?: string;
}

interface RoleView { roleId: number; customerId: string; accountIds: string[] | null }

interface Face {
  name: 'REST' | 'SOAP';
  /** The HTTP status of a 106 fault on this face. */
  deniedStatus: number;
  findAccounts(token: string, customerId: bigint | null): Promise<Outcome<string[]>>;
  accountsInfo(token: string, customerId: bigint | null): Promise<Outcome<string[]>>;
  search(token: string, field: string, operator: string, value: string): Promise<Outcome<string[]>>;
  getAccount(token: string, id: bigint): Promise<Outcome<{ id: string; parentCustomerId: string; name: string }>>;
  addAccount(token: string, parentCustomerId: bigint, name: string, paymentMethodId: bigint): Promise<Outcome<string>>;
  updateAccount(token: string, account: AccountState): Promise<Outcome<string>>;
  getUser(token: string, userId: bigint | null): Promise<Outcome<{ id: string; roles: RoleView[] }>>;
}

function restOutcome<T>(res: RestResult, value: () => T): Outcome<T> {
  if (res.status === 200) return { ok: true, value: value() };
  const list = (res.body.Errors ?? res.body.OperationErrors ?? []) as Array<{ Code: number }>;
  return { ok: false, status: res.status, codes: list.map((e) => e.Code), text: res.text };
}

const restFace: Face = {
  name: 'REST',
  deniedStatus: 403,
  async findAccounts(token, customerId) {
    const res = await call(token, 'POST', '/Accounts/Find', { CustomerId: customerId === null ? null : customerId.toString(), AccountFilter: '', TopN: 5000 });
    return restOutcome(res, () => (res.body.AccountsInfo as Array<{ Id: string }>).map((a) => a.Id).sort());
  },
  async accountsInfo(token, customerId) {
    const res = await call(token, 'POST', '/AccountsInfo/Query', customerId === null ? {} : { CustomerId: customerId.toString() });
    return restOutcome(res, () => (res.body.AccountsInfo as Array<{ Id: string }>).map((a) => a.Id).sort());
  },
  async search(token, field, operator, value) {
    const res = await call(token, 'POST', '/Accounts/Search', { Predicates: [{ Field: field, Operator: operator, Value: value }], PageInfo: { Index: 0, Size: 1000 } });
    return restOutcome(res, () => (res.body.Accounts as Array<{ Id: string }>).map((a) => a.Id).sort());
  },
  async getAccount(token, id) {
    const res = await call(token, 'POST', '/Account/Query', { AccountId: id.toString() });
    return restOutcome(res, () => {
      const a = res.body.Account as Record<string, string>;
      return { id: a.Id!, parentCustomerId: a.ParentCustomerId!, name: a.Name! };
    });
  },
  async addAccount(token, parentCustomerId, name, paymentMethodId) {
    const res = await call(token, 'POST', '/Account', {
      Account: {
        Name: name, CurrencyCode: 'USD', ParentCustomerId: parentCustomerId.toString(), PaymentMethodId: paymentMethodId.toString(),
        BusinessAddress: { BusinessName: 'Tenancy Test', Line1: '1 Main Street', City: 'Redmond', StateOrProvince: 'WA', PostalCode: '98052', CountryCode: 'US' },
      },
    });
    return restOutcome(res, () => res.body.AccountId as string);
  },
  async updateAccount(token, account) {
    const res = await call(token, 'PUT', '/Account', { Account: account });
    return restOutcome(res, () => res.body.LastModifiedTime as string);
  },
  async getUser(token, userId) {
    const res = await call(token, 'POST', '/User/Query', { UserId: userId === null ? null : userId.toString() });
    return restOutcome(res, () => ({
      id: (res.body.User as { Id: string }).Id,
      roles: (res.body.CustomerRoles as Array<{ RoleId: number; CustomerId: string; AccountIds?: string[] }>).map((r) => ({
        roleId: r.RoleId, customerId: r.CustomerId, accountIds: r.AccountIds && r.AccountIds.length ? [...r.AccountIds].sort() : null,
      })),
    }));
  },
};

async function call(token: string, method: string, path: string, body: unknown): Promise<RestResult> {
  const res = await rest(server.url, method, `${V13}${path}`, body, { token, developerToken: SANDBOX_DEVELOPER_TOKEN });
  if (res.status !== 200) {
    assert.equal(res.body.TrackingId, res.headers.get('trackingid'), `a REST fault body: ${res.text.slice(0, 200)}`);
  }
  return res;
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const e = (name: string, value: string | undefined): string => (value === undefined ? '' : `<e:${name}>${esc(value)}</e:${name}>`);
const child = (el: XmlElement, local: string): XmlElement | undefined => el.children.find((c) => c.local === local);
const childText = (el: XmlElement, local: string): string => {
  const c = child(el, local);
  assert.ok(c, `<${el.local}> has a <${local}>`);
  return c.text;
};

function soapOutcome<T>(res: SoapResult, value: () => T): Outcome<T> {
  if (res.status === 200) return { ok: true, value: value() };
  return { ok: false, status: res.status, codes: faultCodes(res), text: res.text };
}

const soapFace: Face = {
  name: 'SOAP',
  deniedStatus: 500,
  async findAccounts(token, customerId) {
    const body = `${customerId === null ? '<CustomerId i:nil="true"/>' : `<CustomerId>${customerId}</CustomerId>`}<AccountFilter></AccountFilter><TopN>5000</TopN>`;
    const res = await soapCall(token, 'FindAccounts', body);
    return soapOutcome(res, () => findAll(res.root, 'AccountInfo').map((a) => childText(a, 'Id')).sort());
  },
  async accountsInfo(token, customerId) {
    const body = `${customerId === null ? '<CustomerId i:nil="true"/>' : `<CustomerId>${customerId}</CustomerId>`}<OnlyParentAccounts>false</OnlyParentAccounts>`;
    const res = await soapCall(token, 'GetAccountsInfo', body);
    return soapOutcome(res, () => findAll(res.root, 'AccountInfo').map((a) => childText(a, 'Id')).sort());
  },
  async search(token, field, operator, value) {
    const body = `<Predicates><e:Predicate><e:Field>${esc(field)}</e:Field><e:Operator>${esc(operator)}</e:Operator><e:Value>${esc(value)}</e:Value></e:Predicate></Predicates>`
      + '<PageInfo><e:Index>0</e:Index><e:Size>1000</e:Size></PageInfo>';
    const res = await soapCall(token, 'SearchAccounts', body);
    return soapOutcome(res, () => findAll(res.root, 'AdvertiserAccount').map((a) => childText(a, 'Id')).sort());
  },
  async getAccount(token, id) {
    const res = await soapCall(token, 'GetAccount', `<AccountId>${id}</AccountId>`);
    return soapOutcome(res, () => {
      const a = find(res.root, 'Account');
      assert.ok(a, 'GetAccountResponse has an <Account>');
      return { id: childText(a, 'Id'), parentCustomerId: childText(a, 'ParentCustomerId'), name: childText(a, 'Name') };
    });
  },
  async addAccount(token, parentCustomerId, name, paymentMethodId) {
    const body = `<Account>${e('CurrencyCode', 'USD')}${e('Name', name)}${e('ParentCustomerId', parentCustomerId.toString())}${e('PaymentMethodId', paymentMethodId.toString())}`
      + `<e:BusinessAddress>${e('City', 'Redmond')}${e('CountryCode', 'US')}${e('Line1', '1 Main Street')}${e('PostalCode', '98052')}${e('StateOrProvince', 'WA')}${e('BusinessName', 'Tenancy Test')}</e:BusinessAddress></Account>`;
    const res = await soapCall(token, 'AddAccount', body);
    return soapOutcome(res, () => {
      const id = find(res.root, 'AccountId');
      assert.ok(id);
      return id.text;
    });
  },
  async updateAccount(token, a) {
    // WSDL order: Id, Language, Name, PaymentMethodId, PrimaryUserId, TimeStamp, TimeZone, AutoTagType.
    const body = `<Account>${e('Id', a.Id)}${e('Language', a.Language)}${e('Name', a.Name)}${e('PaymentMethodId', a.PaymentMethodId)}`
      + `${e('PrimaryUserId', a.PrimaryUserId)}${e('TimeStamp', a.TimeStamp)}${e('TimeZone', a.TimeZone)}${e('AutoTagType', a.AutoTagType)}</Account>`;
    const res = await soapCall(token, 'UpdateAccount', body);
    return soapOutcome(res, () => find(res.root, 'LastModifiedTime')!.text);
  },
  async getUser(token, userId) {
    const res = await soapCall(token, 'GetUser', userId === null ? '<UserId i:nil="true"/>' : `<UserId>${userId}</UserId>`);
    return soapOutcome(res, () => {
      const user = find(res.root, 'User');
      assert.ok(user, 'GetUserResponse has a <User>');
      return {
        id: childText(user, 'Id'),
        roles: findAll(res.root, 'CustomerRole').map((r) => {
          const ids = child(r, 'AccountIds')?.children.map((c) => c.text) ?? [];
          return { roleId: Number(childText(r, 'RoleId')), customerId: childText(r, 'CustomerId'), accountIds: ids.length ? ids.sort() : null };
        }),
      };
    });
  },
};

async function soapCall(token: string, operation: string, body: string): Promise<SoapResult> {
  return soap(server.soapUrl, operation, body, { token, developerToken: SANDBOX_DEVELOPER_TOKEN });
}

// ------------------------------------------------------------------------------------------------
// Assertions shared by the tables.
function expectOk<T>(o: Outcome<T>, what: string): T {
  if (!o.ok) assert.fail(`${what}: expected success, got HTTP ${o.status} codes ${o.codes.join(',')}: ${o.text.slice(0, 300)}`);
  return o.value;
}

function expectCode(face: Face, o: Outcome<unknown>, code: number, what: string): void {
  assert.ok(!o.ok, `${what}: expected fault ${code}, but it succeeded: ${JSON.stringify(o.ok ? o.value : null).slice(0, 200)}`);
  assert.deepEqual(o.codes, [code], `${what}: fault codes (${o.text.slice(0, 300)})`);
  if (code === 106) assert.equal(o.status, face.deniedStatus, `${what}: HTTP status of 106 on ${face.name}`);
}

/** A refusal must not reveal the refused entity's name or number either. */
function expectNoLeak(o: Outcome<unknown>, secrets: readonly string[], what: string): void {
  const text = o.ok ? JSON.stringify(o.value) : o.text;
  for (const s of secrets) assert.ok(!text.includes(s), `${what}: the response reveals ${s}`);
}

async function stateOf(accountId: bigint): Promise<AccountState> {
  const res = await rest(server.url, 'POST', `${V13}/Account/Query`, { AccountId: accountId.toString() }, { token: ownerToken(accountId), developerToken: SANDBOX_DEVELOPER_TOKEN });
  assert.equal(res.status, 200, `owner reads ${accountId}: ${res.text.slice(0, 200)}`);
  const a = res.body.Account as Record<string, string>;
  return {
    Id: a.Id!, TimeStamp: a.TimeStamp!, Name: a.Name!, Language: a.Language, PaymentMethodId: a.PaymentMethodId,
    PrimaryUserId: a.PrimaryUserId, TimeZone: a.TimeZone, AutoTagType: a.AutoTagType,
  };
}

/** Every account of every customer, as stored: for "nothing changed" checks after refused writes. */
async function everything(): Promise<string> {
  const all = await Promise.all((Object.keys(customerIds) as CustomerKey[]).map((k) => accountsOf(store, customerIds[k])));
  return JSON.stringify(all, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
}

// ------------------------------------------------------------------------------------------------
before(async () => {
  server = await startServer({ environment: ENV });
  store = await server.store();

  for (const key of ['A', 'B', 'C', 'D', 'G'] as const) {
    tenants[key] = await createTestTenant(store, ENV, `Tenancy${key}`);
    customerIds[key] = tenants[key].customer.id;
    owned[key] = [tenants[key].account.id];
  }
  for (const key of ['A', 'B', 'C', 'D'] as const) {
    const second = await insertTestAccount(store, ownerOf(tenants[key]), { name: uniqueName(`Tenancy${key} Account 2`) });
    owned[key].push(second.id);
  }
  A2 = owned.A[1]!;
  C2 = owned.C[1]!;

  // The demo tenant every fresh store starts with: one more foreign customer for everyone.
  const demo = /customer\s+.*\sid (\d+)[\s\S]*account\s+.*\sid (\d+)[\s\S]*user\s+.*\sid (\d+)/.exec(server.banner);
  assert.ok(demo, `the banner names the demo tenant: ${server.banner}`);
  customerIds.Demo = BigInt(demo[1]!);
  owned.Demo = [BigInt(demo[2]!)];
  demoUserId = BigInt(demo[3]!);

  // G manages C's first account (AccountLink) and the whole of D (CustomerLink), both Active;
  // its link to C's second account is still pending, so it must not count.
  await insertClientLink(store, { type: 'AccountLink', clientEntityId: tenants.C.account.id, managingCustomerId: customerIds.G });
  await insertClientLink(store, { type: 'CustomerLink', clientEntityId: customerIds.D, managingCustomerId: customerIds.G });
  await insertClientLink(store, { type: 'AccountLink', clientEntityId: C2, managingCustomerId: customerIds.G, status: 'LinkPending' });

  const admin = (key: Exclude<CustomerKey, 'Demo'>): Actor => ({
    label: `${key} Super Admin (41)`, token: tenants[key].token, userId: tenants[key].user.id, home: key, roleId: 41, accountIds: null,
  });
  const onA = async (label: string, roleId: number, accountIds: bigint[] | null = null): Promise<Actor> => {
    const u = await insertTestUser(store, ENV, { customerId: customerIds.A, roleId, accountIds, label: `tenancy-a-${roleId}` });
    return { label, token: u.token, userId: u.user.id, home: 'A', roleId, accountIds };
  };
  actors.A41 = admin('A');
  actors.A203 = await onA('A Standard (203)', 203);
  actors.A100 = await onA('A Viewer (100)', 100);
  actors.A16 = await onA('A Advertiser Campaign Manager (16)', 16);
  actors.A33 = await onA('A Aggregator (33)', 33);
  actors.A203acct = await onA('A Standard on A2 only (203, account-level)', 203, [A2]);
  actors.B41 = admin('B');
  actors.C41 = admin('C');
  actors.D41 = admin('D');
  actors.G41 = { ...admin('G'), label: 'G agency Super Admin (41)' };
});

after(async () => {
  await server?.stop();
});

const ACTOR_KEYS = ['A41', 'A203', 'A100', 'A16', 'A33', 'A203acct', 'B41', 'C41', 'D41', 'G41'] as const;
const A_KEYS = ['A41', 'A203', 'A100', 'A16', 'A33', 'A203acct'] as const;
const NONEXISTENT_ACCOUNT = 987_654_321_987n;

// ------------------------------------------------------------------------------------------------
describe('tenancy fixtures', () => {
  it('the world model matches the store', async () => {
    for (const key of Object.keys(customerIds) as CustomerKey[]) {
      assert.deepEqual(str((await accountsOf(store, customerIds[key])).map((a) => a.id)), str(owned[key]), `accounts of ${key}`);
    }
    const roles = await store.listUserRoles(actors.A203acct!.userId);
    assert.deepEqual(roles.map((r) => [r.roleId, r.customerId, r.accountIds]), [[203, customerIds.A, [A2]]]);
  });
});

for (const face of [restFace, soapFace]) {
  describe(`${face.name}: what each user reaches`, () => {
    for (const key of ACTOR_KEYS) {
      describe(key, () => {
        it('FindAccounts with CustomerId null returns exactly the reachable accounts', async () => {
          const actor = actors[key]!;
          assert.deepEqual(expectOk(await face.findAccounts(actor.token, null), actor.label), str(reach(actor)), actor.label);
        });

        it('FindAccounts with its own CustomerId returns the reachable accounts of that customer only', async () => {
          const actor = actors[key]!;
          const expected = reach(actor).filter((id) => owned[actor.home].includes(id));
          assert.deepEqual(expectOk(await face.findAccounts(actor.token, customerIds[actor.home]), actor.label), str(expected), actor.label);
        });

        it('GetAccountsInfo (own customer) returns exactly the reachable accounts', async () => {
          const actor = actors[key]!;
          assert.deepEqual(expectOk(await face.accountsInfo(actor.token, null), actor.label), str(reach(actor)), actor.label);
        });

        it('SearchAccounts UserId Equals self returns exactly the reachable accounts', async () => {
          const actor = actors[key]!;
          assert.deepEqual(expectOk(await face.search(actor.token, 'UserId', 'Equals', actor.userId.toString()), actor.label), str(reach(actor)), actor.label);
        });

        it('GetAccount: every reachable id succeeds, every other tenant\'s id → 106, a nonexistent id → 2108', async () => {
          const actor = actors[key]!;
          const reachable = new Set(str(reach(actor)));
          for (const id of allAccountIds()) {
            const o = await face.getAccount(actor.token, id);
            if (reachable.has(id.toString())) {
              assert.equal(expectOk(o, `${actor.label} GetAccount ${id}`).id, id.toString());
            } else {
              expectCode(face, o, 106, `${actor.label} GetAccount ${id}`);
            }
          }
          expectCode(face, await face.getAccount(actor.token, NONEXISTENT_ACCOUNT), 2108, `${actor.label} GetAccount nonexistent`);
        });

        it('GetUser with UserId null returns the user itself with its role', async () => {
          const actor = actors[key]!;
          const me = expectOk(await face.getUser(actor.token, null), actor.label);
          assert.equal(me.id, actor.userId.toString());
          assert.deepEqual(me.roles, [{
            roleId: actor.roleId, customerId: customerIds[actor.home].toString(), accountIds: actor.accountIds ? str(actor.accountIds) : null,
          }]);
        });
      });
    }
  });

  describe(`${face.name}: isolation between customers`, () => {
    it('no user of A can read or change anything of B, by any id, with any operation', async () => {
      const b = tenants.B;
      const secrets = [b.account.name, b.account.number, b.customer.name, b.user.userName];
      const before = await everything();
      for (const key of A_KEYS) {
        const actor = actors[key]!;
        const what = (op: string) => `${actor.label}: ${op} on B`;
        for (const id of owned.B) {
          const o = await face.getAccount(actor.token, id);
          expectCode(face, o, 106, what(`GetAccount ${id}`));
          expectNoLeak(o, secrets, what('GetAccount'));
          const u = await face.updateAccount(actor.token, { ...(await stateOf(id)), Name: uniqueName('Taken over') });
          expectCode(face, u, 106, what(`UpdateAccount ${id}`));
          expectNoLeak(u, secrets, what('UpdateAccount'));
          for (const [field, op] of [['AccountId', 'Equals'], ['AccountId', 'In']] as const) {
            assert.deepEqual(expectOk(await face.search(actor.token, field, op, id.toString()), what(`SearchAccounts ${field}`)), [], what(`SearchAccounts ${field} ${op}`));
          }
        }
        expectCode(face, await face.findAccounts(actor.token, customerIds.B), 106, what('FindAccounts CustomerId'));
        expectCode(face, await face.accountsInfo(actor.token, customerIds.B), 106, what('GetAccountsInfo CustomerId'));
        expectCode(face, await face.addAccount(actor.token, customerIds.B, uniqueName('Planted'), b.paymentMethod.id), 106, what('AddAccount ParentCustomerId'));
        assert.deepEqual(expectOk(await face.search(actor.token, 'CustomerId', 'Equals', customerIds.B.toString()), what('SearchAccounts CustomerId')), []);
        assert.deepEqual(expectOk(await face.search(actor.token, 'UserId', 'Equals', b.user.id.toString()), what('SearchAccounts UserId')), []);
        const u = await face.getUser(actor.token, b.user.id);
        expectCode(face, u, 106, what('GetUser'));
        expectNoLeak(u, secrets, what('GetUser'));
      }
      // B's account names and numbers find nothing either.
      for (const account of await accountsOf(store, customerIds.B)) {
        const a = actors.A41!;
        assert.deepEqual(expectOk(await face.search(a.token, 'AccountName', 'Equals', account.name), 'search B name'), []);
        assert.deepEqual(expectOk(await face.search(a.token, 'AccountNumber', 'Equals', account.number), 'search B number'), []);
      }
      // B's payment method and B's user cannot be attached to A's accounts.
      const a41 = actors.A41!;
      expectCode(face, await face.addAccount(a41.token, customerIds.A, uniqueName('Paid by B'), b.paymentMethod.id), 201, 'A AddAccount with B\'s payment method');
      expectCode(face, await face.updateAccount(a41.token, { ...(await stateOf(A2)), PaymentMethodId: b.paymentMethod.id.toString() }), 201, 'A UpdateAccount with B\'s payment method');
      expectCode(face, await face.updateAccount(a41.token, { ...(await stateOf(A2)), PrimaryUserId: b.user.id.toString() }), 201, 'A UpdateAccount with B\'s user as primary user');
      assert.equal(await everything(), before, 'nothing stored changed');
    });

    it('and no user of B can read or change anything of A', async () => {
      const actor = actors.B41!;
      const before = await everything();
      for (const id of owned.A) {
        expectCode(face, await face.getAccount(actor.token, id), 106, `B GetAccount ${id}`);
        expectCode(face, await face.updateAccount(actor.token, { ...(await stateOf(id)), Name: uniqueName('Taken over') }), 106, `B UpdateAccount ${id}`);
        assert.deepEqual(expectOk(await face.search(actor.token, 'AccountId', 'Equals', id.toString()), 'B search'), []);
      }
      expectCode(face, await face.findAccounts(actor.token, customerIds.A), 106, 'B FindAccounts A');
      expectCode(face, await face.accountsInfo(actor.token, customerIds.A), 106, 'B GetAccountsInfo A');
      expectCode(face, await face.addAccount(actor.token, customerIds.A, uniqueName('Planted'), tenants.A.paymentMethod.id), 106, 'B AddAccount A');
      assert.deepEqual(expectOk(await face.search(actor.token, 'CustomerId', 'Equals', customerIds.A.toString()), 'B search'), []);
      for (const key of A_KEYS) {
        expectCode(face, await face.getUser(actor.token, actors[key]!.userId), 106, `B GetUser ${key}`);
        assert.deepEqual(expectOk(await face.search(actor.token, 'UserId', 'Equals', actors[key]!.userId.toString()), 'B search user'), []);
      }
      assert.equal(await everything(), before, 'nothing stored changed');
    });

    it('GetUser of a user of another tenant → 106 (every pair of customers)', async () => {
      const others: Array<[string, bigint]> = [['A', tenants.A.user.id], ['B', tenants.B.user.id], ['C', tenants.C.user.id], ['Demo', demoUserId]];
      for (const key of ['A41', 'A203', 'B41', 'C41'] as const) {
        const actor = actors[key]!;
        for (const [home, userId] of others) {
          if (home === actor.home) continue;
          expectCode(face, await face.getUser(actor.token, userId), 106, `${actor.label} GetUser of ${home}'s user`);
        }
      }
    });

    it('the agency\'s Super Admin reaches C\'s linked account and all of D, not C\'s other account (pending link)', async () => {
      const g = actors.G41!;
      for (const id of [tenants.C.account.id, ...owned.D]) {
        const a = expectOk(await face.getAccount(g.token, id), `G GetAccount ${id}`);
        assert.equal(a.id, id.toString());
      }
      expectCode(face, await face.getAccount(g.token, C2), 106, 'G GetAccount C2');
      const before = await store.getAccount(C2);
      expectCode(face, await face.updateAccount(g.token, { ...(await stateOf(C2)), Name: uniqueName('Agency edit') }), 106, 'G UpdateAccount C2');
      assert.deepEqual(await store.getAccount(C2), before);
      assert.deepEqual(expectOk(await face.search(g.token, 'AccountId', 'Equals', C2.toString()), 'G search C2'), []);
      const viaD = expectOk(await face.accountsInfo(g.token, customerIds.D), 'G GetAccountsInfo D');
      assert.deepEqual(viaD, str(owned.D));
      // The clients themselves see nothing of the agency.
      for (const key of ['C41', 'D41'] as const) {
        for (const id of owned.G) expectCode(face, await face.getAccount(actors[key]!.token, id), 106, `${key} GetAccount G`);
      }
    });

    it('the agency\'s Super Admin may change the linked client account', async () => {
      const g = actors.G41!;
      const id = tenants.C.account.id;
      const name = uniqueName(`C1 by agency ${face.name}`);
      expectOk(await face.updateAccount(g.token, { ...(await stateOf(id)), Name: name }), 'G UpdateAccount C1');
      assert.equal((await store.getAccount(id))!.name, name);
    });

    it('GetUser of the account-level user returns CustomerRoles carrying its AccountIds', async () => {
      const target = actors.A203acct!;
      for (const key of ['A41', 'A203acct'] as const) {
        const view = expectOk(await face.getUser(actors[key]!.token, key === 'A203acct' ? null : target.userId), `${key} GetUser A203acct`);
        assert.equal(view.id, target.userId.toString());
        assert.deepEqual(view.roles, [{ roleId: 203, customerId: customerIds.A.toString(), accountIds: [A2.toString()] }]);
      }
      // A customer-level user's role carries no AccountIds ("not returned for customer-level access").
      const admin = expectOk(await face.getUser(actors.A41!.token, actors.A203!.userId), 'A41 GetUser A203');
      assert.deepEqual(admin.roles, [{ roleId: 203, customerId: customerIds.A.toString(), accountIds: null }]);
    });

    it('SearchAccounts UserId of another user of the same customer: that user\'s accounts', async () => {
      const found = expectOk(await face.search(actors.A41!.token, 'UserId', 'Equals', actors.A203acct!.userId.toString()), 'A41 search A203acct');
      assert.deepEqual(found, [A2.toString()]);
    });
  });

  describe(`${face.name}: who may add accounts`, () => {
    it('only the Super Admin (41) and the Aggregator (33) of A add accounts to A; every other role → 106, nothing stored', async () => {
      for (const key of A_KEYS) {
        const actor = actors[key]!;
        const name = uniqueName(`Added by ${key} via ${face.name}`);
        const before = await everything();
        const o = await face.addAccount(actor.token, customerIds.A, name, tenants.A.paymentMethod.id);
        if (key === 'A41' || key === 'A33') {
          const id = BigInt(expectOk(o, `${actor.label} AddAccount`));
          const stored = await store.getAccount(id);
          assert.equal(stored?.customerId, customerIds.A, `${actor.label}: stored under A`);
          assert.equal(stored?.name, name);
          assert.equal(stored?.lastModifiedByUserId, actor.userId);
          owned.A.push(id);
          // The new account is in reach of every customer-level user of A, and not of the account-level one.
          assert.deepEqual(expectOk(await face.findAccounts(actors.A100!.token, null), 'A100 sees it'), str(reach(actors.A100!)));
          assert.deepEqual(expectOk(await face.findAccounts(actors.A203acct!.token, null), 'A203acct does not'), [A2.toString()]);
        } else {
          expectCode(face, o, 106, `${actor.label} AddAccount`);
          assert.equal(await everything(), before, `${actor.label}: nothing stored`);
        }
      }
    });
  });

  describe(`${face.name}: who may change accounts`, () => {
    const rename = async (key: string, accountId: bigint) => {
      const name = uniqueName(`Renamed by ${key} via ${face.name}`);
      const o = await face.updateAccount(actors[key]!.token, { ...(await stateOf(accountId)), Name: name });
      return { o, name };
    };

    for (const key of ['A41', 'A203', 'A33'] as const) {
      it(`${key} may rename A's account`, async () => {
        const before = (await store.getAccount(tenants.A.account.id))!;
        const { o, name } = await rename(key, tenants.A.account.id);
        expectOk(o, `${key} UpdateAccount`);
        const after = (await store.getAccount(tenants.A.account.id))!;
        assert.equal(after.name, name);
        assert.ok(after.version > before.version);
        assert.equal(after.lastModifiedByUserId, actors[key]!.userId);
      });
    }

    it('the Viewer (100) may not change anything → 106, unchanged', async () => {
      for (const accountId of [tenants.A.account.id, A2]) {
        const before = await store.getAccount(accountId);
        const { o } = await rename('A100', accountId);
        expectCode(face, o, 106, `A100 UpdateAccount ${accountId}`);
        const tag = await face.updateAccount(actors.A100!.token, { ...(await stateOf(accountId)), AutoTagType: 'Replace' });
        expectCode(face, tag, 106, `A100 UpdateAccount AutoTagType ${accountId}`);
        assert.deepEqual(await store.getAccount(accountId), before);
      }
    });

    it('the Advertiser Campaign Manager (16) may change AutoTagType only; renaming → 106, unchanged', async () => {
      const id = A2;
      const current = await stateOf(id);
      const next = current.AutoTagType === 'Preserve' ? 'Replace' : 'Preserve';
      expectOk(await face.updateAccount(actors.A16!.token, { ...current, AutoTagType: next }), 'A16 changes AutoTagType');
      const stored = (await store.getAccount(id))!;
      assert.equal(stored.autoTagType, next);
      assert.equal(stored.name, current.Name, 'nothing else changed');
      const before = await store.getAccount(id);
      const { o } = await rename('A16', id);
      expectCode(face, o, 106, 'A16 renames');
      const both = await face.updateAccount(actors.A16!.token, { ...(await stateOf(id)), AutoTagType: 'Inactive', Name: uniqueName('Sneaky') });
      expectCode(face, both, 106, 'A16 changes AutoTagType and Name together');
      assert.deepEqual(await store.getAccount(id), before);
    });

    it('the account-level Standard user changes its own account, not the other one (106, unchanged)', async () => {
      const { o, name } = await rename('A203acct', A2);
      expectOk(o, 'A203acct renames A2');
      assert.equal((await store.getAccount(A2))!.name, name);
      const before = await store.getAccount(tenants.A.account.id);
      const other = await rename('A203acct', tenants.A.account.id);
      expectCode(face, other.o, 106, 'A203acct renames A1');
      assert.deepEqual(await store.getAccount(tenants.A.account.id), before);
    });

    it('a stale TimeStamp is refused (209) even for the Super Admin, unchanged', async () => {
      const stale = await stateOf(A2);
      expectOk((await rename('A41', A2)).o, 'fresh rename');
      const before = await store.getAccount(A2);
      expectCode(face, await face.updateAccount(actors.A41!.token, { ...stale, Name: uniqueName('Late') }), 209, 'stale TimeStamp');
      assert.deepEqual(await store.getAccount(A2), before);
    });
  });
}
