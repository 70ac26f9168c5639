// SearchUserInvitations on the real server, over REST and SOAP together: the pending invitations of
// a customer, who may search, the predicates; and CustomerId In, as every official example sends it
// (Python, PHP, .NET samples): one id or up to 10 comma-separated ids, all of them customers the
// caller manages users of. Choices: docs/behaviour.md "User management".
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { hashSecret } from '../../../src/domain/credentials.js';
import { Context } from '../../../src/domain/context.js';
import { acceptInvitation } from '../../../src/domain/invitations/accept-invitation.js';
import { createInvitation } from '../../../src/domain/invitations/create-invitation.js';
import type { Store } from '../../../src/store/store.js';
import { find, findAll, text } from '../../support/clients.js';
import { faces, faultCodes, predicates, restCodes, type Faces } from '../../support/faces.js';
import { createTestTenant, tokenFor, type TestTenant } from '../../support/fixtures.js';
import { byCustomer } from '../../support/invitation-requests.js';
import { DAY } from '../../support/links-world.js';
import { uniqueName } from '../../support/names.js';
import { startServer, type RunningServer } from '../../support/server.js';
import { useUsersWorld } from '../../support/users-world.js';

const world = useUsersWorld();

describe('SearchUserInvitations over REST and SOAP', () => {
  it('REST and SOAP: pending invitations of the customer, expired ones included, accepted ones not', async () => {
    const { store, call } = world;
    const c = await createTestTenant(store, 'sandbox', 'C');
    const token = await tokenFor(store, c.user.id);
    const ctx = new Context(c.user, store, 'sandbox');
    const open = await createInvitation(ctx, { FirstName: 'Open', LastName: 'One', Email: 'o@example.com', CustomerId: c.customer.id, RoleId: 16, AccountIds: [c.account.id] });
    const taken = await createInvitation(ctx, { FirstName: 'Taken', LastName: 'Two', Email: 't@example.com', CustomerId: c.customer.id, RoleId: 100 });
    const expired = await store.insertUserInvitation({
      customerId: c.customer.id, firstName: 'Late', lastName: 'Three', email: 'l@example.com', roleId: 203, accountIds: null,
      lcid: 'FrenchFrance', expirationDate: new Date(Date.now() - DAY), secretHash: hashSecret(uniqueName('s')), createdByUserId: c.user.id,
    });
    await acceptInvitation(store, taken.secret, { userName: `${uniqueName('taken')}@example.com`, passwordHash: null });

    const res = await call.rest('SearchUserInvitations', { Predicates: byCustomer(c.customer.id) }, token);
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(res.body.UserInvitations, [
      {
        Id: open.invitation.id.toString(), FirstName: 'Open', LastName: 'One', Email: 'o@example.com',
        CustomerId: c.customer.id.toString(), RoleId: 16, AccountIds: [c.account.id.toString()],
        ExpirationDate: open.invitation.expirationDate.toISOString(), Lcid: 'EnglishUS',
      },
      {
        Id: expired.id.toString(), FirstName: 'Late', LastName: 'Three', Email: 'l@example.com',
        CustomerId: c.customer.id.toString(), RoleId: 203, ExpirationDate: expired.expirationDate.toISOString(), Lcid: 'FrenchFrance',
      },
    ]);

    const soap = await call.soap('SearchUserInvitations', predicates(byCustomer(c.customer.id)), token);
    assert.equal(soap.status, 200, soap.text);
    const items = findAll(soap.root, 'UserInvitation');
    assert.deepEqual(items.map((i) => text(i, 'Id')), [open.invitation.id.toString(), expired.id.toString()]);
    assert.deepEqual(items[0]!.children.map((e) => e.local),
      ['Id', 'FirstName', 'LastName', 'Email', 'CustomerId', 'RoleId', 'AccountIds', 'ExpirationDate', 'Lcid']);
    assert.equal(find(items[1]!, 'AccountIds')?.attributes.get('{http://www.w3.org/2001/XMLSchema-instance}nil'), 'true');
  });

  it('Standard Users may search; Viewers, Advertiser Campaign Managers and restricted Standard Users are 106', async () => {
    const { a, call } = world;
    assert.equal((await call.rest('SearchUserInvitations', { Predicates: byCustomer(a.customer.id) }, world.standard.token)).status, 200);
    const soapOk = await call.soap('SearchUserInvitations', predicates(byCustomer(a.customer.id)), world.standard.token);
    assert.equal(soapOk.status, 200, soapOk.text);
    for (const token of world.lesserTokens) {
      const res = await call.rest('SearchUserInvitations', { Predicates: byCustomer(a.customer.id) }, token);
      assert.deepEqual([res.status, restCodes(res)], [403, [106]]);
      assert.deepEqual(faultCodes(await call.soap('SearchUserInvitations', predicates(byCustomer(a.customer.id)), token)), [106]);
    }
  });

  it('predicates: none 474; two, another field, another operator or a non-id value 3030', async () => {
    const { a, call, admin } = world;
    const id = a.customer.id.toString();
    const cases: Array<[Array<{ Field: string; Operator: string; Value: string }> | undefined, number]> = [
      [undefined, 474],
      [[], 474],
      [[...byCustomer(a.customer.id), ...byCustomer(a.customer.id)], 3030],
      [[{ Field: 'AccountId', Operator: 'Equals', Value: id }], 3030],
      // In is accepted (the official examples send it; see below); other operators are not.
      [[{ Field: 'CustomerId', Operator: 'Contains', Value: id }], 3030],
      [[{ Field: 'CustomerId', Operator: 'Equals', Value: 'abc' }], 3030],
      [[{ Field: 'CustomerId', Operator: 'Equals', Value: '9223372036854775808' }], 3030],
    ];
    for (const [list, code] of cases) {
      const res = await call.rest('SearchUserInvitations', list === undefined ? {} : { Predicates: list }, admin);
      assert.deepEqual([res.status, restCodes(res)], [400, [code]], `${JSON.stringify(list)} → ${res.text}`);
      const soap = await call.soap('SearchUserInvitations', list === undefined ? '' : predicates(list), admin);
      assert.deepEqual(faultCodes(soap), [code], `SOAP ${JSON.stringify(list)} → ${soap.text.slice(0, 400)}`);
    }
    assert.deepEqual(faultCodes(await call.soap('SearchUserInvitations', '<Predicates i:nil="true"/>', admin)), [474]);
    assert.deepEqual(faultCodes(await call.soap('SearchUserInvitations',
      predicates([{ Field: 'Email', Operator: 'Equals', Value: 'x' }]), admin)), [3030]);
  });
});

describe('SearchUserInvitations with CustomerId In', () => {
  let server: RunningServer;
  let store: Store;
  let call: Faces;
  let A: TestTenant;
  let B: TestTenant;
  let inA: bigint[];
  let inB: bigint;

  before(async () => {
    server = await startServer();
    store = await server.store();
    call = faces(server);
    A = await createTestTenant(store, 'sandbox', 'InvA');
    B = await createTestTenant(store, 'sandbox', 'InvB');
    const invite = async (t: TestTenant, first: string): Promise<bigint> => (await createInvitation(new Context(t.user, store, 'sandbox'),
      { FirstName: first, LastName: 'In', Email: `${first.toLowerCase()}@example.com`, CustomerId: t.customer.id, RoleId: 100 })).invitation.id;
    inA = [await invite(A, 'Ann'), await invite(A, 'Abe')];
    inB = await invite(B, 'Bea');
    // A's Super Admin is also Super Admin of B (as an invited user would be).
    await store.putUserRole({ userId: A.user.id, customerId: B.customer.id, roleId: 41, accountIds: null });
  });
  after(async () => { await server?.stop(); });

  /** Invitation ids over REST and over SOAP, which must agree. */
  async function search(token: string, operator: string, value: string): Promise<string[]> {
    const preds = [{ Field: 'CustomerId', Operator: operator, Value: value }];
    const res = await call.rest('SearchUserInvitations', { Predicates: preds }, token);
    assert.equal(res.status, 200, res.text);
    const fromRest = (res.body.UserInvitations as Array<{ Id: string }>).map((i) => i.Id);
    const soap = await call.soap('SearchUserInvitations', predicates(preds), token);
    assert.equal(soap.status, 200, soap.text);
    assert.deepEqual(findAll(soap.root, 'UserInvitation').map((i) => text(i, 'Id')), fromRest, 'SOAP and REST agree');
    return fromRest;
  }

  it('In with one id is the same as Equals', async () => {
    const expected = inA.map(String);
    assert.deepEqual(await search(A.token, 'In', A.customer.id.toString()), expected);
    assert.deepEqual(await search(A.token, 'Equals', A.customer.id.toString()), expected);
  });

  it('In with several comma-separated ids: the invitations of all of them, by id (spaces and repeats allowed)', async () => {
    const expected = [...inA, inB].sort((x, y) => (x < y ? -1 : 1)).map(String);
    assert.deepEqual(await search(A.token, 'In', `${B.customer.id}, ${A.customer.id},${B.customer.id}`), expected);
  });

  it('a customer in the list the caller does not manage → 106 on both faces, nothing listed', async () => {
    const preds = [{ Field: 'CustomerId', Operator: 'In', Value: `${B.customer.id},${A.customer.id}` }];
    const r = await call.rest('SearchUserInvitations', { Predicates: preds }, B.token);
    assert.deepEqual([r.status, restCodes(r)], [403, [106]], r.text);
    assert.ok(!r.text.includes('Ann'));
    assert.deepEqual(faultCodes(await call.soap('SearchUserInvitations', predicates(preds), B.token)), [106]);
  });

  it('more than 10 ids, an empty item or a non-id → 3030 on both faces', async () => {
    const eleven = Array.from({ length: 11 }, () => A.customer.id.toString()).join(',');
    for (const value of [eleven, `${A.customer.id},,${A.customer.id}`, `${A.customer.id},abc`]) {
      const preds = [{ Field: 'CustomerId', Operator: 'In', Value: value }];
      const r = await call.rest('SearchUserInvitations', { Predicates: preds }, A.token);
      assert.deepEqual([r.status, restCodes(r)], [400, [3030]], `${value}: ${r.text}`);
      assert.deepEqual(faultCodes(await call.soap('SearchUserInvitations', predicates(preds), A.token)), [3030]);
    }
  });
});
