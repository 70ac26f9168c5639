// Tenancy of the user-management operations: the users of customer A — its Super Admin first —
// can neither read nor change the users, roles or invitations of customer B, through any of the
// new operations, over REST or SOAP; and the answers give away nothing about what B holds (B's
// ids are refused exactly like ids that do not exist). A user of B who was given a role on A is
// A's to list and to re-role on A, but stays B's to edit, delete and re-role on B.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Context } from '../../../src/domain/context.js';
import { createInvitation } from '../../../src/domain/invitations/create-invitation.js';
import type { Tenant } from '../../../src/domain/tenants/create-tenant.js';
import type { UserRecord } from '../../../src/store/records.js';
import type { Store } from '../../../src/store/store.js';
import { findAll, text } from '../../support/clients.js';
import { startServer, type RunningServer } from '../../support/server.js';
import { faces, type Faces, faultCodes, longs, predicates, restCodes, timeStampOf } from '../../support/faces.js';
import { addUser, createTestTenant, tokenFor } from '../../support/fixtures.js';

const NOWHERE = 999999999999n;

describe('user management tenancy: A cannot reach B', () => {
  let server: RunningServer;
  let store: Store;
  let call: Faces;
  let a: Tenant;
  let b: Tenant;
  let bUser: UserRecord;
  let aUser: UserRecord;
  /** Tokens of A's Super Admin, Standard User and Viewer. */
  let aTokens: Array<[string, string]>;

  before(async () => {
    server = await startServer();
    store = await server.store();
    call = faces(server);
    a = await createTestTenant(store, 'sandbox', 'A');
    b = await createTestTenant(store, 'sandbox', 'B');
    bUser = await addUser(store, b.customer.id, 203, null, 'b-standard');
    aUser = await addUser(store, a.customer.id, 100, null, 'a-viewer');
    await createInvitation(new Context(b.user, store, 'sandbox'),
      { FirstName: 'B', LastName: 'Invitee', Email: 'b@example.com', CustomerId: b.customer.id, RoleId: 100 });
    const standard = await addUser(store, a.customer.id, 203, null, 'a-standard');
    aTokens = [
      ['Super Admin', await tokenFor(store, a.user.id)],
      ['Standard User', await tokenFor(store, standard.id)],
      ['Viewer', await tokenFor(store, aUser.id)],
    ];
  });
  after(async () => { await server?.stop(); });

  /** B's state that no call of A may change. */
  async function snapshotB(): Promise<string> {
    const users = await store.listCustomerUsers(b.customer.id, ['Active', 'Inactive', 'Pending', 'Deleted']);
    const roles = await Promise.all(users.map((u) => store.listUserRoles(u.id)));
    const invitations = await store.listPendingUserInvitations(b.customer.id);
    return JSON.stringify({ users, roles, invitations }, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
  }

  /** Calls an operation over both faces with every A token and returns "face/role: codes" lines. */
  async function codes(op: Parameters<Faces['rest']>[0], restBody: unknown, soapInner: string): Promise<string[]> {
    const out: string[] = [];
    for (const [role, token] of aTokens) {
      const r = await call.rest(op, restBody, token);
      out.push(`REST/${role}: ${r.status} ${restCodes(r).join(',')}`);
      const s = await call.soap(op, soapInner, token);
      out.push(`SOAP/${role}: ${s.status} ${faultCodes(s).join(',')}`);
    }
    return out;
  }

  const expectAll = (lines: string[], status: string): void => {
    for (const line of lines) assert.match(line, new RegExp(`: ${status}$`), lines.join('\n'));
  };

  it('GetUsersInfo of B is 106, exactly as for a customer that does not exist', async () => {
    const before = await snapshotB();
    for (const id of [b.customer.id, NOWHERE]) {
      expectAll(await codes('GetUsersInfo', { CustomerId: id.toString() }, `<CustomerId>${id}</CustomerId>`), '(403 106|500 106)');
      expectAll(await codes('GetUsersInfo', { CustomerId: id.toString(), StatusFilter: 'Deleted' },
        `<CustomerId>${id}</CustomerId><StatusFilter>Deleted</StatusFilter>`), '(403 106|500 106)');
    }
    assert.equal(await snapshotB(), before);
  });

  it('UpdateUser of B\'s users is 106 even with their current TimeStamp, like an unknown user', async () => {
    const before = await snapshotB();
    for (const target of [b.user, bUser, { ...bUser, id: NOWHERE }]) {
      const user = { Id: target.id.toString(), TimeStamp: timeStampOf(target), Name: { FirstName: 'Pwned', LastName: 'X' },
        ContactInfo: { Email: 'evil@example.com', Phone1: '1' } };
      const xml = `<User><e:ContactInfo><e:Email>evil@example.com</e:Email><e:Phone1>1</e:Phone1></e:ContactInfo><e:Id>${target.id}</e:Id>`
        + `<e:Name><e:FirstName>Pwned</e:FirstName><e:LastName>X</e:LastName></e:Name><e:TimeStamp>${timeStampOf(target)}</e:TimeStamp></User>`;
      expectAll(await codes('UpdateUser', { User: user }, xml), '(403 106|500 106)');
    }
    assert.equal(await snapshotB(), before);
  });

  it('DeleteUser of B\'s users is 106, like an unknown user', async () => {
    const before = await snapshotB();
    for (const target of [bUser, { ...bUser, id: NOWHERE }]) {
      expectAll(await codes('DeleteUser', { UserId: target.id.toString(), TimeStamp: timeStampOf(target) },
        `<UserId>${target.id}</UserId><TimeStamp>${timeStampOf(target)}</TimeStamp>`), '(403 106|500 106)');
    }
    assert.equal(await snapshotB(), before);
  });

  it('UpdateUserRoles: B as CustomerId, B\'s user under A, B in the customer lists — 106; B\'s accounts — 2108 like unknown ones', async () => {
    const before = await snapshotB();
    const forbidden: Array<[Record<string, unknown>, string]> = [
      [{ CustomerId: b.customer.id.toString(), UserId: bUser.id.toString(), NewRoleId: 41 },
        `<CustomerId>${b.customer.id}</CustomerId><UserId>${bUser.id}</UserId><NewRoleId>41</NewRoleId>`],
      [{ CustomerId: NOWHERE.toString(), UserId: bUser.id.toString(), NewRoleId: 41 },
        `<CustomerId>${NOWHERE}</CustomerId><UserId>${bUser.id}</UserId><NewRoleId>41</NewRoleId>`],
      [{ CustomerId: a.customer.id.toString(), UserId: bUser.id.toString(), NewRoleId: 100 },
        `<CustomerId>${a.customer.id}</CustomerId><UserId>${bUser.id}</UserId><NewRoleId>100</NewRoleId>`],
      [{ CustomerId: a.customer.id.toString(), UserId: aUser.id.toString(), NewRoleId: 100, NewCustomerIds: [b.customer.id.toString()] },
        `<CustomerId>${a.customer.id}</CustomerId><UserId>${aUser.id}</UserId><NewRoleId>100</NewRoleId>${longs('NewCustomerIds', [b.customer.id])}`],
      [{ CustomerId: a.customer.id.toString(), UserId: b.user.id.toString(), DeleteRoleId: 41, DeleteCustomerIds: [b.customer.id.toString()] },
        `<CustomerId>${a.customer.id}</CustomerId><UserId>${b.user.id}</UserId><DeleteRoleId>41</DeleteRoleId>${longs('DeleteCustomerIds', [b.customer.id])}`],
    ];
    for (const [body, xml] of forbidden) {
      expectAll(await codes('UpdateUserRoles', body, xml), '(403 106|500 106)');
    }
    // A's Super Admin, on A's own user: B's account and an unknown one answer alike.
    const [, admin] = aTokens[0]!;
    for (const account of [b.account.id, NOWHERE]) {
      const r = await call.rest('UpdateUserRoles', { CustomerId: a.customer.id.toString(), UserId: aUser.id.toString(), NewRoleId: 16, NewAccountIds: [account.toString()] }, admin);
      assert.deepEqual([r.status, restCodes(r)], [400, [2108]]);
      const s = await call.soap('UpdateUserRoles', `<CustomerId>${a.customer.id}</CustomerId><UserId>${aUser.id}</UserId>`
        + `<NewRoleId>16</NewRoleId>${longs('NewAccountIds', [account])}`, admin);
      assert.deepEqual(faultCodes(s), [2108]);
    }
    assert.equal(await snapshotB(), before);
  });

  it('SendUserInvitation to B is 106; with B\'s accounts, 2108 like unknown ones; nothing reaches B', async () => {
    const before = await snapshotB();
    const inv = (customerId: bigint, accounts: bigint[] | null) => ({
      FirstName: 'Spy', LastName: 'Agent', Email: 'spy@example.com', CustomerId: customerId.toString(), RoleId: 100,
      AccountIds: accounts?.map(String) ?? null,
    });
    const xml = (customerId: bigint, accounts: bigint[] | null): string =>
      `<UserInvitation><e:FirstName>Spy</e:FirstName><e:LastName>Agent</e:LastName><e:Email>spy@example.com</e:Email>`
      + `<e:CustomerId>${customerId}</e:CustomerId><e:RoleId>100</e:RoleId>${accounts ? longs('e:AccountIds', accounts) : ''}</UserInvitation>`;
    for (const customerId of [b.customer.id, NOWHERE]) {
      expectAll(await codes('SendUserInvitation', { UserInvitation: inv(customerId, null) }, xml(customerId, null)), '(403 106|500 106)');
    }
    const [, admin] = aTokens[0]!;
    for (const account of [b.account.id, NOWHERE]) {
      const r = await call.rest('SendUserInvitation', { UserInvitation: inv(a.customer.id, [account]) }, admin);
      assert.deepEqual([r.status, restCodes(r)], [400, [2108]]);
      assert.deepEqual(faultCodes(await call.soap('SendUserInvitation', xml(a.customer.id, [account]), admin)), [2108]);
    }
    assert.equal(await snapshotB(), before);
    assert.deepEqual(await store.listPendingUserInvitations(a.customer.id), []);
  });

  it('SearchUserInvitations of B is 106, like a customer that does not exist', async () => {
    assert.equal((await store.listPendingUserInvitations(b.customer.id)).length, 1, 'B has a pending invitation');
    for (const id of [b.customer.id, NOWHERE]) {
      const list = [{ Field: 'CustomerId', Operator: 'Equals', Value: id.toString() }];
      expectAll(await codes('SearchUserInvitations', { Predicates: list }, predicates(list)), '(403 106|500 106)');
    }
  });

  it('GetUserMFAStatus answers for the caller only (ids in the body are ignored)', async () => {
    const lines = await codes('GetUserMFAStatus', { UserId: bUser.id.toString() }, `<UserId>${bUser.id}</UserId>`);
    expectAll(lines, '200 ');
  });

  it('a user of B with a role on A: A lists them and manages their role on A, but cannot edit, delete or touch B\'s role', async () => {
    const guest = await addUser(store, b.customer.id, 203, null, 'guest');
    await store.putUserRole({ userId: guest.id, customerId: a.customer.id, roleId: 100, accountIds: null });
    const [, admin] = aTokens[0]!;
    const listed = await call.soap('GetUsersInfo', `<CustomerId>${a.customer.id}</CustomerId>`, admin);
    assert.ok(findAll(listed.root, 'UserInfo').some((u) => text(u, 'Id') === guest.id.toString()));

    const edit = await call.rest('UpdateUser', { User: { Id: guest.id.toString(), TimeStamp: timeStampOf(guest),
      Name: { FirstName: 'A', LastName: 'B' }, ContactInfo: { Email: 'a@example.com', Phone1: '1' } } }, admin);
    assert.deepEqual(restCodes(edit), [106]);
    assert.deepEqual(restCodes(await call.rest('DeleteUser', { UserId: guest.id.toString(), TimeStamp: timeStampOf(guest) }, admin)), [106]);
    assert.deepEqual(restCodes(await call.rest('UpdateUserRoles', { CustomerId: a.customer.id.toString(), UserId: guest.id.toString(),
      DeleteRoleId: 203, DeleteCustomerIds: [b.customer.id.toString()] }, admin)), [106]);

    const promote = await call.rest('UpdateUserRoles', { CustomerId: a.customer.id.toString(), UserId: guest.id.toString(), NewRoleId: 16,
      NewAccountIds: [a.account.id.toString()] }, admin);
    assert.equal(promote.status, 200, promote.text);
    assert.deepEqual((await store.listUserRoles(guest.id)).map((r) => [r.customerId, r.roleId, r.accountIds]),
      [[a.customer.id, 16, [a.account.id]], [b.customer.id, 203, null]].sort((x, y) => Number((x[0] as bigint) - (y[0] as bigint))));
    const drop = await call.rest('UpdateUserRoles', { CustomerId: a.customer.id.toString(), UserId: guest.id.toString(), DeleteRoleId: 16 }, admin);
    assert.equal(drop.status, 200, drop.text);
    assert.deepEqual((await store.listUserRoles(guest.id)).map((r) => [r.customerId, r.roleId]), [[b.customer.id, 203]]);
    // Gone from A: A may no longer even re-role them.
    assert.deepEqual(restCodes(await call.rest('UpdateUserRoles', { CustomerId: a.customer.id.toString(), UserId: guest.id.toString(), NewRoleId: 100 }, admin)), [106]);
    assert.equal((await store.getUser(guest.id))?.lifeCycleStatus, 'Active');
  });
});
