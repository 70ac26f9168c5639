// Contract: the customer writes (UpdateCustomer, DeleteCustomer, UpgradeCustomerToAgency),
// external customer ids and internal account managers — the same on SQLite and PostgreSQL.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { account, BIG, customer, user, type Ctx } from './fixtures.js';

export function customerWriteTests(ctx: Ctx): void {
  describe('customer writes', () => {
    it('updateCustomer: compare-and-set on version, overwrites name and industry only, keeps non-ASCII text', async () => {
      const c = await customer(ctx);
      const updated = await ctx.store.updateCustomer(c.id, c.version, { name: 'Émile Ünïcode', industry: 'Retail', lastModifiedByUserId: BIG });
      assert.ok(updated);
      assert.equal(updated.version, c.version + 1n);
      assert.equal(updated.name, 'Émile Ünïcode');
      assert.equal(updated.industry, 'Retail');
      assert.equal(updated.lastModifiedByUserId, BIG);
      assert.ok(updated.lastModifiedTime > c.lastModifiedTime);
      assert.deepEqual({ ...updated, name: c.name, industry: c.industry, version: c.version, lastModifiedTime: c.lastModifiedTime, lastModifiedByUserId: c.lastModifiedByUserId }, c);
      assert.equal(await ctx.store.updateCustomer(c.id, c.version, { name: 'stale', industry: null, lastModifiedByUserId: null }), null);
      assert.deepEqual(await ctx.store.getCustomer(c.id), updated);
      assert.equal(await ctx.store.updateCustomer(BIG, 1n, { name: 'x', industry: null, lastModifiedByUserId: null }), null);
    });

    it('deleteCustomer: the customer and all its accounts Inactive in one step; stale or repeated is null', async () => {
      const c = await customer(ctx);
      const a1 = await account(ctx, c.id);
      const a2 = await account(ctx, c.id, { lifeCycleStatus: 'Inactive' });
      const other = await account(ctx, (await customer(ctx)).id);
      assert.equal(await ctx.store.deleteCustomer(c.id, c.version + 1n, BIG), null, 'stale version');
      assert.equal((await ctx.store.getAccount(a1.id))?.lifeCycleStatus, 'Active', 'a refused delete changes no account');
      const deleted = await ctx.store.deleteCustomer(c.id, c.version, BIG);
      assert.equal(deleted?.lifeCycleStatus, 'Inactive');
      assert.equal(deleted?.version, c.version + 1n);
      assert.equal(deleted?.lastModifiedByUserId, BIG);
      const after1 = (await ctx.store.getAccount(a1.id))!;
      assert.deepEqual([after1.lifeCycleStatus, after1.version, after1.lastModifiedByUserId], ['Inactive', a1.version + 1n, BIG]);
      assert.deepEqual(await ctx.store.getAccount(a2.id), a2, 'an account already Inactive is left as it was');
      assert.deepEqual(await ctx.store.getAccount(other.id), other, 'other customers\' accounts untouched');
      assert.equal(await ctx.store.deleteCustomer(c.id, deleted!.version, BIG), null, 'already deleted');
      assert.equal(await ctx.store.updateCustomer(c.id, deleted!.version, { name: 'x', industry: null, lastModifiedByUserId: null }), null,
        'a deleted customer takes no update');
    });

    it('markCustomerAgency: once; not again, not for a deleted or unknown customer', async () => {
      const c = await customer(ctx, { isAgency: false });
      const marked = await ctx.store.markCustomerAgency(c.id, BIG);
      assert.equal(marked?.isAgency, true);
      assert.equal(marked?.version, c.version + 1n);
      assert.equal(await ctx.store.markCustomerAgency(c.id, BIG), null);
      const d = await customer(ctx, { isAgency: false });
      await ctx.store.deleteCustomer(d.id, d.version, BIG);
      assert.equal(await ctx.store.markCustomerAgency(d.id, BIG), null);
      assert.equal(await ctx.store.markCustomerAgency(BIG, BIG), null);
    });

    it('external customer ids: put replaces, get reads; none is null', async () => {
      const c = await customer(ctx);
      assert.equal(await ctx.store.getCustomerExternalId(c.id), null);
      const first = await ctx.store.putCustomerExternalId(c.id, 'crm-Émile', BIG);
      assert.deepEqual([first.customerId, first.externalCustomerId, first.lastModifiedByUserId], [c.id, 'crm-Émile', BIG]);
      assert.deepEqual(await ctx.store.getCustomerExternalId(c.id), first);
      const second = await ctx.store.putCustomerExternalId(c.id, "x'); DROP TABLE customers;--", BIG + 1n);
      assert.equal(second.externalCustomerId, "x'); DROP TABLE customers;--");
      assert.deepEqual(await ctx.store.getCustomerExternalId(c.id), second);
    });

    it('account managers: set, idempotent, revoked', async () => {
      const u = await user(ctx, (await customer(ctx)).id);
      assert.equal(await ctx.store.isAccountManager(u.id), false);
      await ctx.store.setAccountManager(u.id, true);
      await ctx.store.setAccountManager(u.id, true);
      assert.equal(await ctx.store.isAccountManager(u.id), true);
      await ctx.store.setAccountManager(u.id, false);
      assert.equal(await ctx.store.isAccountManager(u.id), false);
      await ctx.store.setAccountManager(u.id, false);
      assert.equal(await ctx.store.isAccountManager(BIG), false);
    });
  });
}
