// Contract: searchReachableCustomers — the reach it is driven by, case folding for any letter on
// the folded name (SQLite's LOWER and LIKE fold only ASCII), the prefix range, the orders and paging.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { CustomerQuery, CustomerRecord, UserRecord } from '../../../src/store/records.js';
import { customer, uniq, user, type Ctx } from './fixtures.js';

const ids = (rs: readonly CustomerRecord[]): bigint[] => rs.map((r) => r.id);

export function customerSearchTests(ctx: Ctx): void {
  describe('searchReachableCustomers: folded names, orders and paging in the store', () => {
    const now = new Date();
    // A tag unique to this run, so customers of other contract sections never match a prefix.
    const tag = uniq('zq').toLowerCase();
    let upper: CustomerRecord; let lower: CustomerRecord; let emile: CustomerRecord; let zoe: CustomerRecord;
    let ascii: CustomerRecord; let other: CustomerRecord; let agent: UserRecord; let outsider: UserRecord;

    const search = (q: Partial<CustomerQuery>): Promise<CustomerRecord[]> =>
      ctx.store.searchReachableCustomers({ userId: agent.id, at: now, ...q });

    before(async () => {
      // Names that differ only in the case of a non-ASCII letter, and letters beyond ASCII that
      // order after it in code point order ("Zoë" before "Émile": Z < É).
      upper = await customer(ctx, { name: `${tag} Ärger`, number: uniq('CB') });
      lower = await customer(ctx, { name: `${tag} ärger`, number: uniq('CA') });
      emile = await customer(ctx, { name: `${tag.toUpperCase()} ÉMILE`, number: uniq('CC') });
      zoe = await customer(ctx, { name: `${tag} Zoë`, number: uniq('CD') });
      ascii = await customer(ctx, { name: `${tag} arg%_`, number: uniq('CE') });
      other = await customer(ctx, { name: `${tag} Ärger elsewhere` });
      agent = await user(ctx, upper.id);
      for (const c of [upper, lower, emile, zoe, ascii]) {
        await ctx.store.putUserRole({ userId: agent.id, customerId: c.id, roleId: 41, accountIds: null });
      }
      outsider = await user(ctx, other.id);
      await ctx.store.putUserRole({ userId: outsider.id, customerId: other.id, roleId: 41, accountIds: null });
    });

    it('a prefix folds any letter: "Ä" finds "ä" and the reverse; only reached customers', async () => {
      const expected = [upper.id, lower.id].sort((a, b) => (a < b ? -1 : 1));
      assert.deepEqual(ids(await search({ namePrefix: `${tag} ÄR`, orderBy: { field: 'Name', descending: false } })), expected);
      assert.deepEqual(ids(await search({ namePrefix: `${tag.toUpperCase()} är`, orderBy: { field: 'Name', descending: false } })), expected);
      assert.deepEqual(ids(await search({ namePrefix: `${tag} é` })), [emile.id]);
      // `%` and `_` are characters in a prefix, not wildcards.
      assert.deepEqual(ids(await search({ namePrefix: `${tag} arg%` })), [ascii.id]);
      assert.deepEqual(ids(await search({ namePrefix: `${tag} arg_` })), []);
      assert.deepEqual(await ctx.store.searchReachableCustomers({ userId: outsider.id, at: now, namePrefix: tag }), [other]);
    });

    it('equals and contains fold any letter; LIKE wildcards in contains are literal', async () => {
      assert.deepEqual(ids(await search({ nameEquals: `${tag.toUpperCase()} ÄRGER`, orderBy: { field: 'Id', descending: false } })), [upper.id, lower.id].sort((a, b) => (a < b ? -1 : 1)));
      assert.deepEqual(ids(await search({ nameEquals: `${tag} émile` })), [emile.id]);
      assert.deepEqual(ids(await search({ nameContains: 'RGER', namePrefix: tag })).length, 2);
      assert.deepEqual(ids(await search({ nameContains: 'ZOË', namePrefix: tag })), [zoe.id]);
      assert.deepEqual(ids(await search({ nameContains: 'g%_', namePrefix: tag })), [ascii.id]);
      assert.deepEqual(ids(await search({ nameContains: 'r_er', namePrefix: tag })), []);
    });

    it('by folded name in code point order, ties by id; descending reverses both; pages keep the order', async () => {
      const [first, second] = upper.id < lower.id ? [upper, lower] : [lower, upper];
      // "arg%_" < "ärger" (a < ä) and "zoë" < "émile" (z < é).
      const byName = [ascii.id, zoe.id, first.id, second.id, emile.id];
      assert.deepEqual(ids(await search({ namePrefix: tag, orderBy: { field: 'Name', descending: false } })), byName);
      assert.deepEqual(ids(await search({ namePrefix: tag, orderBy: { field: 'Name', descending: true } })), [...byName].reverse());
      const paged: bigint[] = [];
      for (let offset = 0; offset < byName.length; offset += 2) {
        paged.push(...ids(await search({ namePrefix: tag, orderBy: { field: 'Name', descending: false }, offset, limit: 2 })));
      }
      assert.deepEqual(paged, byName);
    });

    it('by folded number, by id, with id and creation-time bounds', async () => {
      const numbered = [lower, upper, emile, zoe, ascii].map((c) => c.id);
      assert.deepEqual(ids(await search({ namePrefix: tag, orderBy: { field: 'Number', descending: false } })), numbered);
      assert.deepEqual(ids(await search({ namePrefix: tag, orderBy: { field: 'Id', descending: true } })), [ascii, zoe, emile, lower, upper].map((c) => c.id));
      assert.deepEqual(ids(await search({ ids: [zoe.id, other.id, emile.id] })), [emile.id, zoe.id]);
      assert.deepEqual(await search({ ids: [] }), []);
      assert.deepEqual(ids(await search({ namePrefix: tag, createdFrom: zoe.createdTime, createdBefore: new Date(zoe.createdTime.getTime() + 1) })).includes(zoe.id), true);
      assert.deepEqual(await search({ namePrefix: tag, createdBefore: upper.createdTime }), []);
    });

    it('a renamed customer is found by its new name, folded', async () => {
      const renamed = await ctx.store.updateCustomer(zoe.id, zoe.version, { name: `${tag} Ωmega`, industry: zoe.industry, lastModifiedByUserId: null });
      assert.ok(renamed);
      assert.deepEqual(ids(await search({ namePrefix: `${tag} ωM` })), [zoe.id]);
      assert.deepEqual(await search({ namePrefix: `${tag} zo` }), []);
    });
  });
}
