// UpgradeCustomerToAgency end to end over REST and SOAP: the customer's own Super Admin marks it
// an agency; again is a no-op; everyone else 106; a deleted customer 210.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { expectOk } from '../../support/soap-assert.js';
import { ROLES, useCustomersWorld } from '../../support/customers-world.js';

const world = useCustomersWorld();
const req = (id: bigint): [unknown, string] => [{ CustomerId: id.toString() }, `<CustomerId>${id}</CustomerId>`];

describe('UpgradeCustomerToAgency', () => {
  it('REST: the Super Admin marks the customer an agency (version and audit move)', async () => {
    const t = await world.newTenant('Upgrade');
    const r = await world.faces.rest('UpgradeCustomerToAgency', req(t.customer.id)[0], t.token);
    assert.equal(r.status, 200, r.text);
    assert.deepEqual(r.body, {});
    const after = await world.customer(t.customer.id);
    assert.equal(after.isAgency, true);
    assert.equal(after.version, t.customer.version + 1n);
    assert.equal(after.lastModifiedByUserId, t.user.id);
  });

  it('SOAP: the same; upgrading an agency again succeeds and changes nothing', async () => {
    const t = await world.newTenant('Upgrade soap');
    expectOk(await world.faces.soap('UpgradeCustomerToAgency', req(t.customer.id)[1], t.token), 'UpgradeCustomerToAgency');
    const once = await world.customer(t.customer.id);
    assert.equal(once.isAgency, true);
    expectOk(await world.faces.soap('UpgradeCustomerToAgency', req(t.customer.id)[1], t.token), 'UpgradeCustomerToAgency');
    assert.deepEqual(await world.customer(t.customer.id), once);
  });

  it('Aggregator, Standard, Viewer, the agency through its link, another tenant, an unknown id → 106, nothing stored', async () => {
    const t = await world.newTenant('Not upgraded');
    for (const role of [ROLES.Aggregator, ROLES.StandardUser, ROLES.Viewer]) {
      const u = await world.newUser(t.customer.id, role);
      await world.refused('UpgradeCustomerToAgency', ...req(t.customer.id), u.token, 106);
    }
    await world.refused('UpgradeCustomerToAgency', ...req(t.customer.id), world.O.token, 106);
    await world.refused('UpgradeCustomerToAgency', ...req(world.C.customer.id), world.A.token, 106);
    await world.refused('UpgradeCustomerToAgency', ...req(999999995n), t.token, 106);
    assert.equal((await world.customer(t.customer.id)).isAgency, false);
    assert.equal((await world.customer(world.C.customer.id)).isAgency, false);
  });

  it('a deleted customer → 210', async () => {
    const t = await world.newTenant('Deleted');
    await world.store.deleteCustomer(t.customer.id, t.customer.version, world.M.user.id);
    await world.refused('UpgradeCustomerToAgency', ...req(t.customer.id), t.token, 210);
    assert.equal((await world.customer(t.customer.id)).isAgency, false);
  });
});
