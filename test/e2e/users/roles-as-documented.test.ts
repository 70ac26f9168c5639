// Users and roles as Microsoft's Account Hierarchy and Permissions guide models them, over REST and
// SOAP: an Aggregator's two roles on one customer, customers reached through customer links in
// GetUser, Standard Users managing lesser users (within their accounts when limited to some), and
// never a user without a role (GetUsersInfo lists exactly the users GetUser then shows).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Tenant } from '../../../src/domain/tenants/create-tenant.js';
import type { AccountRecord, UserRecord } from '../../../src/store/records.js';
import type { Store } from '../../../src/store/store.js';
import { findAll, text } from '../../support/clients.js';
import { faces, faultCodes, longs, predicates, restCodes, timeStampOf, type Faces } from '../../support/faces.js';
import { createTestTenant, insertTestAccount, insertUserRecord, tokenFor } from '../../support/fixtures.js';
import { uniqueName } from '../../support/names.js';
import { startServer, type RunningServer } from '../../support/server.js';

type Role = { RoleId: number; CustomerId: string; AccountIds?: string[]; CustomerLinkPermission?: string };

describe('users and roles as the guide models them', () => {
  let server: RunningServer;
  let store: Store;
  let call: Faces;
  let a: Tenant & { token: string };
  let a2: AccountRecord;
  let a3: AccountRecord;

  before(async () => {
    server = await startServer();
    store = await server.store();
    call = faces(server);
    a = await createTestTenant(store, 'sandbox', 'Roles');
    a2 = await insertTestAccount(store, { customerId: a.customer.id, paymentMethodId: null, primaryUserId: null });
    a3 = await insertTestAccount(store, { customerId: a.customer.id, paymentMethodId: null, primaryUserId: null });
  });
  after(async () => { await server?.stop(); });

  /** A user created in A with these roles there. */
  async function user(roles: Array<[number, bigint[] | null]>, customerId = a.customer.id): Promise<{ user: UserRecord; token: string }> {
    const u = await insertUserRecord(store, { customerId, userName: `${uniqueName('u').replace(' ', '-')}@example.com`, firstName: 'F', lastName: 'L' });
    for (const [roleId, accountIds] of roles) await store.putUserRole({ userId: u.id, customerId, roleId, accountIds });
    return { user: u, token: await tokenFor(store, u.id) };
  }
  const rolesOf = async (id: bigint): Promise<Array<[number, bigint[] | null]>> =>
    (await store.listUserRoles(id)).filter((r) => r.customerId === a.customer.id).map((r) => [r.roleId, r.accountIds]);

  describe('"An Aggregator has two role identifiers … 41 and 33"', () => {
    it('GetUser returns two CustomerRole objects for the one customer, 33 first (REST and SOAP)', async () => {
      const agg = await user([[41, null], [33, null]]);
      const rest = await call.rest('GetUser', { UserId: null }, agg.token);
      assert.deepEqual((rest.body.CustomerRoles as Role[]).map((r) => [r.RoleId, r.CustomerId]),
        [[33, a.customer.id.toString()], [41, a.customer.id.toString()]]);
      const soap = await call.soap('GetUser', '<UserId i:nil="true"/>', agg.token);
      assert.deepEqual(findAll(soap.root, 'CustomerRole').map((r) => [text(r, 'RoleId'), text(r, 'CustomerId')]),
        [['33', a.customer.id.toString()], ['41', a.customer.id.toString()]]);
      assert.deepEqual(await rolesOf(agg.user.id), [[33, null], [41, null]]);
    });

    it('an Aggregator (33 only) may SendUserInvitation, SearchUserInvitations, UpdateUserRoles and DeleteUser', async () => {
      const agg = await user([[33, null]]);
      const cid = a.customer.id.toString();
      const sent = await call.rest('SendUserInvitation', { UserInvitation: { CustomerId: cid, RoleId: 16, FirstName: 'F', LastName: 'L', Email: 'agg-invite@example.com' } }, agg.token);
      assert.equal(sent.status, 200, sent.text);
      const soapSent = await call.soap('SendUserInvitation', `<UserInvitation><e:FirstName>F</e:FirstName><e:LastName>L</e:LastName><e:Email>agg2@example.com</e:Email>`
        + `<e:CustomerId>${cid}</e:CustomerId><e:RoleId>100</e:RoleId></UserInvitation>`, agg.token);
      assert.equal(soapSent.status, 200, soapSent.text);
      const searched = await call.rest('SearchUserInvitations', { Predicates: [{ Field: 'CustomerId', Operator: 'Equals', Value: cid }] }, agg.token);
      assert.equal(searched.status, 200, searched.text);
      assert.ok((searched.body.UserInvitations as Array<{ Id: string }>).some((i) => i.Id === sent.body.UserInvitationId));
      const soapSearch = await call.soap('SearchUserInvitations', predicates([{ Field: 'CustomerId', Operator: 'Equals', Value: cid }]), agg.token);
      assert.equal(soapSearch.status, 200, soapSearch.text);
      const target = await user([[100, null]]);
      const roles = await call.rest('UpdateUserRoles', { CustomerId: cid, UserId: target.user.id.toString(), NewRoleId: 203 }, agg.token);
      assert.equal(roles.status, 200, roles.text);
      assert.deepEqual(await rolesOf(target.user.id), [[203, null]]);
      const soapRoles = await call.soap('UpdateUserRoles', `<CustomerId>${cid}</CustomerId><UserId>${target.user.id}</UserId><NewRoleId>16</NewRoleId>${longs('NewAccountIds', [a2.id])}`, agg.token);
      assert.equal(soapRoles.status, 200, soapRoles.text);
      assert.deepEqual(await rolesOf(target.user.id), [[16, [a2.id]]]);
      const current = (await store.getUser(target.user.id))!;
      const deleted = await call.soap('DeleteUser', `<UserId>${current.id}</UserId><TimeStamp>${timeStampOf(current)}</TimeStamp>`, agg.token);
      assert.equal(deleted.status, 200, deleted.text);
      assert.equal((await store.getUser(target.user.id))!.lifeCycleStatus, 'Deleted');
      const other = await user([[100, null]]);
      const restDeleted = await call.rest('DeleteUser', { UserId: other.user.id.toString(), TimeStamp: timeStampOf(other.user) }, agg.token);
      assert.equal(restDeleted.status, 200, restDeleted.text);
    });

    it('UpdateUserRoles adds 33 beside 41, and removing 33 keeps 41 (permissions are the union of both)', async () => {
      const target = await user([[41, null]]);
      const body = { CustomerId: a.customer.id.toString(), UserId: target.user.id.toString() };
      assert.equal((await call.rest('UpdateUserRoles', { ...body, NewRoleId: 33 }, a.token)).status, 200);
      assert.deepEqual(await rolesOf(target.user.id), [[33, null], [41, null]]);
      const soap = await call.soap('UpdateUserRoles', `<CustomerId>${a.customer.id}</CustomerId><UserId>${target.user.id}</UserId><DeleteRoleId>33</DeleteRoleId>`, a.token);
      assert.equal(soap.status, 200, soap.text);
      assert.deepEqual(await rolesOf(target.user.id), [[41, null]]);
    });
  });

  describe('"Roles Example for Account Hierarchy": customers reached through customer links', () => {
    it('GetUser lists them with CustomerLinkPermission Administrative or Standard, down the chain (REST and SOAP)', async () => {
      const l1 = await createTestTenant(store, 'sandbox', 'L1');
      const l2 = await createTestTenant(store, 'sandbox', 'L2');
      const l3 = await createTestTenant(store, 'sandbox', 'L3');
      // Links straight through the store API (type CustomerLink, status Active, a permission each).
      const link = (managingCustomerId: bigint, clientEntityId: bigint, customerLinkPermission: string) => store.insertClientLink({
        type: 'CustomerLink', clientEntityId, managingCustomerId, status: 'Active', name: uniqueName('link'), note: null,
        isBillToClient: false, startDate: new Date(), inviterEmail: null, inviterName: null, inviterPhone: null,
        customerLinkPermission, suppressNotification: true, lastModifiedByUserId: null,
      });
      await link(l1.customer.id, l2.customer.id, 'Administrative');
      await link(l2.customer.id, l3.customer.id, 'Standard');
      const expected = [
        [41, l1.customer.id.toString(), undefined],
        [41, l2.customer.id.toString(), 'Administrative'],
        [41, l3.customer.id.toString(), 'Standard'],
      ];
      const rest = await call.rest('GetUser', { UserId: null }, l1.token);
      assert.deepEqual((rest.body.CustomerRoles as Role[]).map((r) => [r.RoleId, r.CustomerId, r.CustomerLinkPermission]), expected);
      const soap = await call.soap('GetUser', '', l1.token);
      assert.deepEqual(findAll(soap.root, 'CustomerRole').map((r) => [Number(text(r, 'RoleId')), text(r, 'CustomerId'), text(r, 'CustomerLinkPermission') || undefined]), expected);
      // The client's own Super Admin sees only their direct role.
      const own = await call.rest('GetUser', { UserId: null }, l3.token);
      assert.deepEqual((own.body.CustomerRoles as Role[]).map((r) => [r.CustomerId, r.CustomerLinkPermission]), [[l3.customer.id.toString(), undefined]]);
    });
  });

  describe('"A Standard user can invite or delete other Standard users, Advertiser Campaign Managers, and Viewers"', () => {
    it('a Standard User deletes a Viewer (REST) and a Standard User (SOAP), but not a Super Admin (106)', async () => {
      const standard = await user([[203, null]]);
      const viewer = await user([[100, null]]);
      const res = await call.rest('DeleteUser', { UserId: viewer.user.id.toString(), TimeStamp: timeStampOf(viewer.user) }, standard.token);
      assert.equal(res.status, 200, res.text);
      const peer = await user([[203, null]]);
      const soap = await call.soap('DeleteUser', `<UserId>${peer.user.id}</UserId><TimeStamp>${timeStampOf(peer.user)}</TimeStamp>`, standard.token);
      assert.equal(soap.status, 200, soap.text);
      assert.deepEqual([(await store.getUser(viewer.user.id))!.lifeCycleStatus, (await store.getUser(peer.user.id))!.lifeCycleStatus], ['Deleted', 'Deleted']);
      const boss = await user([[41, null]]);
      const refused = await call.rest('DeleteUser', { UserId: boss.user.id.toString(), TimeStamp: timeStampOf(boss.user) }, standard.token);
      assert.deepEqual([refused.status, restCodes(refused)], [403, [106]]);
      assert.deepEqual(faultCodes(await call.soap('DeleteUser', `<UserId>${boss.user.id}</UserId><TimeStamp>${timeStampOf(boss.user)}</TimeStamp>`, standard.token)), [106]);
      assert.equal((await store.getUser(boss.user.id))!.lifeCycleStatus, 'Active');
    });

    it('"Standard users can manage some users in the accounts they have access to": within them only', async () => {
      const limited = await user([[203, [a2.id]]]);
      const cid = a.customer.id.toString();
      // Invitations: to their accounts yes; to every account or another account, 106.
      const ok = await call.rest('SendUserInvitation', { UserInvitation: { CustomerId: cid, RoleId: 100, FirstName: 'F', LastName: 'L', Email: 'lim@example.com', AccountIds: [a2.id.toString()] } }, limited.token);
      assert.equal(ok.status, 200, ok.text);
      for (const AccountIds of [null, [a3.id.toString()]]) {
        const res = await call.rest('SendUserInvitation', { UserInvitation: { CustomerId: cid, RoleId: 100, FirstName: 'F', LastName: 'L', Email: 'lim@example.com', AccountIds } }, limited.token);
        assert.deepEqual(restCodes(res), [106], JSON.stringify(AccountIds));
      }
      assert.deepEqual(faultCodes(await call.soap('SendUserInvitation', `<UserInvitation><e:FirstName>F</e:FirstName><e:LastName>L</e:LastName><e:Email>x@example.com</e:Email>`
        + `<e:CustomerId>${cid}</e:CustomerId><e:RoleId>100</e:RoleId></UserInvitation>`, limited.token)), [106]);
      // Roles: a user within A2 may be re-roled within A2; a whole-customer user or account A3 is beyond them.
      const inside = await user([[100, [a2.id]]]);
      const body = { CustomerId: cid, UserId: inside.user.id.toString() };
      assert.equal((await call.rest('UpdateUserRoles', { ...body, NewRoleId: 16, NewAccountIds: [a2.id.toString()] }, limited.token)).status, 200);
      assert.deepEqual(await rolesOf(inside.user.id), [[16, [a2.id]]]);
      assert.deepEqual(restCodes(await call.rest('UpdateUserRoles', { ...body, NewRoleId: 16, NewAccountIds: [a3.id.toString()] }, limited.token)), [106]);
      assert.deepEqual(faultCodes(await call.soap('UpdateUserRoles', `<CustomerId>${cid}</CustomerId><UserId>${inside.user.id}</UserId><NewRoleId>100</NewRoleId>`, limited.token)), [106]);
      const outside = await user([[100, null]]);
      assert.deepEqual(restCodes(await call.rest('UpdateUserRoles', { CustomerId: cid, UserId: outside.user.id.toString(), NewRoleId: 100, NewAccountIds: [a2.id.toString()] }, limited.token)), [106]);
      assert.deepEqual(await rolesOf(outside.user.id), [[100, null]]);
      // UpdateUser and DeleteUser of a user within their accounts; not of one outside them.
      const current = (await store.getUser(inside.user.id))!;
      const upd = await call.rest('UpdateUser', { User: { Id: current.id.toString(), TimeStamp: timeStampOf(current), JobTitle: 'Within' } }, limited.token);
      assert.equal(upd.status, 200, upd.text);
      assert.deepEqual(restCodes(await call.rest('UpdateUser', { User: { Id: outside.user.id.toString(), TimeStamp: timeStampOf(outside.user), JobTitle: 'No' } }, limited.token)), [106]);
      assert.deepEqual(restCodes(await call.rest('DeleteUser', { UserId: outside.user.id.toString(), TimeStamp: timeStampOf(outside.user) }, limited.token)), [106]);
      const latest = (await store.getUser(inside.user.id))!;
      const del = await call.soap('DeleteUser', `<UserId>${latest.id}</UserId><TimeStamp>${timeStampOf(latest)}</TimeStamp>`, limited.token);
      assert.equal(del.status, 200, del.text);
    });

    it('"Only a user with Super Admin or Standard credentials can update users": Viewers and Advertiser Campaign Managers may not, even themselves', async () => {
      for (const roles of [[[100, null]], [[16, [a2.id]]]] as Array<Array<[number, bigint[] | null]>>) {
        const u = await user(roles);
        const rest = await call.rest('UpdateUser', { User: { Id: u.user.id.toString(), TimeStamp: timeStampOf(u.user), JobTitle: 'Self' } }, u.token);
        assert.deepEqual([rest.status, restCodes(rest)], [403, [106]]);
        const soap = await call.soap('UpdateUser', `<User><e:Id>${u.user.id}</e:Id><e:JobTitle>Self</e:JobTitle><e:TimeStamp>${timeStampOf(u.user)}</e:TimeStamp></User>`, u.token);
        assert.deepEqual(faultCodes(soap), [106]);
        assert.equal((await store.getUser(u.user.id))!.version, u.user.version);
      }
    });
  });

  describe('never a user without a role: CustomerRoles has "at minimum one list item"', () => {
    it('UpdateUserRoles refuses to remove a user\'s last role (201), REST and SOAP; another role first, then it may go', async () => {
      const target = await user([[100, null]]);
      const body = { CustomerId: a.customer.id.toString(), UserId: target.user.id.toString() };
      const rest = await call.rest('UpdateUserRoles', { ...body, DeleteRoleId: 100 }, a.token);
      assert.deepEqual([rest.status, restCodes(rest), rest.body.Type], [400, [201], 'ApiFault']);
      assert.deepEqual(faultCodes(await call.soap('UpdateUserRoles',
        `<CustomerId>${a.customer.id}</CustomerId><UserId>${target.user.id}</UserId><DeleteRoleId>100</DeleteRoleId>`, a.token)), [201]);
      const narrowing = await call.rest('UpdateUserRoles', { ...body, DeleteRoleId: 100, NewRoleId: 203 }, a.token);
      assert.equal(narrowing.status, 200, narrowing.text);
      assert.deepEqual(await rolesOf(target.user.id), [[203, null]]);
    });

    it('GetUsersInfo lists exactly the users GetUser then shows (Microsoft\'s invite example), for a manager and for a Viewer', async () => {
      const viewer = await user([[100, null]]);
      const created = await user([]); // created in A, but holding no role there: not a user GetUser can show
      for (const token of [a.token, viewer.token]) {
        const listed = await call.rest('GetUsersInfo', { CustomerId: a.customer.id.toString() }, token);
        assert.equal(listed.status, 200, listed.text);
        const ids = (listed.body.UsersInfo as Array<{ Id: string }>).map((u) => u.Id);
        assert.ok(!ids.includes(created.user.id.toString()));
        assert.ok(ids.length >= 1);
        for (const id of ids) {
          const got = await call.rest('GetUser', { UserId: id }, token);
          assert.equal(got.status, 200, `GetUser ${id}: ${got.text}`);
          assert.ok((got.body.CustomerRoles as Role[]).length >= 1);
        }
        const soap = await call.soap('GetUsersInfo', `<CustomerId>${a.customer.id}</CustomerId>`, token);
        for (const info of findAll(soap.root, 'UserInfo')) {
          const got = await call.soap('GetUser', `<UserId>${text(info, 'Id')}</UserId>`, token);
          assert.equal(got.status, 200, got.text);
          assert.ok(findAll(got.root, 'CustomerRole').length >= 1);
        }
      }
    });
  });
});
