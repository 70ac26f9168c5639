// UpdateUserRoles on the real server, over REST and SOAP together: the documented examples, role
// and scope changes, who may change whose roles, validation
// (docs/behaviour.md "User management", docs/errors.md).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { find, findAll, text } from '../../support/clients.js';
import { faultCodes, longs, restCodes } from '../../support/faces.js';
import { addTestAccount, createTestTenant } from '../../support/fixtures.js';
import { rolesJson, rolesXml, type RolesChange } from '../../support/user-requests.js';
import { useUsersWorld } from '../../support/users-world.js';

const world = useUsersWorld();
const FACES = ['REST', 'SOAP'] as const;
type Face = typeof FACES[number];

/** UpdateUserRoles over one face: 200 or the error codes. */
async function change(face: Face, request: RolesChange, token: string): Promise<{ status: number; codes: number[]; text: string }> {
  if (face === 'REST') {
    const r = await world.call.rest('UpdateUserRoles', rolesJson(request), token);
    return { status: r.status, codes: restCodes(r), text: r.text };
  }
  const r = await world.call.soap('UpdateUserRoles', rolesXml(request), token);
  return { status: r.status, codes: faultCodes(r), text: r.text };
}

describe('UpdateUserRoles over REST and SOAP', () => {
  it('a new role over the whole customer replaces the old one; LastModifiedTime and TimeStamp move; GetUser shows it', async () => {
    const { a, call, admin, fresh, stored, roles } = world;
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

    const soapTarget = await fresh(100);
    const soap = await call.soap('UpdateUserRoles', rolesXml({ CustomerId: a.customer.id, UserId: soapTarget.id, NewRoleId: 203 }), admin);
    assert.equal(soap.status, 200, soap.text);
    const soapAfter = await stored(soapTarget.id);
    assert.equal(text(soap.root, 'LastModifiedTime')?.slice(0, 23), soapAfter.lastModifiedTime.toISOString().slice(0, 23));
    assert.deepEqual([soapAfter.version, soapAfter.lastModifiedByUserId], [soapTarget.version + 1n, a.user.id]);
    assert.deepEqual(await roles(soapTarget.id), [[a.customer.id, 203, null]]);
    const seen = await call.soap('GetUser', `<UserId>${soapTarget.id}</UserId>`, admin);
    assert.deepEqual(findAll(seen.root, 'CustomerRole').map((r) => [text(r, 'RoleId'), text(r, 'CustomerId'),
      find(r, 'AccountIds')?.attributes.get('{http://www.w3.org/2001/XMLSchema-instance}nil')]), [['203', a.customer.id.toString(), 'true']]);
  });

  it('the documented examples — narrow an account list, then widen it to the whole customer', async () => {
    const { a, a2, store, call, admin, fresh, roles } = world;
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

    // The same two examples over REST.
    const restTarget = await fresh(16, [a.account.id, a2.id, a3.id]);
    const body = { CustomerId: a.customer.id.toString(), UserId: restTarget.id.toString() };
    const restNarrow = await call.rest('UpdateUserRoles', { ...body, NewRoleId: 16, NewAccountIds: [a.account.id.toString(), a3.id.toString()],
      DeleteRoleId: 16, DeleteAccountIds: [a2.id.toString()] }, admin);
    assert.equal(restNarrow.status, 200, restNarrow.text);
    assert.ok(restNarrow.body.LastModifiedTime);
    assert.deepEqual(await roles(restTarget.id), [[a.customer.id, 16, [a.account.id, a3.id]]]);
    const restWiden = await call.rest('UpdateUserRoles', { ...body, NewRoleId: 16, NewAccountIds: null,
      DeleteRoleId: 16, DeleteAccountIds: [a.account.id, a2.id, a3.id].map(String) }, admin);
    assert.equal(restWiden.status, 200, restWiden.text);
    assert.deepEqual(await roles(restTarget.id), [[a.customer.id, 16, null]]);
  });

  it('adds accounts to an account list; a Super Admin cannot be restricted to accounts; the last role cannot be deleted (201)', async () => {
    const { a, a2, call, admin, fresh, stored, roles } = world;
    for (const face of FACES) {
      const target = await fresh(100, [a.account.id]);
      const ids = { CustomerId: a.customer.id, UserId: target.id };
      assert.equal((await change(face, { ...ids, NewRoleId: 100, NewAccountIds: [a2.id] }, admin)).status, 200, face);
      assert.deepEqual(await roles(target.id), [[a.customer.id, 100, [a.account.id, a2.id]]], face);
      assert.equal((await change(face, { ...ids, NewRoleId: 41, NewAccountIds: [a2.id] }, admin)).status, 200, face);
      assert.deepEqual(await roles(target.id), [[a.customer.id, 41, null]], face);
      const version = (await stored(target.id)).version;
      // Deleting a role the user does not hold changes nothing (and succeeds).
      assert.equal((await change(face, { ...ids, DeleteRoleId: 16 }, admin)).status, 200, face);
      assert.equal((await stored(target.id)).version, version, face);
      // GetUser's CustomerRoles has "at minimum one list item": the last role stays, on both faces.
      const last = await call.rest('UpdateUserRoles', { ...rolesJson(ids), DeleteRoleId: 41 }, admin);
      assert.deepEqual([last.status, restCodes(last), last.body.Type], [400, [201], 'ApiFault']);
      assert.deepEqual(faultCodes(await call.soap('UpdateUserRoles',
        `<CustomerId>${a.customer.id}</CustomerId><UserId>${target.id}</UserId><DeleteRoleId>41</DeleteRoleId>`, admin)), [201]);
      assert.deepEqual(await roles(target.id), [[a.customer.id, 41, null]]);
      assert.equal((await stored(target.id)).version, version);
    }
  });

  it('NewCustomerIds and DeleteCustomerIds, on customers the caller manages', async () => {
    const { a, store, admin, fresh, roles } = world;
    const other = await createTestTenant(store, 'sandbox', 'Second');
    await store.putUserRole({ userId: a.user.id, customerId: other.customer.id, roleId: 41, accountIds: null });
    for (const face of FACES) {
      const target = await fresh(203);
      const ids = { CustomerId: a.customer.id, UserId: target.id };
      const res = await change(face, { ...ids, NewRoleId: 100, NewCustomerIds: [other.customer.id] }, admin);
      assert.equal(res.status, 200, `${face}: ${res.text}`);
      assert.deepEqual(await roles(target.id), [[a.customer.id, 203, null], [other.customer.id, 100, null]], face);
      assert.equal((await change(face, { ...ids, DeleteRoleId: 100, DeleteCustomerIds: [other.customer.id] }, admin)).status, 200, face);
      assert.deepEqual(await roles(target.id), [[a.customer.id, 203, null]], face);
    }
  });

  it('a Standard User manages lesser roles but cannot set or modify a Super Admin or Aggregator (106)', async () => {
    const { a, a2, call, fresh, roles } = world;
    const standardToken = world.standard.token;
    for (const face of FACES) {
      const target = await fresh(100);
      const ids = { CustomerId: a.customer.id, UserId: target.id };
      assert.equal((await change(face, { ...ids, NewRoleId: 16, NewAccountIds: [a2.id] }, standardToken)).status, 200, face);
      assert.deepEqual(await roles(target.id), [[a.customer.id, 16, [a2.id]]], face);
      for (const newRole of [41, 33]) {
        const res = await change(face, { ...ids, NewRoleId: newRole }, standardToken);
        assert.deepEqual([res.status, res.codes], [face === 'REST' ? 403 : 500, [106]], `${face} NewRoleId ${newRole}`);
      }
    }
    const boss = await fresh(41);
    const bossBody = { CustomerId: a.customer.id.toString(), UserId: boss.id.toString() };
    assert.deepEqual(restCodes(await call.rest('UpdateUserRoles', { ...bossBody, NewRoleId: 100 }, standardToken)), [106]);
    assert.deepEqual(faultCodes(await call.soap('UpdateUserRoles', rolesXml({ CustomerId: a.customer.id, UserId: boss.id, NewRoleId: 100 }), standardToken)), [106]);
    assert.deepEqual(restCodes(await call.rest('UpdateUserRoles', { ...bossBody, DeleteRoleId: 41 }, standardToken)), [106]);
    assert.deepEqual(faultCodes(await call.soap('UpdateUserRoles',
      `<CustomerId>${a.customer.id}</CustomerId><UserId>${boss.id}</UserId><DeleteRoleId>41</DeleteRoleId>`, standardToken)), [106]);
    assert.deepEqual(await roles(boss.id), [[a.customer.id, 41, null]]);
  });

  it('Viewers, Advertiser Campaign Managers and account-restricted Standard Users are 106', async () => {
    const { a, call, fresh, roles } = world;
    const target = await fresh(100);
    for (const token of world.lesserTokens) {
      const res = await call.rest('UpdateUserRoles', { CustomerId: a.customer.id.toString(), UserId: target.id.toString(), NewRoleId: 16 }, token);
      assert.deepEqual(restCodes(res), [106]);
      assert.deepEqual(faultCodes(await call.soap('UpdateUserRoles', rolesXml({ CustomerId: a.customer.id, UserId: target.id, NewRoleId: 16 }), token)), [106]);
    }
    assert.deepEqual(await roles(target.id), [[a.customer.id, 100, null]]);
  });

  it('validation: unknown role 201, lists without a role 203, nothing asked 203, stray accounts 2108, deleted user 210', async () => {
    const { a, a2, store, call, admin, fresh, roles } = world;
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
    // The same rules in SOAP.
    const ids = { CustomerId: a.customer.id, UserId: target.id };
    const soapCases: Array<[string, number]> = [
      [rolesXml({ ...ids, DeleteRoleId: 1 }), 201],
      [rolesXml({ ...ids, NewAccountIds: [a2.id] }), 203],
      [rolesXml({ ...ids, NewRoleId: 16, DeleteCustomerIds: [a.customer.id] }), 203],
      [rolesXml(ids), 203],
      [`<CustomerId>${a.customer.id}</CustomerId><NewRoleId>16</NewRoleId>`, 203],
      [rolesXml({ ...ids, NewRoleId: 16, NewAccountIds: [other.account.id] }), 2108],
      [rolesXml({ ...ids, NewRoleId: 16, NewAccountIds: [999999999999n] }), 2108],
      [rolesXml({ ...ids, DeleteRoleId: 100, DeleteAccountIds: [other.account.id] }), 2108],
    ];
    for (const [inner, code] of soapCases) {
      const res = await call.soap('UpdateUserRoles', inner, admin);
      assert.deepEqual(faultCodes(res), [code], `${inner} → ${res.text.slice(0, 400)}`);
    }
    assert.deepEqual(await roles(target.id), [[a.customer.id, 100, null]]);
    await store.deleteUser(target.id, target.version, new Date(), a.user.id);
    assert.deepEqual(restCodes(await call.rest('UpdateUserRoles', { ...body, NewRoleId: 16 }, admin)), [210]);
    assert.deepEqual(faultCodes(await call.soap('UpdateUserRoles',
      `<CustomerId>${a.customer.id}</CustomerId><UserId>${target.id}</UserId><NewRoleId>16</NewRoleId>`, admin)), [210]);
  });
});
