// SignupCustomer over REST and SOAP (spec §1.3): an aggregator (role 33 on ParentCustomerId) creates
// a customer and an account that rolls up to it, in one transaction; what was stored, what the
// aggregator then reaches, the refusals, and the optional UserInvitation / UserId.
// Choices: docs/behaviour.md "SignupCustomer", docs/errors.md.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Store } from '../../../src/store/store.js';
import { startServer, type RunningServer } from '../../support/server.js';
import { faces, faultCodes, restCodes, type Faces } from '../../support/faces.js';
import { addUser, createTestTenant, insertTestUser, type TestTenant, type TestUser } from '../../support/fixtures.js';
import { uniqueName } from '../../support/names.js';
import { find, findAll } from '../../support/clients.js';
import { childEl, expectOk } from '../../support/soap-assert.js';
import { byAccount, FACES, linkBatch, searchLinks, type Face } from '../../support/client-links.js';
import { getAccount } from '../../support/links-world.js';
import { ENT } from '../../support/clients.js';

interface Signup {
  Customer?: Record<string, string> | null;
  Account?: Record<string, unknown> | null;
  ParentCustomerId?: bigint;
  UserInvitation?: Record<string, string | number>;
  UserId?: bigint;
  User?: Record<string, unknown>;
}

type Result = { ok: Record<string, string>; codes?: undefined; status?: undefined; text?: undefined } | { ok?: undefined; codes: number[]; status: number; text: string };

const ADDRESS = { City: 'Redmond', Line1: 'One Microsoft Way', CountryCode: 'US', PostalCode: '98052', StateOrProvince: 'WA' };

function xmlOf(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'object') return String(value);
  return Object.entries(value as Record<string, unknown>).map(([k, v]) => (v === null ? `<e:${k} i:nil="true"/>` : `<e:${k}>${xmlOf(v)}</e:${k}>`)).join('');
}

describe('SignupCustomer', () => {
  let server: RunningServer;
  let store: Store;
  let call: Faces;
  let parent: TestTenant;
  let aggregator: TestUser;

  before(async () => {
    server = await startServer();
    store = await server.store();
    call = faces(server);
    parent = await createTestTenant(store, 'sandbox', 'Aggregator');
    aggregator = await insertTestUser(store, 'sandbox', { customerId: parent.customer.id, roleId: 33, label: 'aggregator' });
  });
  after(async () => { await server?.stop(); });

  function request(over: Partial<Signup> = {}): Signup {
    return {
      Customer: { Industry: 'Other', MarketCountry: 'US', MarketLanguage: 'English', Name: uniqueName('Child Customer') },
      Account: { BusinessAddress: ADDRESS, CurrencyCode: 'USD', Name: uniqueName('Child Account'), ParentCustomerId: parent.customer.id.toString(), TimeZone: 'PacificTimeUSCanadaTijuana' },
      ParentCustomerId: parent.customer.id,
      ...over,
    };
  }

  async function signup(face: Face, body: Signup, token: string): Promise<Result> {
    if (face === 'REST') {
      const json: Record<string, unknown> = { ...body };
      for (const k of ['ParentCustomerId', 'UserId'] as const) if (body[k] !== undefined) json[k] = body[k]!.toString();
      const r = await call.rest('SignupCustomer', json, token);
      if (r.status !== 200) return { codes: restCodes(r), status: r.status, text: r.text };
      return { ok: Object.fromEntries(Object.entries(r.body).map(([k, v]) => [k, String(v)])) };
    }
    const parts = [
      body.Customer === undefined ? '' : body.Customer === null ? '<Customer i:nil="true"/>' : `<Customer>${xmlOf(body.Customer)}</Customer>`,
      body.Account === undefined ? '' : body.Account === null ? '<Account i:nil="true"/>' : `<Account>${xmlOf(body.Account)}</Account>`,
      body.ParentCustomerId === undefined ? '' : `<ParentCustomerId>${body.ParentCustomerId}</ParentCustomerId>`,
      body.UserInvitation ? `<UserInvitation>${xmlOf(body.UserInvitation)}</UserInvitation>` : '',
      body.UserId === undefined ? '' : `<UserId>${body.UserId}</UserId>`,
      body.User ? `<User>${xmlOf(body.User)}</User>` : '',
    ];
    const r = await call.soap('SignupCustomer', parts.join(''), token);
    if (r.status !== 200) return { codes: faultCodes(r), status: r.status, text: r.text };
    const res = expectOk(r, 'SignupCustomer');
    assert.deepEqual(res.children.map((c) => c.local), ['CustomerId', 'CustomerNumber', 'AccountId', 'AccountNumber', 'CreateTime']);
    return { ok: Object.fromEntries(res.children.map((c) => [c.local, childEl(res, c.local)!.text])) };
  }

  for (const face of FACES) {
    describe(face, () => {
      it('creates an Active customer and account that roll up to the aggregator, and returns their ids and numbers', async () => {
        const body = request();
        const before = Date.now();
        const r = await signup(face, body, aggregator.token);
        assert.ok(r.ok, JSON.stringify(r));
        assert.match(r.ok.CustomerNumber!, /^[A-Z0-9]{10}$/);
        assert.match(r.ok.AccountNumber!, /^[A-Z0-9]{8}$/);
        assert.ok(Date.parse(r.ok.CreateTime!) >= before - 1000);
        const customer = await store.getCustomer(BigInt(r.ok.CustomerId!));
        const account = await store.getAccount(BigInt(r.ok.AccountId!));
        assert.ok(customer && account);
        assert.equal(customer.name, body.Customer!.Name);
        assert.equal(customer.number, r.ok.CustomerNumber);
        assert.equal(customer.lifeCycleStatus, 'Active');
        assert.equal(customer.industry, 'Other');
        assert.equal(account.customerId, customer.id);
        assert.equal(account.number, r.ok.AccountNumber);
        assert.equal(account.lifeCycleStatus, 'Active');
        assert.equal(account.billToCustomerId, parent.customer.id, 'billed to the aggregator');
        assert.equal(account.primaryUserId, aggregator.user.id, 'the primary user is the aggregator user');
        assert.equal(account.businessAddress?.businessName, customer.name, 'BusinessName defaults to the customer name');
        const method = await store.getPaymentMethod(account.paymentMethodId!);
        assert.equal(method?.type, 'Invoice');
        const links = await store.listClientLinksByClient('AccountLink', [account.id]);
        assert.deepEqual(links.map((l) => [l.managingCustomerId, l.status, l.aggregatee]), [[parent.customer.id, 'Active', true]]);
        assert.deepEqual(await store.listCustomerRoles(customer.id), [], 'the aggregator holds no role on the child customer');
      });

      it('the aggregator reaches the new account, cannot see or delink it as a client link; others do not reach it', async () => {
        const r = await signup(face, request(), aggregator.token);
        const accountId = BigInt(r.ok!.AccountId!);
        assert.equal(await getAccount(call, face, accountId, aggregator.token), 'ok');
        assert.equal(await getAccount(call, face, accountId, parent.token), 'ok', 'the Super Admin of the aggregator manages it too');
        assert.deepEqual((await searchLinks(call, face, { predicates: byAccount(accountId) }, aggregator.token)).links, []);
        const unlink = { ClientEntityId: accountId, ManagingCustomerId: parent.customer.id, Status: 'UnlinkRequested' };
        assert.deepEqual((await linkBatch(call, face, 'UpdateClientLinks', [unlink], aggregator.token)).partial, [[210]]);
        // "The LinkedAccountIds element contains the identifer of the advertiser account in the child customer."
        const linked = face === 'REST'
          ? ((await call.rest('GetUser', { UserId: null }, aggregator.token)).body.CustomerRoles as Array<{ LinkedAccountIds?: string[] }>)
            .flatMap((role) => role.LinkedAccountIds ?? [])
          : findAll(find((await call.soap('GetUser', '<UserId i:nil="true"/>', aggregator.token)).root, 'CustomerRoles')!, 'LinkedAccountIds')
            .flatMap((list) => list.children.map((c) => c.text));
        assert.ok(linked.includes(accountId.toString()), `LinkedAccountIds ${linked.join(',')}`);
        const stranger = await createTestTenant(store, 'sandbox', 'Stranger');
        assert.equal(await getAccount(call, face, accountId, stranger.token), '106');
        // Another agency cannot take over an aggregatee account.
        const take = { ClientEntityId: accountId, ManagingCustomerId: stranger.customer.id, IsBillToClient: true };
        assert.deepEqual((await linkBatch(call, face, 'AddClientLinks', [take], stranger.token)).partial, [[1424]]);
      });

      it('an aggregator holding both of its roles, 41 and 33, on the parent ("An Aggregator has two role identifiers") signs up', async () => {
        const both = await insertTestUser(store, 'sandbox', { customerId: parent.customer.id, roleId: 41, label: 'aggregator-41-33' });
        await store.putUserRole({ userId: both.user.id, customerId: parent.customer.id, roleId: 33, accountIds: null });
        const r = await signup(face, request(), both.token);
        assert.ok(r.ok, JSON.stringify(r));
        const account = await store.getAccount(BigInt(r.ok.AccountId!));
        assert.equal(account?.billToCustomerId, parent.customer.id);
        assert.equal(account?.primaryUserId, both.user.id);
      });

      it('requires the Aggregator role on ParentCustomerId (a Super Admin is 106) and stores nothing', async () => {
        const body = request();
        for (const token of [parent.token, (await createTestTenant(store, 'sandbox', 'Other')).token]) {
          const r = await signup(face, body, token);
          assert.deepEqual(r.codes, [106]);
        }
        const elsewhere = await createTestTenant(store, 'sandbox', 'Elsewhere');
        assert.deepEqual((await signup(face, request({ ParentCustomerId: elsewhere.customer.id }), aggregator.token)).codes, [106]);
        const names = (await store.listClientLinksByManager([parent.customer.id], ['Active'])).map((l) => l.name);
        assert.ok(!names.includes(String(body.Account!.Name).slice(0, 40)));
      });

      it('refusals: ParentCustomerId 203, Customer 310, Account 203, a required customer field 203, ServiceLevel or PaymentMethodId set 201, BusinessAddress 1139', async () => {
        const base = request();
        const cases: Array<[Signup, number]> = [
          [{ ...base, ParentCustomerId: undefined }, 203],
          [{ ...base, Customer: null }, 310],
          [{ ...base, Account: null }, 203],
          [{ ...base, Customer: { ...base.Customer!, Industry: undefined as unknown as string } }, 203],
          [{ ...base, Customer: { ...base.Customer!, ServiceLevel: 'Premium' } }, 201],
          [{ ...base, Customer: { ...base.Customer!, Name: 'x'.repeat(101) } }, 211],
          [{ ...base, Account: { ...base.Account!, PaymentMethodId: parent.paymentMethod.id.toString() } }, 201],
          [{ ...base, Account: { ...base.Account!, BusinessAddress: undefined } }, 1139],
          [{ ...base, Account: { ...base.Account!, CurrencyCode: undefined } }, 203],
          [{ ...base, Customer: { ...base.Customer!, MarketCountry: 'USA' } }, 201],
          [{ ...base, UserInvitation: { FirstName: 'A', LastName: 'B', Email: 'a@example.com', RoleId: 41 }, UserId: aggregator.user.id }, 201],
          [{ ...base, User: { UserName: 'pilot@example.com' } }, 201],
        ];
        for (const [body, code] of cases) {
          const clean = JSON.parse(JSON.stringify(body, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))) as Signup;
          if (body.ParentCustomerId !== undefined) clean.ParentCustomerId = body.ParentCustomerId;
          assert.deepEqual((await signup(face, clean, aggregator.token)).codes, [code], `case answered by ${code}`);
        }
      });

      it('Account.BusinessAddress follows the ValidateAddress rules: an unknown state code or a malformed postal code → 1140 naming the rule, nothing stored', async () => {
        const cases: Array<[Record<string, string>, RegExp]> = [
          [{ ...ADDRESS, StateOrProvince: 'ZZ' }, /StateOrProvince must be a state or province code of US/],
          [{ ...ADDRESS, PostalCode: '980' }, /PostalCode is not a postal code of US/],
          [{ ...ADDRESS, CountryCode: 'XX' }, /CountryCode must be an ISO 3166-1/],
        ];
        for (const [address, rule] of cases) {
          const body = request();
          const r = await signup(face, { ...body, Account: { ...body.Account!, BusinessAddress: address } }, aggregator.token);
          assert.deepEqual([r.codes, r.status], [[1140], face === 'REST' ? 400 : 500]);
          assert.match(r.text ?? '', rule);
          const names = (await store.listClientLinksByManager([parent.customer.id], ['Active'])).map((l) => l.name);
          assert.ok(!names.includes(String(body.Account!.Name).slice(0, 40)), 'no account signed up');
        }
      });

      it('Microsoft\'s customer_signup address (no BusinessName) is accepted: BusinessName becomes the customer\'s name, the rest is stored as sent', async () => {
        const body = request();
        const r = await signup(face, body, aggregator.token);
        assert.ok(r.ok, JSON.stringify(r));
        const stored = (await store.getAccount(BigInt(r.ok.AccountId!)))!.businessAddress;
        assert.deepEqual(
          [stored?.businessName, stored?.line1, stored?.city, stored?.stateOrProvince, stored?.postalCode, stored?.countryCode],
          [body.Customer!.Name, ADDRESS.Line1, ADDRESS.City, ADDRESS.StateOrProvince, ADDRESS.PostalCode, ADDRESS.CountryCode],
        );
      });

      it('Customer.Name: over 90 characters → 211, nothing stored; exactly 90 (non-ASCII) is accepted and stored', async () => {
        const long = request({ Customer: { ...request().Customer!, Name: 'é'.repeat(91) } });
        const refused = await signup(face, long, aggregator.token);
        assert.deepEqual([refused.codes, refused.status], [[211], face === 'REST' ? 400 : 500]);
        assert.match(refused.text ?? '', /at most 90 characters/);
        const names = (await store.listClientLinksByManager([parent.customer.id], ['Active'])).map((l) => l.name);
        assert.ok(!names.includes(String(long.Account!.Name).slice(0, 40)), 'no account signed up');
        const ninety = 'é'.repeat(89) + face.charAt(0);
        const r = await signup(face, request({ Customer: { ...request().Customer!, Name: ninety } }), aggregator.token);
        assert.ok(r.ok, JSON.stringify(r));
        assert.equal((await store.getCustomer(BigInt(r.ok.CustomerId!)))?.name, ninety);
      });

      it('the aggregator reads the new account with GetAccount and sends it back unchanged to UpdateAccount: accepted (PrimaryUserId is the aggregator user), nothing but the TimeStamp changes', async () => {
        const r = await signup(face, request(), aggregator.token);
        const accountId = BigInt(r.ok!.AccountId!);
        const before = (await store.getAccount(accountId))!;
        assert.equal(before.primaryUserId, aggregator.user.id);
        const stranger = await createTestTenant(store, 'sandbox', 'Not Primary');
        if (face === 'REST') {
          const got = await call.rest('GetAccount', { AccountId: accountId.toString() }, aggregator.token);
          assert.equal(got.status, 200, got.text);
          const account = got.body.Account as Record<string, unknown>;
          // A user of neither the owner nor the aggregator is still refused.
          const foreign = await call.rest('UpdateAccount', { Account: { ...account, PrimaryUserId: stranger.user.id.toString() } }, aggregator.token);
          assert.deepEqual([foreign.status, restCodes(foreign)], [400, [201]], foreign.text);
          const put = await call.rest('UpdateAccount', { Account: account }, aggregator.token);
          assert.equal(put.status, 200, put.text);
        } else {
          const got = await call.soap('GetAccount', `<AccountId>${accountId}</AccountId>`, aggregator.token);
          expectOk(got, 'GetAccount');
          const account = /<Account>[\s\S]*<\/Account>/.exec(got.text)![0].replace('<Account>', `<Account xmlns:a="${ENT}">`);
          const foreign = account.replace(/<a:PrimaryUserId>\d+<\/a:PrimaryUserId>/, `<a:PrimaryUserId>${stranger.user.id}</a:PrimaryUserId>`);
          assert.notEqual(foreign, account);
          assert.deepEqual(faultCodes(await call.soap('UpdateAccount', foreign, aggregator.token)), [201]);
          const put = await call.soap('UpdateAccount', account, aggregator.token);
          expectOk(put, 'UpdateAccount');
        }
        const after = (await store.getAccount(accountId))!;
        const settled = (a: typeof before) => ({ ...a, version: 0n, lastModifiedTime: null, lastModifiedByUserId: null });
        assert.deepEqual(settled(after), settled(before), 'everything sent back unchanged stays unchanged');
        assert.ok(after.version > before.version);
        assert.equal(after.lastModifiedByUserId, aggregator.user.id);
      });

      it('UserInvitation (RoleId 41 or 203) invites a user into the new customer through the outbox', async () => {
        const email = `${uniqueName('owner')}@example.com`;
        const r = await signup(face, request({ UserInvitation: { FirstName: 'Owner', LastName: 'Person', Email: email, RoleId: 41, Lcid: 'EnglishUS' } }), aggregator.token);
        const customerId = BigInt(r.ok!.CustomerId!);
        const invitations = await store.listPendingUserInvitations(customerId);
        assert.deepEqual(invitations.map((i) => [i.email, i.roleId, i.customerId, i.createdByUserId]), [[email, 41, customerId, aggregator.user.id]]);
        const mail = await store.listOutboxMessages({ to: email, limit: 5 });
        assert.equal(mail.length, 1);
        assert.match(mail[0]!.body, /invitations\/accept\?token=/);
        const bad = await signup(face, request({ UserInvitation: { FirstName: 'A', LastName: 'B', Email: email, RoleId: 16 } }), aggregator.token);
        assert.deepEqual(bad.codes, [201]);
      });

      it('UserId: an existing user of the aggregator becomes Super Admin of the new customer; a stranger\'s id is 106', async () => {
        const colleague = await addUser(store, parent.customer.id, 203, null, 'colleague');
        const r = await signup(face, request({ UserId: colleague.id }), aggregator.token);
        const customerId = BigInt(r.ok!.CustomerId!);
        assert.deepEqual(await store.listCustomerRoles(customerId), [{ userId: colleague.id, customerId, roleId: 41, accountIds: null }]);
        const stranger = await createTestTenant(store, 'sandbox', 'Foreign');
        assert.deepEqual((await signup(face, request({ UserId: stranger.user.id }), aggregator.token)).codes, [106]);
      });
    });
  }
});
