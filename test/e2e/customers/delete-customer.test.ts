// DeleteCustomer end to end over REST and SOAP: "Only internal account managers can delete
// customers" — every customer role gets 106; an operator-designated account manager deletes with
// the current TimeStamp, and the customer and its accounts stay readable as Inactive
// (docs/behaviour.md "Customers").
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { accountsOf, insertTestAccount, ownerOf, type TestTenant } from '../../support/fixtures.js';
import { expectOk } from '../../support/soap-assert.js';
import { ROLES, timeStampOf, useCustomersWorld } from '../../support/customers-world.js';

const world = useCustomersWorld();
const body = (id: bigint, stamp: string | null): [unknown, string] => [
  { CustomerId: id.toString(), ...(stamp === null ? {} : { TimeStamp: stamp }) },
  `<CustomerId>${id}</CustomerId>${stamp === null ? '' : `<TimeStamp>${stamp}</TimeStamp>`}`,
];

async function refusedUnchanged(t: TestTenant, token: string, code: number, stamp?: string | null): Promise<void> {
  const before = await world.customer(t.customer.id);
  const accounts = await accountsOf(world.store, t.customer.id);
  await world.refused('DeleteCustomer', ...body(t.customer.id, stamp === undefined ? timeStampOf(before) : stamp), token, code);
  assert.deepEqual(await world.customer(t.customer.id), before, 'customer unchanged');
  assert.deepEqual(await accountsOf(world.store, t.customer.id), accounts, 'accounts unchanged');
}

describe('DeleteCustomer', () => {
  it('every customer role — Super Admin, Aggregator, Standard, Viewer, Campaign Manager — gets 106, nothing deleted', async () => {
    const t = await world.newTenant('Undeletable');
    await refusedUnchanged(t, t.token, 106);
    for (const role of [ROLES.Aggregator, ROLES.StandardUser, ROLES.Viewer, ROLES.AdvertiserCampaignManager]) {
      const u = await world.newUser(t.customer.id, role, role === ROLES.AdvertiserCampaignManager ? [t.account.id] : null);
      await refusedUnchanged(t, u.token, 106);
    }
    // The agency's Super Admin, through its customer link, neither.
    await refusedUnchanged(world.C, world.A.token, 106);
  });

  it('REST: an account manager deletes it: customer and its accounts Inactive, still readable by its users', async () => {
    const t = await world.newTenant('Doomed');
    const second = await insertTestAccount(world.store, ownerOf(t));
    const r = await world.faces.rest('DeleteCustomer', body(t.customer.id, timeStampOf(t.customer))[0], world.M.token);
    assert.equal(r.status, 200, r.text);
    assert.deepEqual(r.body, {});
    const after = await world.customer(t.customer.id);
    assert.equal(after.lifeCycleStatus, 'Inactive');
    assert.equal(after.lastModifiedByUserId, world.M.user.id);
    assert.equal(after.version, t.customer.version + 1n);
    const accounts = await accountsOf(world.store, t.customer.id);
    assert.deepEqual(accounts.map((a) => [a.id, a.lifeCycleStatus]), [[t.account.id, 'Inactive'], [second.id, 'Inactive']]);
    assert.ok(accounts.every((a) => a.lastModifiedByUserId === world.M.user.id));
    // Its Super Admin keeps the role and reads it as Inactive.
    assert.equal((await world.store.listUserRoles(t.user.id)).length, 1);
    const get = await world.faces.rest('GetCustomer', { CustomerId: t.customer.id.toString() }, t.token);
    assert.equal((get.body.Customer as { CustomerLifeCycleStatus: string }).CustomerLifeCycleStatus, 'Inactive');
  });

  it('SOAP: the same deletion, empty response', async () => {
    const t = await world.newTenant('Doomed soap');
    const res = expectOk(await world.faces.soap('DeleteCustomer', body(t.customer.id, timeStampOf(t.customer))[1], world.M.token), 'DeleteCustomer');
    assert.equal(res.children.length, 0);
    assert.equal((await world.customer(t.customer.id)).lifeCycleStatus, 'Inactive');
  });

  it('account manager: TimeStamp missing → 203, stale → 209, nothing deleted', async () => {
    const t = await world.newTenant('Stale');
    await refusedUnchanged(t, world.M.token, 203, null);
    await refusedUnchanged(t, world.M.token, 209, timeStampOf({ version: t.customer.version + 1n }));
  });

  it('account manager: an unknown id, or a customer already deleted → 210', async () => {
    await world.refused('DeleteCustomer', ...body(999999996n, timeStampOf({ version: 1n })), world.M.token, 210);
    const t = await world.newTenant('Twice');
    await world.store.deleteCustomer(t.customer.id, t.customer.version, world.M.user.id);
    await refusedUnchanged(t, world.M.token, 210);
  });

  it('a revoked account manager is back to 106', async () => {
    const m = await world.newTenant('Former manager');
    await world.store.setAccountManager(m.user.id, true);
    await world.store.setAccountManager(m.user.id, false);
    const t = await world.newTenant('Kept');
    await refusedUnchanged(t, m.token, 106);
  });
});
