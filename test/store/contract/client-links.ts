// Contract: the client-link lookups UpdateClientLinks and SearchClientLinks use (by client entity,
// by id, numbers), the compare-and-set update, and SignupCustomer's one-transaction tenant.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { NewClientLink } from '../../../src/store/records.js';
import { StoreConflict } from '../../../src/store/store.js';
import { account, customer, newAccount, newCustomer, uniq, user, type Ctx } from './fixtures.js';

function link(clientEntityId: bigint, managingCustomerId: bigint, over: Partial<NewClientLink> = {}): NewClientLink {
  return {
    type: 'AccountLink', clientEntityId, managingCustomerId, status: 'LinkPending', name: 'link', note: null,
    isBillToClient: true, startDate: null, inviterEmail: null, inviterName: null, inviterPhone: null,
    customerLinkPermission: null, suppressNotification: true, lastModifiedByUserId: null, ...over,
  };
}

export function clientLinkTests(ctx: Ctx): void {
  describe('client links: lookups, updates, aggregatee flag and creation time', () => {
    it('lists the links of client entities by type, ordered by id', async () => {
      const m = await customer(ctx);
      const c = await customer(ctx);
      const a = await account(ctx, c.id);
      const l1 = await ctx.store.insertClientLink(link(a.id, m.id, { status: 'LinkDeclined' }));
      const l2 = await ctx.store.insertClientLink(link(a.id, m.id));
      const asCustomer = await ctx.store.insertClientLink(link(c.id, m.id, { type: 'CustomerLink', customerLinkPermission: 'Standard' }));
      assert.deepEqual(await ctx.store.listClientLinksByClient('AccountLink', [a.id]), [l1, l2]);
      assert.deepEqual(await ctx.store.listClientLinksByClient('CustomerLink', [c.id, a.id]), [asCustomer]);
      assert.deepEqual(await ctx.store.listClientLinksByClient('AccountLink', []), []);
      assert.deepEqual(await ctx.store.getClientLink(l2.id), l2);
      assert.equal(await ctx.store.getClientLink(1n), null);
    });

    it('keeps a given creation time and the aggregatee flag', async () => {
      const m = await customer(ctx);
      const at = new Date(1700000000123);
      const rec = await ctx.store.insertClientLink(link(9007199254740993n, m.id, { createdTime: at, aggregatee: true, status: 'Active' }));
      assert.equal(rec.createdTime.getTime(), at.getTime());
      assert.equal(rec.aggregatee, true);
      assert.deepEqual(await ctx.store.getClientLink(rec.id), rec);
    });

    it('updates status and note by compare-and-set on the version', async () => {
      const m = await customer(ctx);
      const rec = await ctx.store.insertClientLink(link(9007199254740993n, m.id));
      const updated = await ctx.store.updateClientLink(rec.id, rec.version, { status: 'Active', note: 'ok', lastModifiedByUserId: 7n });
      assert.ok(updated);
      assert.equal(updated.status, 'Active');
      assert.equal(updated.note, 'ok');
      assert.equal(updated.lastModifiedByUserId, 7n);
      assert.equal(updated.version, rec.version + 1n);
      assert.ok(updated.lastModifiedTime.getTime() > rec.lastModifiedTime.getTime());
      assert.equal(updated.createdTime.getTime(), rec.createdTime.getTime());
      assert.equal(await ctx.store.updateClientLink(rec.id, rec.version, { status: 'Inactive', note: null, lastModifiedByUserId: null }), null);
      assert.deepEqual(await ctx.store.getClientLink(rec.id), updated);
    });

    it('finds accounts and customers by number, case-insensitively', async () => {
      const c = await customer(ctx, { number: uniq('CN').toUpperCase() });
      const a = await account(ctx, c.id, { number: uniq('AN').toUpperCase() });
      assert.equal(await ctx.store.idByNumber('account', a.number.toLowerCase()), a.id);
      assert.equal(await ctx.store.idByNumber('customer', c.number.toLowerCase()), c.id);
      assert.equal(await ctx.store.idByNumber('account', c.number), null);
      assert.equal(await ctx.store.idByNumber('customer', 'NOSUCHNUMBER'), null);
    });
  });

  describe('customer signup: one transaction', () => {
    it('writes customer, payment method, account, aggregatee link and roles together', async () => {
      const parent = await customer(ctx);
      const existing = await user(ctx, parent.id);
      const { customerId: _c, paymentMethodId: _p, ...accountFields } = newAccount(0n);
      const created = await ctx.store.signupCustomer({
        customer: newCustomer(), paymentMethodType: 'Invoice', account: { ...accountFields, billToCustomerId: parent.id },
        aggregatee: link(0n, parent.id, { status: 'Active' }), roles: [{ userId: existing.id, roleId: 41 }],
      });
      assert.deepEqual(await ctx.store.getCustomer(created.customer.id), created.customer);
      assert.deepEqual(await ctx.store.getAccount(created.account.id), created.account);
      assert.equal(created.account.customerId, created.customer.id);
      assert.equal(created.account.paymentMethodId, created.paymentMethod.id);
      assert.equal(created.paymentMethod.customerId, created.customer.id);
      assert.equal(created.paymentMethod.type, 'Invoice');
      assert.equal(created.link.clientEntityId, created.account.id);
      assert.equal(created.link.aggregatee, true);
      assert.deepEqual(await ctx.store.listClientLinksByClient('AccountLink', [created.account.id]), [created.link]);
      const roles = await ctx.store.listCustomerRoles(created.customer.id);
      assert.deepEqual(roles, [{ userId: existing.id, customerId: created.customer.id, roleId: 41, accountIds: null }]);
    });

    it('writes nothing when a number is taken', async () => {
      const parent = await customer(ctx);
      const taken = await customer(ctx);
      const { customerId: _c, paymentMethodId: _p, ...accountFields } = newAccount(0n);
      const name = uniq('Signup ');
      await assert.rejects(ctx.store.signupCustomer({
        customer: newCustomer({ number: taken.number, name }), paymentMethodType: 'Invoice', account: accountFields,
        aggregatee: link(0n, parent.id), roles: [],
      }), (err) => err instanceof StoreConflict && err.what === 'customer_number');
      const otherAccount = await account(ctx, taken.id);
      const accountNumberTaken = { ...accountFields, number: otherAccount.number };
      const before = await ctx.store.listClientLinksByManager([parent.id], ['LinkPending', 'Active']);
      const fresh = newCustomer({ name });
      await assert.rejects(ctx.store.signupCustomer({
        customer: fresh, paymentMethodType: 'Invoice', account: accountNumberTaken,
        aggregatee: link(0n, parent.id), roles: [],
      }), (err) => err instanceof StoreConflict && err.what === 'account_number');
      assert.deepEqual(await ctx.store.listClientLinksByManager([parent.id], ['LinkPending', 'Active']), before);
      assert.equal(await ctx.store.idByNumber('customer', fresh.number), null, 'the customer was rolled back with the account');
    });
  });
}
