// The store as a whole: payment methods by customer, dump (what `adcenter export` reads) and wipe
// (POST /_adcenter/reset). Runs last: wipe empties the store the other sections share.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { withAmbient } from '../../../src/contract/ambient.js';
import { ServerClock } from '../../../src/contract/clock.js';
import { cryptoRandom } from '../../../src/contract/random-source.js';
import { account, customer, user, type Ctx } from './fixtures.js';

export function stateTests(ctx: Ctx): void {
  describe('state: payment methods, dump, wipe', () => {
    it('lists a customer\'s payment methods by id', async () => {
      const c = await customer(ctx);
      const first = await ctx.store.insertPaymentMethod(c.id, 'Invoice');
      const second = await ctx.store.insertPaymentMethod(c.id, 'CreditCard');
      assert.deepEqual(await ctx.store.listPaymentMethods(c.id), [first, second]);
    });

    it('stamps created and modified times with the server\'s clock', async () => {
      const clock = new ServerClock();
      // Frozen at exactly that instant: set() then freeze() lets the machine's clock tick between them.
      clock.freezeAt(new Date('2031-05-06T07:08:09.000Z'));
      const c = await withAmbient({ clock, random: cryptoRandom }, () => customer(ctx));
      assert.equal(c.createdTime.toISOString(), '2031-05-06T07:08:09.000Z');
      assert.equal(c.lastModifiedTime.toISOString(), '2031-05-06T07:08:09.000Z');
    });

    it('dumps the stored entities, each list by id', async () => {
      const c = await customer(ctx);
      const a = await account(ctx, c.id);
      const u = await user(ctx, c.id);
      const dump = await ctx.store.dump();
      assert.deepEqual(dump.customers.find((x) => x.id === c.id), c);
      assert.deepEqual(dump.accounts.find((x) => x.id === a.id), a);
      assert.deepEqual(dump.users.find((x) => x.id === u.id), u);
      assert.deepEqual(dump.customers.map((x) => x.id), [...dump.customers.map((x) => x.id)].sort((x, y) => (x < y ? -1 : 1)));
    });

    it('wipe empties every table, keeps the environment and the seed, and restarts ids at their first', async () => {
      await ctx.store.setMeta('environment', 'sandbox');
      await ctx.store.setMeta('seed_file', '{}');
      await ctx.store.setMeta('demo_user_id', '1');
      const epoch = await ctx.store.accessEpoch();
      await ctx.store.wipe();
      // Cached credentials of the wiped store are void: the access epoch moved on (and still moves).
      const wiped = await ctx.store.accessEpoch();
      assert.ok(wiped > epoch, 'wipe moves the access epoch');
      const dump = await ctx.store.dump();
      for (const [name, list] of Object.entries(dump)) assert.deepEqual(list, [], name);
      assert.equal(await ctx.store.getMeta('environment'), 'sandbox');
      assert.equal(await ctx.store.getMeta('seed_file'), '{}');
      assert.equal(await ctx.store.getMeta('demo_user_id'), null);
      const c = await customer(ctx);
      assert.equal(c.id, 100000001n);
      assert.equal((await account(ctx, c.id)).id, 140000001n);
      assert.equal((await user(ctx, c.id)).id, 200000001n);
      assert.equal((await ctx.store.insertPaymentMethod(c.id, 'Invoice')).id, 300000001n);
      await ctx.store.putUserRole({ userId: 200000001n, customerId: c.id, roleId: 41, accountIds: null });
      assert.ok(await ctx.store.accessEpoch() > wiped, 'the counter row survived the wipe: a role write still moves it');
    });
  });
}
