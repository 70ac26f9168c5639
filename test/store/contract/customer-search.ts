// Contract: searchReachableCustomers — the reach it is driven by, case folding for any letter on
// the folded name (SQLite's LOWER and LIKE fold only ASCII), the prefix range, the orders and paging.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ClientLinkRecord, ClientLinkSearch, CustomerQuery, CustomerRecord, NewClientLink, UserRecord } from '../../../src/store/records.js';
import { account, customer, uniq, user, type Ctx } from './fixtures.js';

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

  describe('searchReachableCustomers: the market pair, folded, with the page inside', () => {
    const now = new Date();
    let agent: UserRecord; let matching: CustomerRecord[]; let reached: CustomerRecord[];
    const search = (q: Partial<CustomerQuery>): Promise<CustomerRecord[]> =>
      ctx.store.searchReachableCustomers({ userId: agent.id, at: now, ...q });

    before(async () => {
      // Five matching customers among others of another country, another language or no market;
      // one outside the reach. Markets differ in case ('us' and 'Us' are 'US'), beyond ASCII too.
      const markets: Array<[string | null, 'English' | 'German' | null]> = [
        ['US', 'English'], ['DE', 'English'], ['us', 'English'], ['US', 'German'], ['Us', 'English'],
        [null, null], ['US', 'English'], ['Ü', 'English'], ['US', 'English'], ['US', null],
      ];
      reached = [];
      for (const [marketCountry, marketLanguage] of markets) reached.push(await customer(ctx, { marketCountry, marketLanguage }));
      matching = reached.filter((_, i) => markets[i]![0]?.toUpperCase() === 'US' && markets[i]![1] === 'English');
      agent = await user(ctx, reached[0]!.id);
      for (const c of reached) await ctx.store.putUserRole({ userId: agent.id, customerId: c.id, roleId: 41, accountIds: null });
      await customer(ctx, { marketCountry: 'US', marketLanguage: 'English' });
    });

    it('equals both, case-insensitively; the page is cut after the filter', async () => {
      assert.equal(matching.length, 5);
      const all = ids(matching);
      assert.deepEqual(ids(await search({ market: { country: 'us', language: 'english' } })), all);
      assert.deepEqual(ids(await search({ market: { country: 'US', language: 'ENGLISH' }, orderBy: { field: 'Id', descending: true } })), [...all].reverse());
      assert.deepEqual(ids(await search({ market: { country: 'us', language: 'English' }, orderBy: { field: 'Id', descending: false }, offset: 2, limit: 2 })), all.slice(2, 4));
      assert.deepEqual(ids(await search({ market: { country: 'US', language: 'English' }, offset: 4, limit: 2 })), all.slice(4));
      assert.deepEqual(ids(await search({ market: { country: 'ü', language: 'english' } })), [reached[7]!.id]);
      assert.deepEqual(await search({ market: { country: 'US', language: 'French' } }), []);
      assert.deepEqual(ids(await search({ market: { country: 'de', language: 'English' }, ids: [reached[1]!.id, reached[0]!.id] })), [reached[1]!.id]);
    });
  });

  describe('searchClientLinks: newest per pair, folded names, orders and paging in the store', () => {
    let agency: CustomerRecord; let other: CustomerRecord; let clients: CustomerRecord[];
    let newest: ClientLinkRecord[]; let accountLinks: ClientLinkRecord[]; let toB: ClientLinkRecord;
    const link = (over: Partial<NewClientLink> & Pick<NewClientLink, 'type' | 'clientEntityId' | 'managingCustomerId'>): Promise<ClientLinkRecord> =>
      ctx.store.insertClientLink({
        status: 'Active', name: null, note: null, isBillToClient: null, startDate: null, inviterEmail: null,
        inviterName: null, inviterPhone: null, customerLinkPermission: null, suppressNotification: true,
        lastModifiedByUserId: null, ...over,
      });
    const search = async (of: ClientLinkSearch['of'], field: 'Id' | 'Name' | 'Number', descending = false, page: { offset?: number; limit?: number } = {}): Promise<bigint[]> =>
      (await ctx.store.searchClientLinks({ of, orderBy: { field, descending }, ...page })).map((l) => l.id);

    before(async () => {
      agency = await customer(ctx, { number: uniq('LB') });
      other = await customer(ctx, { number: uniq('LA') });
      clients = [await customer(ctx), await customer(ctx), await customer(ctx)];
      // Names differing in the case of a non-ASCII letter; a null name counts as empty.
      await link({ type: 'CustomerLink', clientEntityId: clients[0]!.id, managingCustomerId: agency.id, name: 'Ärger old', status: 'Inactive' });
      newest = [
        await link({ type: 'CustomerLink', clientEntityId: clients[0]!.id, managingCustomerId: agency.id, name: 'ärger' }),
        await link({ type: 'CustomerLink', clientEntityId: clients[1]!.id, managingCustomerId: agency.id, name: 'Zoë' }),
        await link({ type: 'CustomerLink', clientEntityId: clients[2]!.id, managingCustomerId: agency.id, name: null }),
      ];
      const a = await account(ctx, clients[2]!.id);
      const b = await account(ctx, clients[2]!.id);
      accountLinks = [
        await link({ type: 'AccountLink', clientEntityId: a.id, managingCustomerId: agency.id, name: 'ÄRGER B' }),
        await link({ type: 'AccountLink', clientEntityId: a.id, managingCustomerId: other.id, name: 'a' }),
      ];
      // An aggregatee link is never a search result; the account it names is not "linked by" the agency either.
      await link({ type: 'AccountLink', clientEntityId: b.id, managingCustomerId: agency.id, aggregatee: true });
      toB = await link({ type: 'AccountLink', clientEntityId: b.id, managingCustomerId: other.id });
    });

    it("a manager's links: the newest of each pair, no aggregatee link", async () => {
      const all = [...newest, accountLinks[0]!].map((l) => l.id);
      assert.deepEqual(await search({ managerId: agency.id }, 'Id'), [newest[0]!, newest[1]!, newest[2]!, accountLinks[0]!]
        .sort((x, y) => (x.clientEntityId < y.clientEntityId ? -1 : x.clientEntityId > y.clientEntityId ? 1 : x.id < y.id ? -1 : 1)).map((l) => l.id));
      assert.deepEqual((await search({ managerId: agency.id }, 'Id')).sort(), all.sort());
    });

    it('by folded name in code point order (null as empty), ties by id ascending in both directions', async () => {
      // '' < 'zoë' < 'ärger' < 'ärger b' (z < ä in code point order).
      const byName = [newest[2]!.id, newest[1]!.id, newest[0]!.id, accountLinks[0]!.id];
      assert.deepEqual(await search({ managerId: agency.id }, 'Name'), byName);
      assert.deepEqual(await search({ managerId: agency.id }, 'Name', true), [...byName].reverse());
      // Number: every link has the same manager, so the order is by id, ascending either way.
      const ids = [...newest, accountLinks[0]!].map((l) => l.id).sort((x, y) => (x < y ? -1 : 1));
      assert.deepEqual(await search({ managerId: agency.id }, 'Number', true), ids);
      assert.deepEqual([...await search({ managerId: agency.id }, 'Name', false, { limit: 2 }), ...await search({ managerId: agency.id }, 'Name', false, { offset: 2, limit: 2 })], byName);
    });

    it("client entities (of one manager), and the account links to the accounts a manager links", async () => {
      assert.deepEqual(await search({ type: 'AccountLink', clientIds: [accountLinks[0]!.clientEntityId] }, 'Number'), [accountLinks[1]!.id, accountLinks[0]!.id]);
      assert.deepEqual(await search({ type: 'AccountLink', clientIds: [accountLinks[0]!.clientEntityId], managerId: other.id }, 'Id'), [accountLinks[1]!.id]);
      assert.deepEqual(await search({ type: 'CustomerLink', clientIds: [clients[0]!.id, clients[1]!.id] }, 'Id', true), [newest[1]!.id, newest[0]!.id]);
      assert.deepEqual(await search({ accountsLinkedBy: agency.id }, 'Name'), [accountLinks[1]!.id, accountLinks[0]!.id]);
      assert.deepEqual(await search({ accountsLinkedBy: other.id }, 'Id'), [accountLinks[0]!.id, accountLinks[1]!.id, toB.id]);
    });
  });
}
