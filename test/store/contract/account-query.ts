// Contract: every AccountQuery condition, ordering and paging.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { AccountQuery, AccountRecord, CustomerRecord } from '../../../src/store/records.js';
import { account, BIG, customer, uniq, type Ctx } from './fixtures.js';

const ids = (rs: readonly AccountRecord[]): bigint[] => rs.map((r) => r.id);

/** Expected order: key ascending/descending by code point, then id in the same direction. */
function sorted(rs: readonly AccountRecord[], key: (r: AccountRecord) => string | bigint, desc: boolean): bigint[] {
  const cmp = (x: string | bigint, y: string | bigint): number => (x < y ? -1 : x > y ? 1 : 0);
  const out = [...rs].sort((a, b) => cmp(key(a), key(b)) || cmp(a.id, b.id));
  return ids(desc ? out.reverse() : out);
}

export function accountQueryTests(ctx: Ctx): void {
  describe('queryAccounts', () => {
    let A: CustomerRecord;
    let B: CustomerRecord;
    let C: CustomerRecord;
    const a: AccountRecord[] = [];
    const b: AccountRecord[] = [];
    let c1: AccountRecord;
    let tag: string;

    before(async () => {
      tag = uniq('Q').toUpperCase();
      [A, B, C] = [await customer(ctx), await customer(ctx), await customer(ctx)];
      const specs: Array<[string, AccountRecord['lifeCycleStatus'], number | null]> = [
        ['Alpha One', 'Active', null], ['alpha two', 'Active', null], ['Beta', 'Pause', 1],
        ['100%_Real', 'Pause', 2], ['100 Real', 'Draft', null], ['ÜNÏCODE Ñame', 'Inactive', null], ['zeta', 'Active', null],
      ];
      for (const [i, [name, status, pause]] of specs.entries()) {
        a.push(await account(ctx, A.id, { name, number: `${tag}A${i}`, lifeCycleStatus: status, pauseReason: pause }));
      }
      b.push(await account(ctx, B.id, { name: 'Alpha B', number: `${tag}B0`, lifeCycleStatus: 'Active' }));
      b.push(await account(ctx, B.id, { name: 'Other', number: `${tag}B1`, lifeCycleStatus: 'Pause', pauseReason: 1 }));
      c1 = await account(ctx, C.id, { name: 'Gamma', number: `${tag}C0` });
    });

    const q = (over: Partial<AccountQuery> = {}): Promise<AccountRecord[]> =>
      ctx.store.queryAccounts({ scope: { customerIds: [A.id], accountIds: [] }, ...over });

    it('returns nothing for an empty scope', async () => {
      assert.deepEqual(await ctx.store.queryAccounts({ scope: { customerIds: [], accountIds: [] } }), []);
    });

    it('scope is owned-by-customer OR listed id, ordered by id by default', async () => {
      assert.deepEqual(await q(), a);
      assert.deepEqual(ids(await ctx.store.queryAccounts({ scope: { customerIds: [], accountIds: [c1.id, b[0].id] } })), [b[0].id, c1.id]);
      assert.deepEqual(ids(await ctx.store.queryAccounts({ scope: { customerIds: [B.id], accountIds: [c1.id] } })), [...ids(b), c1.id]);
    });

    it('ids and customerId narrow within the scope', async () => {
      assert.deepEqual(ids(await q({ ids: [a[2].id, b[0].id, a[0].id] })), [a[0].id, a[2].id]);
      assert.deepEqual(await q({ ids: [] }), []);
      const scope = { customerIds: [A.id, B.id], accountIds: [c1.id] };
      assert.deepEqual(ids(await ctx.store.queryAccounts({ scope, customerId: B.id })), ids(b));
      assert.deepEqual(ids(await ctx.store.queryAccounts({ scope, customerId: C.id })), [c1.id]);
    });

    it('handles large id lists as one parameter', async () => {
      const many = Array.from({ length: 5000 }, (_, i) => BIG + BigInt(i));
      const scope = { customerIds: many, accountIds: [...many, a[1].id] };
      assert.deepEqual(ids(await ctx.store.queryAccounts({ scope, ids: [...many, a[1].id] })), [a[1].id]);
    });

    it('nameEquals and nameContains are case-insensitive, also for non-ASCII', async () => {
      assert.deepEqual(ids(await q({ nameEquals: 'ALPHA ONE' })), [a[0].id]);
      assert.deepEqual(ids(await q({ nameEquals: 'alpha' })), []);
      assert.deepEqual(ids(await q({ nameContains: 'LPHA' })), [a[0].id, a[1].id]);
      assert.deepEqual(ids(await q({ nameContains: 'ünïcode ñ' })), [a[5].id]);
    });

    it('treats % and _ in the input literally', async () => {
      assert.deepEqual(ids(await q({ nameContains: '%' })), [a[3].id]);
      assert.deepEqual(ids(await q({ nameContains: '_' })), [a[3].id]);
      assert.deepEqual(ids(await q({ nameContains: '0 r' })), [a[4].id]);
      assert.deepEqual(ids(await q({ prefix: { value: '100_', on: 'nameOrNumber' } })), []);
      assert.deepEqual(ids(await q({ prefix: { value: '100%_', on: 'nameOrNumber' } })), [a[3].id]);
      assert.deepEqual(ids(await q({ nameContains: '\\' })), []);
    });

    it('numberEquals (a list) and numberContains are case-insensitive', async () => {
      assert.deepEqual(ids(await q({ numberEquals: [a[4].number.toLowerCase(), a[1].number, b[0].number] })), [a[1].id, a[4].id]);
      assert.deepEqual(await q({ numberEquals: [] }), []);
      assert.deepEqual(ids(await q({ numberContains: `${tag}a6`.toLowerCase().slice(1) })), [a[6].id]);
      assert.deepEqual(ids(await q({ numberContains: tag.toLowerCase() })), ids(a));
    });

    it('prefix is begins-with on name or number, or on number only', async () => {
      assert.deepEqual(ids(await q({ prefix: { value: 'ALP', on: 'nameOrNumber' } })), [a[0].id, a[1].id]);
      assert.deepEqual(ids(await q({ prefix: { value: 'ALP', on: 'number' } })), []);
      assert.deepEqual(ids(await q({ prefix: { value: 'lpha', on: 'nameOrNumber' } })), []);
      const numberPrefix = `${tag}a`.toLowerCase();
      assert.deepEqual(ids(await q({ prefix: { value: numberPrefix, on: 'number' } })), ids(a));
      assert.deepEqual(ids(await q({ prefix: { value: `${numberPrefix}3`, on: 'nameOrNumber' } })), [a[3].id]);
    });

    it('lifeCycle entries are OR-ed, each with its optional pause reasons', async () => {
      assert.deepEqual(ids(await q({ lifeCycle: [{ status: 'Active' }] })), [a[0].id, a[1].id, a[6].id]);
      assert.deepEqual(ids(await q({ lifeCycle: [{ status: 'Pause' }] })), [a[2].id, a[3].id]);
      assert.deepEqual(ids(await q({ lifeCycle: [{ status: 'Pause', pauseReasons: [2] }] })), [a[3].id]);
      assert.deepEqual(ids(await q({ lifeCycle: [{ status: 'Pause', pauseReasons: [1, 2] }] })), [a[2].id, a[3].id]);
      assert.deepEqual(
        ids(await q({ lifeCycle: [{ status: 'Draft' }, { status: 'Pause', pauseReasons: [1] }] })),
        [a[2].id, a[4].id],
      );
      assert.deepEqual(await q({ lifeCycle: [] }), []);
    });

    it('AND-s conditions together', async () => {
      const scope = { customerIds: [A.id, B.id], accountIds: [] };
      const got = await ctx.store.queryAccounts({ scope, nameContains: 'alpha', lifeCycle: [{ status: 'Active' }], customerId: B.id });
      assert.deepEqual(ids(got), [b[0].id]);
    });

    it('customerIds keeps the accounts owned by one of the customers; [] matches nothing', async () => {
      const scope = { customerIds: [A.id, B.id], accountIds: [c1.id] };
      assert.deepEqual(ids(await ctx.store.queryAccounts({ scope, customerIds: [B.id, C.id] })), [...ids(b), c1.id]);
      assert.deepEqual(await ctx.store.queryAccounts({ scope, customerIds: [] }), []);
    });

    it('within is a second scope the account must also fall in (the intersection of two reaches)', async () => {
      const scope = { customerIds: [A.id, B.id], accountIds: [c1.id] };
      const within = { customerIds: [B.id], accountIds: [a[1].id, c1.id] };
      assert.deepEqual(ids(await ctx.store.queryAccounts({ scope, within })), [a[1].id, ...ids(b), c1.id]);
      assert.deepEqual(ids(await ctx.store.queryAccounts({ scope, within, limit: 2, offset: 1 })), ids(b));
      assert.deepEqual(await ctx.store.queryAccounts({ scope, within: { customerIds: [], accountIds: [] } }), []);
    });

    for (const descending of [false, true]) {
      const dir = descending ? 'descending' : 'ascending';
      it(`orders by Id, Name, Number and LifeCycleStatus, ${dir}`, async () => {
        const by = async (field: NonNullable<AccountQuery['orderBy']>['field']): Promise<bigint[]> =>
          ids(await q({ orderBy: { field, descending } }));
        assert.deepEqual(await by('Id'), sorted(a, (r) => r.id, descending));
        assert.deepEqual(await by('Name'), sorted(a, (r) => r.name.toLowerCase(), descending));
        assert.deepEqual(await by('Number'), sorted(a, (r) => r.number.toLowerCase(), descending));
        assert.deepEqual(await by('LifeCycleStatus'), sorted(a, (r) => r.lifeCycleStatus, descending));
      });
    }

    it('pages with offset and limit after ordering', async () => {
      const byName = sorted(a, (r) => r.name.toLowerCase(), false);
      const page = (offset?: number, limit?: number): Promise<AccountRecord[]> =>
        q({ orderBy: { field: 'Name', descending: false }, offset, limit });
      assert.deepEqual(ids(await page(undefined, 2)), byName.slice(0, 2));
      assert.deepEqual(ids(await page(2, 3)), byName.slice(2, 5));
      assert.deepEqual(ids(await page(5)), byName.slice(5));
      assert.deepEqual(await page(100, 10), []);
      assert.deepEqual(await page(0, 0), []);
    });
  });

  describe('external account ids', () => {
    it('are null until set, kept in order, replaced as a whole, cleared by null or [], without touching the version', async () => {
      const c = await customer(ctx);
      const acc = await account(ctx, c.id);
      assert.equal(await ctx.store.getAccountExternalIds(acc.id), null);
      assert.equal(await ctx.store.setAccountExternalIds(acc.id, ['ext-2', 'Ext 1', 'ünï']), true);
      assert.deepEqual(await ctx.store.getAccountExternalIds(acc.id), ['ext-2', 'Ext 1', 'ünï']);
      assert.equal(await ctx.store.setAccountExternalIds(acc.id, ['only']), true);
      assert.deepEqual(await ctx.store.getAccountExternalIds(acc.id), ['only']);
      assert.equal(await ctx.store.setAccountExternalIds(acc.id, []), true);
      assert.equal(await ctx.store.getAccountExternalIds(acc.id), null);
      await ctx.store.setAccountExternalIds(acc.id, ['x']);
      assert.equal(await ctx.store.setAccountExternalIds(acc.id, null), true);
      assert.equal(await ctx.store.getAccountExternalIds(acc.id), null);
      assert.deepEqual(await ctx.store.getAccount(acc.id), acc);
    });

    it('report a missing account', async () => {
      assert.equal(await ctx.store.setAccountExternalIds(BIG + 999_999n, ['x']), false);
      assert.equal(await ctx.store.getAccountExternalIds(BIG + 999_999n), null);
    });
  });
}
