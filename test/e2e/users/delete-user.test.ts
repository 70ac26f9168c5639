// DeleteUser on the real server, over REST and SOAP together: what deleting does, who may delete
// whom, the primary user and the caller, TimeStamp (docs/behaviour.md "User management", docs/errors.md).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { find } from '../../support/clients.js';
import { faultCodes, restCodes, timeStampOf } from '../../support/faces.js';
import { addTestAccount, tokenFor } from '../../support/fixtures.js';
import { deleteUserXml, userJson, userXml } from '../../support/user-requests.js';
import { useUsersWorld } from '../../support/users-world.js';

const world = useUsersWorld();

describe('DeleteUser over REST and SOAP', () => {
  it('marks the user Deleted, removes their roles, kills their tokens; GetUsersInfo lists them under Deleted; then everything is 210', async () => {
    const { a, store, call, admin, fresh, stored } = world;
    for (const face of ['REST', 'SOAP'] as const) {
      const target = face === 'REST' ? await fresh(203) : await fresh(16, [a.account.id]);
      const token = await tokenFor(store, target.id);
      assert.equal((await call.rest('GetCurrentUser', {}, token)).status, 200);
      if (face === 'REST') {
        const res = await call.rest('DeleteUser', { UserId: target.id.toString(), TimeStamp: timeStampOf(target) }, admin);
        assert.equal(res.status, 200, res.text);
        assert.deepEqual(res.body, {});
      } else {
        // An empty DeleteUserResponse.
        const res = await call.soap('DeleteUser', deleteUserXml(target.id, timeStampOf(target)), admin);
        assert.equal(res.status, 200, res.text);
        const body = find(res.root, 'DeleteUserResponse');
        assert.ok(body);
        assert.equal(body.children.length, 0);
      }
      const after = await stored(target.id);
      assert.deepEqual([after.lifeCycleStatus, after.version, after.lastModifiedByUserId], ['Deleted', target.version + 1n, a.user.id], face);
      assert.deepEqual(await store.listUserRoles(target.id), []);
      const refused = await call.rest('GetCurrentUser', {}, token);
      assert.deepEqual([refused.status, restCodes(refused)], [401, [105]]);
      const soapRefused = await call.soap('GetUser', '', token);
      assert.deepEqual(faultCodes(soapRefused), [105]);
      const listed = await call.rest('GetUsersInfo', { CustomerId: a.customer.id.toString(), StatusFilter: 'Deleted' }, admin);
      assert.ok((listed.body.UsersInfo as Array<{ Id: string }>).some((u) => u.Id === target.id.toString()));
      const active = await call.rest('GetUsersInfo', { CustomerId: a.customer.id.toString() }, admin);
      assert.ok(!(active.body.UsersInfo as Array<{ Id: string }>).some((u) => u.Id === target.id.toString()));
      // Whatever is asked of a deleted user afterwards, on either face: 210.
      assert.deepEqual(restCodes(await call.rest('DeleteUser', { UserId: target.id.toString(), TimeStamp: timeStampOf(after) }, admin)), [210]);
      assert.deepEqual(faultCodes(await call.soap('DeleteUser', deleteUserXml(target.id, timeStampOf(after)), admin)), [210]);
      assert.deepEqual(restCodes(await call.rest('UpdateUser', { User: userJson(after) }, admin)), [210]);
      assert.deepEqual(faultCodes(await call.soap('UpdateUser', userXml(after), admin)), [210]);
    }
  });

  it('Super Admin (or Standard for lesser roles) only: Viewers and others are 106, as is an unknown user', async () => {
    const { call, admin, fresh, stored } = world;
    const target = await fresh(100);
    const body = { UserId: target.id.toString(), TimeStamp: timeStampOf(target) };
    for (const token of world.lesserTokens) {
      const res = await call.rest('DeleteUser', body, token);
      assert.deepEqual([res.status, restCodes(res)], [403, [106]]);
      assert.deepEqual(faultCodes(await call.soap('DeleteUser', deleteUserXml(target.id, body.TimeStamp), token)), [106]);
    }
    assert.deepEqual(restCodes(await call.rest('DeleteUser', { ...body, UserId: '999999999999' }, admin)), [106]);
    assert.deepEqual(faultCodes(await call.soap('DeleteUser', deleteUserXml('999999999999', body.TimeStamp), admin)), [106]);
    assert.equal((await stored(target.id)).lifeCycleStatus, 'Active');
  });

  it('the primary user of an account cannot be deleted (201); nor can the caller themself (201)', async () => {
    const { a, store, call, admin, fresh, stored } = world;
    const primary = await fresh(203);
    await addTestAccount(store, a.customer.id, primary.id);
    const rest = await call.rest('DeleteUser', { UserId: primary.id.toString(), TimeStamp: timeStampOf(primary) }, admin);
    assert.deepEqual([rest.status, restCodes(rest), rest.body.Type], [400, [201], 'ApiFault']);
    assert.match(String((rest.body.OperationErrors as Array<{ Details: string }>)[0]!.Details), /primary user of 1 account/);
    const soap = await call.soap('DeleteUser', deleteUserXml(primary.id, timeStampOf(primary)), admin);
    assert.deepEqual(faultCodes(soap), [201]);
    assert.equal((await stored(primary.id)).lifeCycleStatus, 'Active');
    assert.equal((await store.listUserRoles(primary.id)).length, 1);
    const self = await call.rest('DeleteUser', { UserId: a.user.id.toString(), TimeStamp: timeStampOf(a.user) }, admin);
    assert.deepEqual(restCodes(self), [201]);
    assert.deepEqual(faultCodes(await call.soap('DeleteUser', deleteUserXml(a.user.id, timeStampOf(a.user)), admin)), [201]);
  });

  it('TimeStamp: missing 203, stale 209; UserId missing 203', async () => {
    const { store, call, admin, fresh, stored } = world;
    const target = await fresh(100);
    assert.deepEqual(restCodes(await call.rest('DeleteUser', { UserId: target.id.toString() }, admin)), [203]);
    assert.deepEqual(faultCodes(await call.soap('DeleteUser', `<UserId>${target.id}</UserId>`, admin)), [203]);
    assert.deepEqual(restCodes(await call.rest('DeleteUser', { TimeStamp: timeStampOf(target) }, admin)), [203]);
    assert.deepEqual(faultCodes(await call.soap('DeleteUser', `<TimeStamp>${timeStampOf(target)}</TimeStamp>`, admin)), [203]);
    await store.updateUser(target.id, target.version, { ...target, jobTitle: 'moved on' });
    const rest = await call.rest('DeleteUser', { UserId: target.id.toString(), TimeStamp: timeStampOf(target) }, admin);
    assert.deepEqual(restCodes(rest), [209]);
    const soap = await call.soap('DeleteUser', deleteUserXml(target.id, timeStampOf(target)), admin);
    assert.deepEqual(faultCodes(soap), [209]);
    assert.equal((await stored(target.id)).lifeCycleStatus, 'Active');
  });
});
