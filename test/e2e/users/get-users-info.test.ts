// GetUsersInfo on the real server, over REST and SOAP together: the users of a customer in id order,
// Deleted ones only on request, what lesser roles see, and the refusals
// (docs/behaviour.md "User management", docs/errors.md).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { findAll, text } from '../../support/clients.js';
import { faultCodes, restCodes } from '../../support/faces.js';
import { addUser, createTestTenant } from '../../support/fixtures.js';
import { useUsersWorld } from '../../support/users-world.js';

const world = useUsersWorld();

describe('GetUsersInfo over REST and SOAP', () => {
  /** The (Id, UserName) pairs of a SOAP GetUsersInfoResponse. */
  const soapInfos = (root: Parameters<typeof findAll>[0]): Array<{ Id: string; UserName: string }> =>
    findAll(root, 'UserInfo').map((i) => ({ Id: text(i, 'Id')!, UserName: text(i, 'UserName')! }));

  it('the users of the customer, Id and UserName, in id order; deleted ones only with StatusFilter Deleted', async () => {
    const { a, store, call, admin } = world;
    const other = await createTestTenant(store, 'sandbox', 'Other');
    const gone = await addUser(store, a.customer.id, null, null, 'gone');
    await store.updateUser(gone.id, gone.version, { ...gone, lifeCycleStatus: 'Deleted' });
    const res = await call.rest('GetUsersInfo', { CustomerId: a.customer.id.toString() }, admin);
    assert.equal(res.status, 200, res.text);
    const list = res.body.UsersInfo as Array<{ Id: string; UserName: string }>;
    assert.deepEqual(list.slice(0, 5),
      [a.user, world.standard.user, world.viewer.user, world.acm.user, world.restricted.user].map((u) => ({ Id: u.id.toString(), UserName: u.userName })));
    const ids = list.map((u) => u.Id);
    assert.deepEqual(ids, [...ids].sort((x, y) => Number(BigInt(x) - BigInt(y))));
    assert.ok(!ids.includes(gone.id.toString()));
    assert.ok(!ids.includes(other.user.id.toString()));
    const soap = await call.soap('GetUsersInfo', `<CustomerId>${a.customer.id}</CustomerId>`, admin);
    assert.equal(soap.status, 200, soap.text);
    assert.deepEqual(soapInfos(soap.root), list, 'SOAP lists what REST lists');

    const deleted = await call.rest('GetUsersInfo', { CustomerId: a.customer.id.toString(), StatusFilter: 'Deleted' }, admin);
    assert.deepEqual(deleted.body.UsersInfo, [{ Id: gone.id.toString(), UserName: gone.userName }]);
    const soapDeleted = await call.soap('GetUsersInfo', `<CustomerId>${a.customer.id}</CustomerId><StatusFilter>Deleted</StatusFilter>`, admin);
    assert.deepEqual(soapInfos(soapDeleted.root), [{ Id: gone.id.toString(), UserName: gone.userName }]);
    const active = await call.rest('GetUsersInfo', { CustomerId: a.customer.id.toString(), StatusFilter: 'Active' }, admin);
    assert.ok((active.body.UsersInfo as unknown[]).length >= 5);
    const soapActive = await call.soap('GetUsersInfo', `<CustomerId>${a.customer.id}</CustomerId><StatusFilter>Active</StatusFilter>`, admin);
    assert.ok(soapInfos(soapActive.root).length >= 5);
  });

  it('a Viewer and an account-restricted Advertiser Campaign Manager may list, and see themselves only (what GetUser shows them)', async () => {
    const { a, call } = world;
    for (const { token, user: self } of [world.viewer, world.acm]) {
      const res = await call.soap('GetUsersInfo', `<CustomerId>${a.customer.id}</CustomerId><StatusFilter>Active</StatusFilter>`, token);
      assert.equal(res.status, 200, res.text);
      const infos = findAll(res.root, 'UserInfo');
      assert.deepEqual(infos.map((i) => [text(i, 'Id'), text(i, 'UserName')]), [[self.id.toString(), self.userName]]);
      const json = await call.rest('GetUsersInfo', { CustomerId: a.customer.id.toString(), StatusFilter: 'Active' }, token);
      assert.equal(json.status, 200, json.text);
      assert.deepEqual(json.body.UsersInfo, [{ Id: self.id.toString(), UserName: self.userName }]);
    }
  });

  it('a customer the caller has no role on is 106; CustomerId missing 203; a bad StatusFilter 201', async () => {
    const { a, store, call, admin } = world;
    const other = await createTestTenant(store, 'sandbox', 'Other');
    const rest = await call.rest('GetUsersInfo', { CustomerId: other.customer.id.toString() }, admin);
    assert.equal(rest.status, 403);
    assert.deepEqual(restCodes(rest), [106]);
    const soap = await call.soap('GetUsersInfo', `<CustomerId>${other.customer.id}</CustomerId>`, admin);
    assert.equal(soap.status, 500);
    assert.deepEqual(faultCodes(soap), [106]);
    assert.deepEqual(restCodes(await call.rest('GetUsersInfo', {}, admin)), [203]);
    assert.deepEqual(faultCodes(await call.soap('GetUsersInfo', '', admin)), [203]);
    assert.deepEqual(restCodes(await call.rest('GetUsersInfo', { CustomerId: a.customer.id.toString(), StatusFilter: 'Gone' }, admin)), [201]);
    assert.deepEqual(faultCodes(await call.soap('GetUsersInfo',
      `<CustomerId>${a.customer.id}</CustomerId><StatusFilter>Gone</StatusFilter>`, admin)), [201]);
  });
});
