// GetUsersInfo, GetUserMFAStatus, UpdateUser, DeleteUser and UpdateUserRoles on the real server,
// over REST and SOAP: results, what was stored, every permission rule and error code
// (docs/behaviour.md "User management", docs/errors.md).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Tenant } from '../../../src/domain/tenants/create-tenant.js';
import type { AccountRecord, UserRecord } from '../../../src/store/records.js';
import type { Store } from '../../../src/store/store.js';
import { find, findAll, text } from '../../support/clients.js';
import { startServer, type RunningServer } from '../../support/server.js';
import { faces, type Faces, faultCodes, longs, restCodes, timeStampOf } from '../../support/faces.js';
import { addTestAccount, addUser, createTestTenant, tokenFor } from '../../support/fixtures.js';

/** A complete REST User for UpdateUser, from the stored record, with overrides. */
function userJson(u: UserRecord, over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    Id: u.id.toString(), TimeStamp: timeStampOf(u),
    Name: { FirstName: 'Grace', LastName: 'Hopper', MiddleInitial: 'B' },
    JobTitle: 'Rear Admiral', Lcid: 'EnglishUK',
    ContactInfo: {
      Email: 'grace@example.com', EmailFormat: 'Text', Phone1: '+1 555 0101', Phone2: '+1 555 0102', Mobile: '555 0103',
      ContactByPhone: true, ContactByPostalMail: false,
      Address: { Line1: '1 Navy Way', City: 'Arlington', CountryCode: 'us', PostalCode: '22202', StateOrProvince: 'VA', BusinessName: 'ignored' },
    },
    ...over,
  };
}

/** The same User in SOAP. */
function userXml(u: UserRecord, extra = ''): string {
  return `<User><e:ContactInfo><e:Email>self@example.com</e:Email><e:Phone1>555 0199</e:Phone1></e:ContactInfo>`
    + `<e:Id>${u.id}</e:Id><e:Name><e:FirstName>Self</e:FirstName><e:LastName>Service</e:LastName></e:Name>`
    + `<e:TimeStamp>${timeStampOf(u)}</e:TimeStamp>${extra}</User>`;
}

describe('user management over REST and SOAP', () => {
  let server: RunningServer;
  let store: Store;
  let call: Faces;
  let a: Tenant;
  let a2: AccountRecord;
  let admin: string;
  let standard: UserRecord;
  let standardToken: string;
  let viewer: UserRecord;
  let viewerToken: string;
  let acm: UserRecord;
  let acmToken: string;
  let restricted: UserRecord;
  let restrictedToken: string;

  before(async () => {
    server = await startServer();
    store = await server.store();
    call = faces(server);
    a = await createTestTenant(store, 'sandbox', 'A');
    a2 = await addTestAccount(store, a.customer.id);
    standard = await addUser(store, a.customer.id, 203, null, 'standard');
    viewer = await addUser(store, a.customer.id, 100, null, 'viewer');
    acm = await addUser(store, a.customer.id, 16, [a.account.id], 'acm');
    restricted = await addUser(store, a.customer.id, 203, [a.account.id], 'restricted');
    [admin, standardToken, viewerToken, acmToken, restrictedToken] = await Promise.all(
      [a.user, standard, viewer, acm, restricted].map((u) => tokenFor(store, u.id)));
  });
  after(async () => { await server?.stop(); });

  const fresh = (roleId: number | null, accountIds: bigint[] | null = null): Promise<UserRecord> =>
    addUser(store, a.customer.id, roleId, accountIds);
  const stored = async (id: bigint): Promise<UserRecord> => (await store.getUser(id))!;

  describe('GetUsersInfo', () => {
    it('REST: the users of the customer, Id and UserName, in id order; deleted ones only with StatusFilter Deleted', async () => {
      const other = await createTestTenant(store, 'sandbox', 'Other');
      const gone = await addUser(store, a.customer.id, null, null, 'gone');
      await store.updateUser(gone.id, gone.version, { ...gone, lifeCycleStatus: 'Deleted' });
      const res = await call.rest('GetUsersInfo', { CustomerId: a.customer.id.toString() }, admin);
      assert.equal(res.status, 200, res.text);
      const list = res.body.UsersInfo as Array<{ Id: string; UserName: string }>;
      assert.deepEqual(list.slice(0, 5),
        [a.user, standard, viewer, acm, restricted].map((u) => ({ Id: u.id.toString(), UserName: u.userName })));
      const ids = list.map((u) => u.Id);
      assert.deepEqual(ids, [...ids].sort((x, y) => Number(BigInt(x) - BigInt(y))));
      assert.ok(!ids.includes(gone.id.toString()));
      assert.ok(!ids.includes(other.user.id.toString()));
      const deleted = await call.rest('GetUsersInfo', { CustomerId: a.customer.id.toString(), StatusFilter: 'Deleted' }, admin);
      assert.deepEqual(deleted.body.UsersInfo, [{ Id: gone.id.toString(), UserName: gone.userName }]);
      const active = await call.rest('GetUsersInfo', { CustomerId: a.customer.id.toString(), StatusFilter: 'Active' }, admin);
      assert.ok((active.body.UsersInfo as unknown[]).length >= 5);
    });

    it('SOAP: a Viewer and an account-restricted Advertiser Campaign Manager may list the users too', async () => {
      for (const token of [viewerToken, acmToken]) {
        const res = await call.soap('GetUsersInfo', `<CustomerId>${a.customer.id}</CustomerId><StatusFilter>Active</StatusFilter>`, token);
        assert.equal(res.status, 200, res.text);
        const infos = findAll(res.root, 'UserInfo');
        assert.deepEqual(infos.slice(0, 2).map((i) => [text(i, 'Id'), text(i, 'UserName')]),
          [[a.user.id.toString(), a.user.userName], [standard.id.toString(), standard.userName]]);
      }
    });

    it('a customer the caller has no role on is 106; CustomerId missing 203; a bad StatusFilter 201', async () => {
      const other = await createTestTenant(store, 'sandbox', 'Other');
      const rest = await call.rest('GetUsersInfo', { CustomerId: other.customer.id.toString() }, admin);
      assert.equal(rest.status, 403);
      assert.deepEqual(restCodes(rest), [106]);
      const soap = await call.soap('GetUsersInfo', `<CustomerId>${other.customer.id}</CustomerId>`, admin);
      assert.equal(soap.status, 500);
      assert.deepEqual(faultCodes(soap), [106]);
      assert.deepEqual(restCodes(await call.rest('GetUsersInfo', {}, admin)), [203]);
      assert.deepEqual(restCodes(await call.rest('GetUsersInfo', { CustomerId: a.customer.id.toString(), StatusFilter: 'Gone' }, admin)), [201]);
    });
  });

  describe('GetUserMFAStatus', () => {
    it('is false over REST and SOAP (no user signs in with MFA here)', async () => {
      const res = await call.rest('GetUserMFAStatus', {}, viewerToken);
      assert.equal(res.status, 200, res.text);
      assert.equal(res.body.MFAStatus, false);
      const soap = await call.soap('GetUserMFAStatus', '', admin);
      assert.equal(soap.status, 200, soap.text);
      assert.equal(text(soap.root, 'MFAStatus'), 'false');
    });
  });

  describe('UpdateUser', () => {
    it('REST: a Super Admin overwrites a user\'s details; read-only fields are ignored; GetUser shows the result', async () => {
      const target = await fresh(203);
      const res = await call.rest('UpdateUser', {
        User: userJson(target, {
          UserName: 'hijack@example.com', CustomerId: '1', Password: 'secret', UserLifeCycleStatus: 'Inactive',
          SecretQuestion: 'FavoriteMovie', LastModifiedByUserId: '1',
        }),
      }, admin);
      assert.equal(res.status, 200, res.text);
      const after = await stored(target.id);
      assert.equal(res.body.LastModifiedTime, after.lastModifiedTime.toISOString());
      assert.equal(after.version, target.version + 1n);
      assert.equal(after.lastModifiedByUserId, a.user.id);
      assert.deepEqual([after.userName, after.customerId, after.lifeCycleStatus, after.passwordHash],
        [target.userName, target.customerId, 'Active', target.passwordHash]);
      assert.deepEqual([after.firstName, after.lastName, after.middleInitial, after.jobTitle, after.lcid],
        ['Grace', 'Hopper', 'B', 'Rear Admiral', 'EnglishUK']);
      const c = after.contactInfo!;
      assert.equal(c.id, target.contactInfo!.id, 'the contact record keeps its id');
      assert.deepEqual([c.email, c.emailFormat, c.phone1, c.phone2, c.mobile, c.homePhone, c.contactByPhone],
        ['grace@example.com', 'Text', '+1 555 0101', '+1 555 0102', '555 0103', null, true]);
      assert.deepEqual([c.address?.line1, c.address?.countryCode, c.address?.businessName], ['1 Navy Way', 'US', null]);
      const got = await call.rest('GetUser', { UserId: target.id.toString() }, admin);
      const user = got.body.User as Record<string, unknown>;
      assert.deepEqual(user.Name, { FirstName: 'Grace', LastName: 'Hopper', MiddleInitial: 'B' });
      assert.equal(user.TimeStamp, timeStampOf(after));
    });

    it('is a full overwrite: optional fields left out are cleared, Lcid goes back to EnglishUS', async () => {
      const target = await fresh(100);
      const first = await call.rest('UpdateUser', { User: userJson(target) }, admin);
      assert.equal(first.status, 200, first.text);
      const mid = await stored(target.id);
      const res = await call.rest('UpdateUser', {
        User: { Id: target.id.toString(), TimeStamp: timeStampOf(mid), Name: { FirstName: 'Only', LastName: 'Required' },
          ContactInfo: { Email: 'only@example.com', Phone1: '1' } },
      }, admin);
      assert.equal(res.status, 200, res.text);
      const after = await stored(target.id);
      assert.deepEqual([after.middleInitial, after.jobTitle, after.lcid, after.contactInfo?.phone2, after.contactInfo?.address,
        after.contactInfo?.emailFormat], [null, null, 'EnglishUS', null, null, null]);
    });

    it('SOAP: any user may update themself, a Viewer included', async () => {
      const self = await fresh(100);
      const token = await tokenFor(store, self.id);
      const res = await call.soap('UpdateUser', userXml(self), token);
      assert.equal(res.status, 200, res.text);
      const after = await stored(self.id);
      assert.equal(text(res.root, 'LastModifiedTime')?.slice(0, 23), after.lastModifiedTime.toISOString().slice(0, 23));
      assert.deepEqual([after.firstName, after.contactInfo?.email, after.lastModifiedByUserId], ['Self', 'self@example.com', self.id]);
    });

    it('a Standard User may update a Standard User but not a Super Admin (106)', async () => {
      const peer = await fresh(203);
      assert.equal((await call.rest('UpdateUser', { User: userJson(peer) }, standardToken)).status, 200);
      const boss = await fresh(41);
      const rest = await call.rest('UpdateUser', { User: userJson(boss) }, standardToken);
      assert.deepEqual([rest.status, restCodes(rest)], [403, [106]]);
      const soap = await call.soap('UpdateUser', userXml(boss), standardToken);
      assert.deepEqual(faultCodes(soap), [106]);
      assert.equal((await stored(boss.id)).version, boss.version, 'nothing stored');
    });

    it('Viewers, Advertiser Campaign Managers and account-restricted Standard Users may not update others; unknown ids are 106', async () => {
      const target = await fresh(100);
      for (const token of [viewerToken, acmToken, restrictedToken]) {
        assert.deepEqual(restCodes(await call.rest('UpdateUser', { User: userJson(target) }, token)), [106]);
      }
      assert.deepEqual(restCodes(await call.rest('UpdateUser', { User: userJson({ ...target, id: 999999999999n }) }, admin)), [106]);
      assert.equal((await stored(target.id)).version, target.version);
    });

    it('TimeStamp: missing is 203, stale is 209 (REST and SOAP)', async () => {
      const target = await fresh(203);
      assert.deepEqual(restCodes(await call.rest('UpdateUser', { User: userJson(target, { TimeStamp: null }) }, admin)), [203]);
      assert.equal((await call.rest('UpdateUser', { User: userJson(target) }, admin)).status, 200);
      const rest = await call.rest('UpdateUser', { User: userJson(target) }, admin);
      assert.deepEqual([rest.status, restCodes(rest), rest.body.Type], [400, [209], 'ApiFault']);
      const soap = await call.soap('UpdateUser', userXml(target), admin);
      assert.deepEqual(faultCodes(soap), [209]);
    });

    it('validation: User/Id/Name/Email/Phone1 required (203), name > 100 (211), other limits and shapes (201)', async () => {
      const target = await fresh(203);
      const contact = { Email: 'x@example.com', Phone1: '1' };
      const cases: Array<[Record<string, unknown> | null, number]> = [
        [null, 203],
        [userJson(target, { Id: null }), 203],
        [userJson(target, { Name: null }), 203],
        [userJson(target, { Name: { FirstName: ' ', LastName: 'x' } }), 203],
        [userJson(target, { Name: { FirstName: 'x'.repeat(101), LastName: 'x' } }), 211],
        [userJson(target, { Name: { FirstName: 'x', LastName: 'y'.repeat(101) } }), 211],
        [userJson(target, { Name: { FirstName: 'x', LastName: 'y', MiddleInitial: 'AB' } }), 201],
        [userJson(target, { JobTitle: 'j'.repeat(51) }), 201],
        [userJson(target, { ContactInfo: null }), 203],
        [userJson(target, { ContactInfo: { Phone1: '1' } }), 203],
        [userJson(target, { ContactInfo: { Email: 'x@example.com' } }), 203],
        [userJson(target, { ContactInfo: { ...contact, Email: `${'e'.repeat(90)}@example.com` } }), 201],
        [userJson(target, { ContactInfo: { ...contact, Email: 'not-an-address' } }), 201],
        [userJson(target, { ContactInfo: { ...contact, Fax: '9'.repeat(101) } }), 201],
        [userJson(target, { ContactInfo: { ...contact, Address: { City: 'c'.repeat(36) } } }), 201],
        [userJson(target, { ContactInfo: { ...contact, Address: { CountryCode: 'USA' } } }), 201],
      ];
      for (const [user, code] of cases) {
        const res = await call.rest('UpdateUser', { User: user }, admin);
        assert.deepEqual(restCodes(res), [code], `${JSON.stringify(user).slice(0, 200)} → ${res.text}`);
      }
      assert.deepEqual(faultCodes(await call.soap('UpdateUser', '<User i:nil="true"/>', admin)), [203]);
      assert.equal((await stored(target.id)).version, target.version, 'nothing stored');
      // Limits are inclusive.
      const edge = await call.rest('UpdateUser', { User: userJson(target, { Name: { FirstName: 'f'.repeat(100), LastName: 'l', MiddleInitial: 'Q' }, JobTitle: 'j'.repeat(50) }) }, admin);
      assert.equal(edge.status, 200, edge.text);
    });
  });

  describe('DeleteUser', () => {
    it('REST: marks the user Deleted, removes their roles, kills their tokens; GetUsersInfo lists them under Deleted', async () => {
      const target = await fresh(203);
      const token = await tokenFor(store, target.id);
      assert.equal((await call.rest('GetCurrentUser', {}, token)).status, 200);
      const res = await call.rest('DeleteUser', { UserId: target.id.toString(), TimeStamp: timeStampOf(target) }, admin);
      assert.equal(res.status, 200, res.text);
      assert.deepEqual(res.body, {});
      const after = await stored(target.id);
      assert.deepEqual([after.lifeCycleStatus, after.version, after.lastModifiedByUserId], ['Deleted', target.version + 1n, a.user.id]);
      assert.deepEqual(await store.listUserRoles(target.id), []);
      const refused = await call.rest('GetCurrentUser', {}, token);
      assert.deepEqual([refused.status, restCodes(refused)], [401, [105]]);
      const soapRefused = await call.soap('GetUser', '', token);
      assert.deepEqual(faultCodes(soapRefused), [105]);
      const listed = await call.rest('GetUsersInfo', { CustomerId: a.customer.id.toString(), StatusFilter: 'Deleted' }, admin);
      assert.ok((listed.body.UsersInfo as Array<{ Id: string }>).some((u) => u.Id === target.id.toString()));
      const active = await call.rest('GetUsersInfo', { CustomerId: a.customer.id.toString() }, admin);
      assert.ok(!(active.body.UsersInfo as Array<{ Id: string }>).some((u) => u.Id === target.id.toString()));
      // Whatever is asked of a deleted user afterwards: 210.
      assert.deepEqual(restCodes(await call.rest('DeleteUser', { UserId: target.id.toString(), TimeStamp: timeStampOf(after) }, admin)), [210]);
      assert.deepEqual(restCodes(await call.rest('UpdateUser', { User: userJson(after) }, admin)), [210]);
    });

    it('SOAP: an empty DeleteUserResponse', async () => {
      const target = await fresh(16, [a.account.id]);
      const res = await call.soap('DeleteUser', `<UserId>${target.id}</UserId><TimeStamp>${timeStampOf(target)}</TimeStamp>`, admin);
      assert.equal(res.status, 200, res.text);
      const body = find(res.root, 'DeleteUserResponse');
      assert.ok(body);
      assert.equal(body.children.length, 0);
      assert.equal((await stored(target.id)).lifeCycleStatus, 'Deleted');
    });

    it('Super Admin only: Standard Users, Viewers and others are 106, as is an unknown user', async () => {
      const target = await fresh(100);
      const body = { UserId: target.id.toString(), TimeStamp: timeStampOf(target) };
      for (const token of [standardToken, viewerToken, acmToken]) {
        const res = await call.rest('DeleteUser', body, token);
        assert.deepEqual([res.status, restCodes(res)], [403, [106]]);
      }
      assert.deepEqual(faultCodes(await call.soap('DeleteUser', `<UserId>${target.id}</UserId><TimeStamp>${body.TimeStamp}</TimeStamp>`, standardToken)), [106]);
      assert.deepEqual(restCodes(await call.rest('DeleteUser', { ...body, UserId: '999999999999' }, admin)), [106]);
      assert.equal((await stored(target.id)).lifeCycleStatus, 'Active');
    });

    it('the primary user of an account cannot be deleted (201); nor can the caller themself (201)', async () => {
      const primary = await fresh(203);
      await addTestAccount(store, a.customer.id, primary.id);
      const rest = await call.rest('DeleteUser', { UserId: primary.id.toString(), TimeStamp: timeStampOf(primary) }, admin);
      assert.deepEqual([rest.status, restCodes(rest), rest.body.Type], [400, [201], 'ApiFault']);
      assert.match(String((rest.body.OperationErrors as Array<{ Details: string }>)[0]!.Details), /primary user of 1 account/);
      const soap = await call.soap('DeleteUser', `<UserId>${primary.id}</UserId><TimeStamp>${timeStampOf(primary)}</TimeStamp>`, admin);
      assert.deepEqual(faultCodes(soap), [201]);
      assert.equal((await stored(primary.id)).lifeCycleStatus, 'Active');
      assert.equal((await store.listUserRoles(primary.id)).length, 1);
      const self = await call.rest('DeleteUser', { UserId: a.user.id.toString(), TimeStamp: timeStampOf(a.user) }, admin);
      assert.deepEqual(restCodes(self), [201]);
    });

    it('TimeStamp: missing 203, stale 209; UserId missing 203', async () => {
      const target = await fresh(100);
      assert.deepEqual(restCodes(await call.rest('DeleteUser', { UserId: target.id.toString() }, admin)), [203]);
      assert.deepEqual(restCodes(await call.rest('DeleteUser', { TimeStamp: timeStampOf(target) }, admin)), [203]);
      await store.updateUser(target.id, target.version, { ...target, jobTitle: 'moved on' });
      const rest = await call.rest('DeleteUser', { UserId: target.id.toString(), TimeStamp: timeStampOf(target) }, admin);
      assert.deepEqual(restCodes(rest), [209]);
      const soap = await call.soap('DeleteUser', `<UserId>${target.id}</UserId><TimeStamp>${timeStampOf(target)}</TimeStamp>`, admin);
      assert.deepEqual(faultCodes(soap), [209]);
      assert.equal((await stored(target.id)).lifeCycleStatus, 'Active');
    });
  });

  describe('UpdateUserRoles', () => {
    const roles = async (id: bigint): Promise<Array<[bigint, number, bigint[] | null]>> =>
      (await store.listUserRoles(id)).map((r) => [r.customerId, r.roleId, r.accountIds]);

    it('REST: a new role over the whole customer replaces the old one; LastModifiedTime and TimeStamp move', async () => {
      const target = await fresh(100);
      const res = await call.rest('UpdateUserRoles', {
        CustomerId: a.customer.id.toString(), UserId: target.id.toString(), NewRoleId: 203,
      }, admin);
      assert.equal(res.status, 200, res.text);
      const after = await stored(target.id);
      assert.equal(res.body.LastModifiedTime, after.lastModifiedTime.toISOString());
      assert.deepEqual([after.version, after.lastModifiedByUserId], [target.version + 1n, a.user.id]);
      assert.deepEqual(await roles(target.id), [[a.customer.id, 203, null]]);
      const got = await call.rest('GetUser', { UserId: target.id.toString() }, admin);
      assert.deepEqual((got.body.CustomerRoles as Array<Record<string, unknown>>).map((r) => [r.RoleId, r.CustomerId, r.AccountIds]),
        [[203, a.customer.id.toString(), undefined]]);
    });

    it('SOAP: the documented examples — narrow an account list, then widen it to the whole customer', async () => {
      const a3 = await addTestAccount(store, a.customer.id);
      const target = await fresh(16, [a.account.id, a2.id, a3.id]);
      // "no longer want the user to manage 456": New 16 [123, 789], Delete 16 [456].
      const narrow = await call.soap('UpdateUserRoles', `<CustomerId>${a.customer.id}</CustomerId><UserId>${target.id}</UserId>`
        + `<NewRoleId>16</NewRoleId>${longs('NewAccountIds', [a.account.id, a3.id])}`
        + `<DeleteRoleId>16</DeleteRoleId>${longs('DeleteAccountIds', [a2.id])}`, admin);
      assert.equal(narrow.status, 200, narrow.text);
      assert.ok(text(narrow.root, 'LastModifiedTime'));
      assert.deepEqual(await roles(target.id), [[a.customer.id, 16, [a.account.id, a3.id]]]);
      // "now you want the user to manage all accounts": New 16 with NewAccountIds nil, Delete 16 all of them.
      const widen = await call.soap('UpdateUserRoles', `<CustomerId>${a.customer.id}</CustomerId><UserId>${target.id}</UserId>`
        + `<NewRoleId>16</NewRoleId><NewAccountIds i:nil="true"/>`
        + `<DeleteRoleId>16</DeleteRoleId>${longs('DeleteAccountIds', [a.account.id, a2.id, a3.id])}`, admin);
      assert.equal(widen.status, 200, widen.text);
      assert.deepEqual(await roles(target.id), [[a.customer.id, 16, null]]);
    });

    it('adds accounts to an account list; a Super Admin cannot be restricted to accounts; deleting the role removes it', async () => {
      const target = await fresh(100, [a.account.id]);
      const body = { CustomerId: a.customer.id.toString(), UserId: target.id.toString() };
      assert.equal((await call.rest('UpdateUserRoles', { ...body, NewRoleId: 100, NewAccountIds: [a2.id.toString()] }, admin)).status, 200);
      assert.deepEqual(await roles(target.id), [[a.customer.id, 100, [a.account.id, a2.id]]]);
      assert.equal((await call.rest('UpdateUserRoles', { ...body, NewRoleId: 41, NewAccountIds: [a2.id.toString()] }, admin)).status, 200);
      assert.deepEqual(await roles(target.id), [[a.customer.id, 41, null]]);
      const version = (await stored(target.id)).version;
      // Deleting a role the user does not hold changes nothing (and succeeds).
      assert.equal((await call.rest('UpdateUserRoles', { ...body, DeleteRoleId: 16 }, admin)).status, 200);
      assert.equal((await stored(target.id)).version, version);
      assert.equal((await call.rest('UpdateUserRoles', { ...body, DeleteRoleId: 41 }, admin)).status, 200);
      assert.deepEqual(await roles(target.id), []);
      const listed = await call.rest('GetUsersInfo', { CustomerId: a.customer.id.toString() }, admin);
      assert.ok((listed.body.UsersInfo as Array<{ Id: string }>).some((u) => u.Id === target.id.toString()),
        'still a user of the customer they were created in');
    });

    it('NewCustomerIds and DeleteCustomerIds, on customers the caller manages', async () => {
      const other = await createTestTenant(store, 'sandbox', 'Second');
      await store.putUserRole({ userId: a.user.id, customerId: other.customer.id, roleId: 41, accountIds: null });
      const target = await fresh(203);
      const body = { CustomerId: a.customer.id.toString(), UserId: target.id.toString() };
      const res = await call.rest('UpdateUserRoles', { ...body, NewRoleId: 100, NewCustomerIds: [other.customer.id.toString()] }, admin);
      assert.equal(res.status, 200, res.text);
      assert.deepEqual(await roles(target.id), [[a.customer.id, 203, null], [other.customer.id, 100, null]]);
      assert.equal((await call.rest('UpdateUserRoles', { ...body, DeleteRoleId: 100, DeleteCustomerIds: [other.customer.id.toString()] }, admin)).status, 200);
      assert.deepEqual(await roles(target.id), [[a.customer.id, 203, null]]);
    });

    it('a Standard User manages lesser roles but cannot set or modify a Super Admin or Aggregator (106)', async () => {
      const target = await fresh(100);
      const body = { CustomerId: a.customer.id.toString(), UserId: target.id.toString() };
      assert.equal((await call.rest('UpdateUserRoles', { ...body, NewRoleId: 16, NewAccountIds: [a2.id.toString()] }, standardToken)).status, 200);
      assert.deepEqual(await roles(target.id), [[a.customer.id, 16, [a2.id]]]);
      for (const newRole of [41, 33]) {
        const res = await call.rest('UpdateUserRoles', { ...body, NewRoleId: newRole }, standardToken);
        assert.deepEqual([res.status, restCodes(res)], [403, [106]], `NewRoleId ${newRole}`);
      }
      const boss = await fresh(41);
      const bossBody = { CustomerId: a.customer.id.toString(), UserId: boss.id.toString() };
      assert.deepEqual(restCodes(await call.rest('UpdateUserRoles', { ...bossBody, NewRoleId: 100 }, standardToken)), [106]);
      assert.deepEqual(faultCodes(await call.soap('UpdateUserRoles',
        `<CustomerId>${a.customer.id}</CustomerId><UserId>${boss.id}</UserId><DeleteRoleId>41</DeleteRoleId>`, standardToken)), [106]);
      assert.deepEqual(await roles(boss.id), [[a.customer.id, 41, null]]);
    });

    it('Viewers, Advertiser Campaign Managers and account-restricted Standard Users are 106', async () => {
      const target = await fresh(100);
      for (const token of [viewerToken, acmToken, restrictedToken]) {
        const res = await call.rest('UpdateUserRoles', { CustomerId: a.customer.id.toString(), UserId: target.id.toString(), NewRoleId: 16 }, token);
        assert.deepEqual(restCodes(res), [106]);
      }
      assert.deepEqual(await roles(target.id), [[a.customer.id, 100, null]]);
    });

    it('validation: unknown role 201, lists without a role 203, nothing asked 203, stray accounts 2108, deleted user 210', async () => {
      const target = await fresh(100);
      const other = await createTestTenant(store, 'sandbox', 'Stray');
      const body = { CustomerId: a.customer.id.toString(), UserId: target.id.toString() };
      const cases: Array<[Record<string, unknown>, number]> = [
        [{ ...body, NewRoleId: 42 }, 201],
        [{ ...body, DeleteRoleId: 1 }, 201],
        [{ ...body, NewAccountIds: [a2.id.toString()] }, 203],
        [{ ...body, DeleteRoleId: null, DeleteCustomerIds: [a.customer.id.toString()], NewRoleId: 16 }, 203],
        [body, 203],
        [{ ...body, UserId: undefined, NewRoleId: 16 }, 203],
        [{ ...body, NewRoleId: 16, NewAccountIds: [other.account.id.toString()] }, 2108],
        [{ ...body, NewRoleId: 16, NewAccountIds: ['999999999999'] }, 2108],
        [{ ...body, DeleteRoleId: 100, DeleteAccountIds: [other.account.id.toString()] }, 2108],
      ];
      for (const [request, code] of cases) {
        const res = await call.rest('UpdateUserRoles', request, admin);
        assert.deepEqual(restCodes(res), [code], `${JSON.stringify(request)} → ${res.text}`);
      }
      assert.deepEqual(faultCodes(await call.soap('UpdateUserRoles',
        `<CustomerId>${a.customer.id}</CustomerId><UserId>${target.id}</UserId><NewRoleId>7</NewRoleId>`, admin)), [201]);
      assert.deepEqual(await roles(target.id), [[a.customer.id, 100, null]]);
      await store.deleteUser(target.id, target.version, new Date(), a.user.id);
      assert.deepEqual(restCodes(await call.rest('UpdateUserRoles', { ...body, NewRoleId: 16 }, admin)), [210]);
      assert.deepEqual(faultCodes(await call.soap('UpdateUserRoles',
        `<CustomerId>${a.customer.id}</CustomerId><UserId>${target.id}</UserId><NewRoleId>16</NewRoleId>`, admin)), [210]);
    });
  });
});
