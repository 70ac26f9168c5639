// SearchUserInvitations with CustomerId In, as every official example sends it (Python, PHP, .NET
// samples), over REST and SOAP: one id or up to 10 comma-separated ids, all of them customers the
// caller manages users of. Choices: docs/behaviour.md "User management".
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Context } from '../../../src/domain/context.js';
import { createInvitation } from '../../../src/domain/invitations/create-invitation.js';
import type { Store } from '../../../src/store/store.js';
import { findAll, text } from '../../support/clients.js';
import { faces, faultCodes, predicates, restCodes, type Faces } from '../../support/faces.js';
import { createTestTenant, type TestTenant } from '../../support/fixtures.js';
import { startServer, type RunningServer } from '../../support/server.js';

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
