// Contract: pilot features (catalogue and switches), notifications (operator messages,
// dismissals, pending client links by client) and the prepay mark of accounts.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { account, customer, uniq, user, type Ctx } from './fixtures.js';

export function pilotAndNotificationTests(ctx: Ctx): void {
  describe('pilot features', () => {
    it('puts, replaces and lists catalogue entries by id, with non-ASCII names and countries', async () => {
      const id = 2_000_000 + Math.floor(Math.random() * 1_000_000);
      await ctx.store.putPilotFeature({ id, name: 'Ünïcode pilot', level: 'customer', countries: ['US', 'DE'], defaultOn: true });
      await ctx.store.putPilotFeature({ id: id + 1, name: "x'); DROP TABLE pilot_features;--", level: 'account', countries: [], defaultOn: false });
      await ctx.store.putPilotFeature({ id, name: 'Ünïcode pilot 2', level: 'account', countries: ['FR'], defaultOn: false });
      const mine = (await ctx.store.listPilotFeatures()).filter((f) => f.id === id || f.id === id + 1);
      assert.deepEqual(mine, [
        { id, name: 'Ünïcode pilot 2', level: 'account', countries: ['FR'], defaultOn: false },
        { id: id + 1, name: "x'); DROP TABLE pilot_features;--", level: 'account', countries: [], defaultOn: false },
      ]);
    });

    it('switches a feature on or off per customer and per account, replaces and removes switches', async () => {
      const c = await customer(ctx);
      const a = await account(ctx, c.id);
      const at = new Date(1700000000123);
      await ctx.store.putPilotGrant({ scope: 'customer', entityId: c.id, featureId: 268, enabled: false, changedTime: at });
      await ctx.store.putPilotGrant({ scope: 'customer', entityId: c.id, featureId: 78, enabled: true, changedTime: at });
      await ctx.store.putPilotGrant({ scope: 'account', entityId: a.id, featureId: 78, enabled: true, changedTime: at });
      await ctx.store.putPilotGrant({ scope: 'customer', entityId: c.id, featureId: 268, enabled: true, changedTime: new Date(1700000000999) });
      assert.deepEqual(await ctx.store.listPilotGrants('customer', [c.id]), [
        { scope: 'customer', entityId: c.id, featureId: 78, enabled: true, changedTime: at },
        { scope: 'customer', entityId: c.id, featureId: 268, enabled: true, changedTime: new Date(1700000000999) },
      ]);
      assert.deepEqual((await ctx.store.listPilotGrants('account', [a.id, c.id])).map((g) => [g.entityId, g.featureId]), [[a.id, 78]]);
      assert.equal(await ctx.store.deletePilotGrant('customer', c.id, 78), true);
      assert.equal(await ctx.store.deletePilotGrant('customer', c.id, 78), false);
      assert.deepEqual((await ctx.store.listPilotGrants('customer', [c.id])).map((g) => g.featureId), [268]);
      assert.deepEqual(await ctx.store.listPilotGrants('customer', []), []);
    });
  });

  describe('notifications', () => {
    it('lists operator messages for everyone, the user and their customers, leaving out expired ones', async () => {
      const c = await customer(ctx);
      const other = await customer(ctx);
      const u = await user(ctx, c.id);
      const now = new Date();
      const base = { severity: 2, title: 'Wartung ✓', message: "Line 1\nx'--", createdTime: now, expiresTime: null };
      const toUser = await ctx.store.insertOperatorNotification({ ...base, customerId: null, userId: u.id });
      assert.ok(toUser.id >= 960000001n, `id ${toUser.id}`);
      const toCustomer = await ctx.store.insertOperatorNotification({ ...base, customerId: c.id, userId: null });
      const toOther = await ctx.store.insertOperatorNotification({ ...base, customerId: other.id, userId: null });
      const expired = await ctx.store.insertOperatorNotification({ ...base, customerId: c.id, userId: null, expiresTime: new Date(now.getTime() - 1000) });
      const later = await ctx.store.insertOperatorNotification({ ...base, customerId: c.id, userId: null, expiresTime: new Date(now.getTime() + 60_000) });
      const list = await ctx.store.listOperatorNotifications({ userId: u.id, customerIds: [c.id], at: now });
      const ids = list.map((n) => n.id);
      assert.ok(ids.includes(toUser.id) && ids.includes(toCustomer.id) && ids.includes(later.id));
      assert.ok(!ids.includes(toOther.id) && !ids.includes(expired.id));
      assert.deepEqual(list.find((n) => n.id === toUser.id), toUser);
      assert.deepEqual([...ids].sort((a, b) => (a < b ? -1 : 1)), ids, 'ordered by id');
      const noCustomers = await ctx.store.listOperatorNotifications({ userId: u.id, customerIds: [], at: now });
      assert.ok(noCustomers.some((n) => n.id === toUser.id) && !noCustomers.some((n) => n.id === toCustomer.id));
    });

    it('records dismissals once per user, type and id', async () => {
      const c = await customer(ctx);
      const u = await user(ctx, c.id);
      const v = await user(ctx, c.id);
      const at = new Date();
      assert.equal(await ctx.store.dismissNotifications(u.id, [{ typeId: 2, notificationId: 140000001n }, { typeId: 1, notificationId: 9007199254740993n }], at), 2);
      assert.equal(await ctx.store.dismissNotifications(u.id, [{ typeId: 2, notificationId: 140000001n }, { typeId: 3, notificationId: 5n }], at), 1);
      assert.equal(await ctx.store.dismissNotifications(u.id, [], at), 0);
      assert.deepEqual(await ctx.store.listNotificationDismissals(u.id), [
        { typeId: 1, notificationId: 9007199254740993n }, { typeId: 2, notificationId: 140000001n }, { typeId: 3, notificationId: 5n },
      ]);
      assert.deepEqual(await ctx.store.listNotificationDismissals(v.id), []);
    });

    it('finds the pending client links of client accounts and customers', async () => {
      const agency = await customer(ctx, { isAgency: true });
      const client = await customer(ctx);
      const clientAccount = await account(ctx, client.id);
      const link = (type: 'AccountLink' | 'CustomerLink', clientEntityId: bigint, status: 'LinkPending' | 'Active') => ctx.store.insertClientLink({
        type, clientEntityId, managingCustomerId: agency.id, status, name: uniq('Verknüpfung '), note: null, isBillToClient: false,
        startDate: null, inviterEmail: null, inviterName: null, inviterPhone: null, customerLinkPermission: null,
        suppressNotification: false, lastModifiedByUserId: null,
      });
      const accountLink = await link('AccountLink', clientAccount.id, 'LinkPending');
      const customerLink = await link('CustomerLink', client.id, 'LinkPending');
      await link('AccountLink', clientAccount.id, 'Active');
      // An account id given as a customer (and the reverse) matches nothing.
      assert.deepEqual(await ctx.store.listPendingClientLinksFor([client.id], [clientAccount.id]), []);
      const found = await ctx.store.listPendingClientLinksFor([clientAccount.id], [client.id]);
      assert.deepEqual(found.map((l) => [l.id, l.type, l.clientEntityId, l.managingCustomerId, l.name]), [
        [accountLink.id, 'AccountLink', clientAccount.id, agency.id, accountLink.name],
        [customerLink.id, 'CustomerLink', client.id, agency.id, customerLink.name],
      ]);
      assert.deepEqual(await ctx.store.listPendingClientLinksFor([], []), []);
    });
  });

  describe('prepay accounts', () => {
    it('marks an account as prepaid, once', async () => {
      const c = await customer(ctx);
      const a = await account(ctx, c.id);
      const b = await account(ctx, c.id);
      assert.equal(await ctx.store.isPrepayAccount(a.id), false);
      await ctx.store.markPrepayAccount(a.id, new Date());
      await ctx.store.markPrepayAccount(a.id, new Date());
      assert.equal(await ctx.store.isPrepayAccount(a.id), true);
      assert.equal(await ctx.store.isPrepayAccount(b.id), false);
    });
  });
}
