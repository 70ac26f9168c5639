// AddAccount under concurrent requests: the "one Draft account per customer" rule holds when
// several Draft adds arrive at once (the check is part of the insert's transaction), and concurrent
// Active adds — answered from one group commit — are each stored or refused on their own. On
// PostgreSQL two servers share one schema, so the adds race across processes.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { accountXml, ADDRESS, addressXml } from '../../support/account-xml.js';
import { faces, faultCodes, restCodes } from '../../support/faces.js';
import { createTestTenant, type TestTenant } from '../../support/fixtures.js';
import { uniqueName } from '../../support/names.js';
import { onSharedStores, oneSqliteServer, type ServersOnOneStore } from '../../support/servers-on-one-store.js';

const INVALID_PARAMETER = 201;

type World = ServersOnOneStore;

function addXml(tenant: TestTenant, name: string, paymentMethod: boolean): string {
  return accountXml({
    Name: name, CurrencyCode: 'USD', ParentCustomerId: String(tenant.customer.id),
    PaymentMethodId: paymentMethod ? String(tenant.paymentMethod.id) : undefined, BusinessAddress: addressXml(ADDRESS),
  });
}

/** The outcome of each add: 'ok' or its fault codes. */
async function addAll(world: World, tenant: TestTenant, names: readonly string[], paymentMethod: boolean): Promise<string[]> {
  return Promise.all(names.map(async (name, i) => {
    const f = faces(world.servers[i % world.servers.length]!);
    if (i % 2 === 0) {
      const s = await f.soap('AddAccount', addXml(tenant, name, paymentMethod), tenant.token);
      return s.status === 200 ? 'ok' : faultCodes(s).join(',');
    }
    const r = await f.rest('AddAccount', {
      Account: {
        Name: name, CurrencyCode: 'USD', ParentCustomerId: tenant.customer.id.toString(),
        PaymentMethodId: paymentMethod ? tenant.paymentMethod.id.toString() : null,
        BusinessAddress: { ...ADDRESS },
      },
    }, tenant.token);
    return r.status === 200 ? 'ok' : restCodes(r).join(',');
  }));
}

function concurrencyRules(label: string, open: () => Promise<World>): void {
  describe(label, () => {
    let world: World;
    before(async () => { world = await open(); });
    after(async () => { await world.cleanUp(); });

    it('of concurrent Draft adds for one customer exactly one is stored; the others are refused with 201', async () => {
      const tenant = await createTestTenant(world.store, 'sandbox', 'Race');
      const draftsBefore = await world.store.countAccountsInStatus(tenant.customer.id, 'Draft');
      assert.equal(draftsBefore, 0);
      const names = Array.from({ length: 12 }, (_, i) => uniqueName(`Racing Draft ${i}`));
      const outcomes = await addAll(world, tenant, names, false);
      assert.equal(outcomes.filter((o) => o === 'ok').length, 1, outcomes.join(' '));
      assert.deepEqual(outcomes.filter((o) => o !== 'ok'), Array.from({ length: 11 }, () => String(INVALID_PARAMETER)));
      assert.equal(await world.store.countAccountsInStatus(tenant.customer.id, 'Draft'), 1);
    });

    it('concurrent Active adds are each stored, and a name sent twice is stored once (the other refused with 201)', async () => {
      const tenant = await createTestTenant(world.store, 'sandbox', 'Batch');
      const twice = uniqueName('Twice');
      const names = [...Array.from({ length: 14 }, (_, i) => uniqueName(`Batched ${i}`)), twice, twice];
      const outcomes = await addAll(world, tenant, names, true);
      assert.deepEqual(outcomes.slice(0, 14), Array.from({ length: 14 }, () => 'ok'));
      assert.deepEqual([...outcomes.slice(14)].sort(), [String(INVALID_PARAMETER), 'ok']);
      const stored = (await world.store.queryAccounts({
        scope: { customerIds: [tenant.customer.id], accountIds: [] }, customerId: tenant.customer.id,
      })).map((a) => a.name);
      for (const name of new Set(names)) assert.equal(stored.filter((n) => n === name).length, 1, name);
    });
  });
}

await onSharedStores('AddAccount under concurrent requests', concurrencyRules, { how: 'one server', open: oneSqliteServer }, 'addrace');
