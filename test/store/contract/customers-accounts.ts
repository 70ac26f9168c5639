// Contract: meta, customers, payment methods, accounts (insert/get/conflicts/compare-and-set).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { AccountChanges, AccountRecord } from '../../../src/store/records.js';
import { StoreConflict } from '../../../src/store/store.js';
import {
  account, address, assertFresh, BIG, customer, inputOf, newAccount, newCustomer, NULL_ACCOUNT_FIELDS,
  rejectsConflict, uniq, type Ctx,
} from './fixtures.js';

function changesOf(rec: AccountRecord, over: Partial<AccountChanges> = {}): AccountChanges {
  const { id: _i, customerId: _c, number: _n, currencyCode: _cc, version: _v, createdTime: _t, ...rest } = rec;
  return { ...rest, ...over };
}

export function customerAndAccountTests(ctx: Ctx): void {
  describe('meta', () => {
    it('returns null for a missing key, then stores and overwrites', async () => {
      const key = uniq('key.');
      assert.equal(await ctx.store.getMeta(key), null);
      await ctx.store.setMeta(key, 'one');
      assert.equal(await ctx.store.getMeta(key), 'one');
      await ctx.store.setMeta(key, '');
      assert.equal(await ctx.store.getMeta(key), '');
    });

    it('ping answers on an open, migrated store (its failure: test/e2e/packaging/health.test.ts)', async () => {
      await ctx.store.ping();
    });
  });

  describe('customers', () => {
    it('round-trips every field, with store-assigned id, version and times', async () => {
      const input = newCustomer({ isAgency: true });
      const rec = await ctx.store.insertCustomer(input);
      assertFresh(rec, 100000001n);
      assert.ok(rec.id < 140000000n, 'customer ids are 9 digits from 100000001');
      assert.deepEqual(inputOf(rec), input);
      assert.deepEqual(await ctx.store.getCustomer(rec.id), rec);
      assert.equal(rec.address?.id, BIG);
    });

    it('round-trips nulls', async () => {
      const input = newCustomer({
        industry: null, marketCountry: null, marketLanguage: null, financialStatus: null, serviceLevel: null,
        address: null, lastModifiedByUserId: null,
      });
      const rec = await ctx.store.insertCustomer(input);
      assert.deepEqual(inputOf(rec), input);
      assert.deepEqual(await ctx.store.getCustomer(rec.id), rec);
    });

    it('assigns increasing ids; getCustomers orders by id and skips unknown ids', async () => {
      const a = await customer(ctx);
      const b = await customer(ctx);
      assert.ok(b.id > a.id);
      assert.deepEqual(await ctx.store.getCustomers([b.id, BIG, a.id]), [a, b]);
      assert.deepEqual(await ctx.store.getCustomers([]), []);
      assert.equal(await ctx.store.getCustomer(BIG), null);
    });

    it('refuses a duplicate customer number', async () => {
      const a = await customer(ctx);
      await rejectsConflict(ctx.store.insertCustomer(newCustomer({ number: a.number })), 'customer_number');
    });
  });

  describe('payment methods', () => {
    it('inserts and gets', async () => {
      const c = await customer(ctx);
      const pm = await ctx.store.insertPaymentMethod(c.id, 'Invoice');
      assert.ok(pm.id >= 300000001n && pm.id < 400000000n);
      assert.equal(pm.customerId, c.id);
      assert.equal(pm.type, 'Invoice');
      assert.ok(pm.createdTime instanceof Date);
      assert.deepEqual(await ctx.store.getPaymentMethod(pm.id), pm);
      assert.equal(await ctx.store.getPaymentMethod(BIG), null);
    });
  });

  describe('accounts', () => {
    it('round-trips every field, incl. ids above 2^53 and JSON fields', async () => {
      const c = await customer(ctx);
      const input = newAccount(c.id, { pauseReason: 4 });
      const rec = await ctx.store.insertAccount(input);
      assertFresh(rec, 140000001n);
      assert.ok(rec.id < 200000000n);
      assert.deepEqual(inputOf(rec), input);
      assert.equal(rec.paymentMethodId, 9007199254740993n);
      assert.deepEqual(await ctx.store.getAccount(rec.id), rec);
    });

    it('round-trips nulls and an empty tax list', async () => {
      const c = await customer(ctx);
      const nulls = newAccount(c.id, NULL_ACCOUNT_FIELDS);
      const rec = await ctx.store.insertAccount(nulls);
      assert.deepEqual(inputOf(rec), nulls);
      assert.deepEqual(await ctx.store.getAccount(rec.id), rec);
      const empty = await account(ctx, c.id, { taxInformation: [], businessAddress: address(1n, { city: null }) });
      assert.deepEqual(await ctx.store.getAccount(empty.id), empty);
      assert.deepEqual(empty.taxInformation, []);
    });

    it('getAccounts orders by id; unknown ids and [] give nothing', async () => {
      const c = await customer(ctx);
      const a = await account(ctx, c.id);
      const b = await account(ctx, c.id);
      assert.deepEqual(await ctx.store.getAccounts([b.id, a.id, BIG]), [a, b]);
      assert.deepEqual(await ctx.store.getAccounts([]), []);
      assert.equal(await ctx.store.getAccount(BIG), null);
    });

    it('refuses a name used by the same customer, case-insensitively, also for non-ASCII', async () => {
      const c = await customer(ctx);
      const other = await customer(ctx);
      await account(ctx, c.id, { name: 'Ärger Café' });
      await rejectsConflict(account(ctx, c.id, { name: 'äRGER CAFÉ' }), 'account_name');
      await account(ctx, other.id, { name: 'ÄRGER CAFÉ' }); // another customer may use it
    });

    it('refuses an account number used anywhere', async () => {
      const c = await customer(ctx);
      const other = await customer(ctx);
      const a = await account(ctx, c.id);
      await rejectsConflict(account(ctx, other.id, { number: a.number }), 'account_number');
    });

    it('concurrent inserts (one group commit) each get their own answer: stored, or the conflict that refused them', async () => {
      const c = await customer(ctx);
      const taken = await account(ctx, c.id);
      const name = uniq('Batch ');
      const number = uniq('N');
      const results = await Promise.allSettled([
        account(ctx, c.id, { name }), account(ctx, c.id, { name: name.toUpperCase() }), // the second loses to the first
        account(ctx, c.id, { number }), account(ctx, c.id, { number }),
        account(ctx, c.id, { name: taken.name }), account(ctx, c.id, { number: taken.number }),
        account(ctx, c.id), account(ctx, BIG), // a customer that does not exist fails alone
      ]);
      const conflict = (r: PromiseSettledResult<AccountRecord>): string =>
        r.status === 'rejected' ? (r.reason instanceof StoreConflict ? r.reason.what : 'other') : 'stored';
      assert.deepEqual(results.map(conflict), [
        'stored', 'account_name', 'stored', 'account_number', 'account_name', 'account_number', 'stored', 'other',
      ]);
      const stored = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
      for (const rec of stored) assert.deepEqual(await ctx.store.getAccount(rec.id), rec);
      assert.ok(stored.every((rec, i) => i === 0 || rec.id > stored[i - 1]!.id), 'ids in the order of the calls');
      assert.equal(await ctx.store.countAccountsInStatus(c.id, 'Active'), 4);
    });

    it('soleDraft: of concurrent Draft inserts for one customer exactly one is stored, the others refused as account_draft', async () => {
      const c = await customer(ctx);
      const other = await customer(ctx);
      const results = await Promise.allSettled(Array.from({ length: 6 }, () =>
        ctx.store.insertAccount(newAccount(c.id, { lifeCycleStatus: 'Draft' }), { soleDraft: true })));
      assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
      for (const r of results) {
        if (r.status === 'rejected') assert.ok(r.reason instanceof StoreConflict && r.reason.what === 'account_draft', String(r.reason));
      }
      assert.equal(await ctx.store.countAccountsInStatus(c.id, 'Draft'), 1);
      // Another customer's Draft, and a non-Draft account beside the Draft, are not refused.
      await ctx.store.insertAccount(newAccount(other.id, { lifeCycleStatus: 'Draft' }), { soleDraft: true });
      await account(ctx, c.id);
      // The Draft check comes before the name check, as AddAccount reports it.
      const stored = results.find((r) => r.status === 'fulfilled');
      assert.ok(stored?.status === 'fulfilled');
      await rejectsConflict(ctx.store.insertAccount(newAccount(c.id, { lifeCycleStatus: 'Draft', name: stored.value.name }), { soleDraft: true }), 'account_draft');
    });

    it('counts accounts in a status', async () => {
      const c = await customer(ctx);
      assert.equal(await ctx.store.countAccountsInStatus(c.id, 'Draft'), 0);
      await account(ctx, c.id, { lifeCycleStatus: 'Draft' });
      await account(ctx, c.id, { lifeCycleStatus: 'Draft' });
      await account(ctx, c.id, { lifeCycleStatus: 'Active' });
      assert.equal(await ctx.store.countAccountsInStatus(c.id, 'Draft'), 2);
      assert.equal(await ctx.store.countAccountsInStatus(c.id, 'Active'), 1);
    });
  });

  describe('updateAccount', () => {
    it('overwrites every changeable field and bumps version and lastModifiedTime', async () => {
      const c = await customer(ctx);
      const before = await account(ctx, c.id);
      const changes = changesOf(before, {
        ...NULL_ACCOUNT_FIELDS, name: uniq('Renamed '), lifeCycleStatus: 'Pause', pauseReason: 2,
        paymentMethodId: BIG + 100n, taxInformation: [{ key: 'k', value: 'v' }],
        lastModifiedTime: new Date(0), // ignored: the store sets it
      });
      const after = await ctx.store.updateAccount(before.id, before.version, changes);
      assert.ok(after !== null);
      assert.equal(after.version, 2n);
      assert.ok(after.lastModifiedTime.getTime() > before.lastModifiedTime.getTime());
      assert.equal(after.createdTime.getTime(), before.createdTime.getTime());
      const { lastModifiedTime: _m, ...expected } = changes;
      const { lastModifiedTime: _n, ...actual } = changesOf(after);
      assert.deepEqual(actual, expected);
      assert.equal(after.id, before.id);
      assert.equal(after.number, before.number);
      assert.equal(after.customerId, before.customerId);
      assert.equal(after.currencyCode, before.currencyCode);
      assert.deepEqual(await ctx.store.getAccount(before.id), after);
    });

    it('returns null on a stale version and leaves the row alone', async () => {
      const c = await customer(ctx);
      const v1 = await account(ctx, c.id);
      const v2 = await ctx.store.updateAccount(v1.id, 1n, changesOf(v1, { name: uniq('n') }));
      assert.ok(v2 !== null);
      assert.equal(await ctx.store.updateAccount(v1.id, 1n, changesOf(v1, { name: uniq('lost') })), null);
      assert.deepEqual(await ctx.store.getAccount(v1.id), v2);
      assert.equal(await ctx.store.updateAccount(BIG, 1n, changesOf(v1)), null);
    });

    it('version strictly increases on every write, even unchanged ones', async () => {
      const c = await customer(ctx);
      let rec = await account(ctx, c.id);
      for (let expected = 2n; expected <= 5n; expected += 1n) {
        const next = await ctx.store.updateAccount(rec.id, rec.version, changesOf(rec));
        assert.ok(next !== null);
        assert.equal(next.version, expected);
        assert.ok(next.lastModifiedTime.getTime() > rec.lastModifiedTime.getTime());
        rec = next;
      }
    });

    it('lets exactly one of two concurrent writers with the same version win', async () => {
      const c = await customer(ctx);
      const rec = await account(ctx, c.id);
      const results = await Promise.all([
        ctx.store.updateAccount(rec.id, rec.version, changesOf(rec, { name: uniq('a') })),
        ctx.store.updateAccount(rec.id, rec.version, changesOf(rec, { name: uniq('b') })),
      ]);
      assert.equal(results.filter((r) => r !== null).length, 1);
    });

    it('refuses a rename onto another account name (case-insensitively) but allows a case change', async () => {
      const c = await customer(ctx);
      const a = await account(ctx, c.id, { name: 'Taken Name' });
      const b = await account(ctx, c.id);
      await rejectsConflict(ctx.store.updateAccount(b.id, b.version, changesOf(b, { name: 'TAKEN name' })), 'account_name');
      const renamed = await ctx.store.updateAccount(a.id, a.version, changesOf(a, { name: 'TAKEN NAME' }));
      assert.equal(renamed?.name, 'TAKEN NAME');
    });
  });
}
