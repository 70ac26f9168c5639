// Contract: the reach scopes the store joins itself (a user's, a customer's with its clients),
// the prefix range and the order of a name-or-number prefix search.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { AccountRecord, ClientLinkRecord, CustomerRecord, NewClientLink, UserRecord } from '../../../src/store/records.js';
import { prefixRange } from '../../../src/store/sql/areas/account-query.js';
import { account, customer, mixedReach, uniq, user, type Ctx } from './fixtures.js';

const ids = (rs: readonly AccountRecord[]): bigint[] => rs.map((r) => r.id);
const byId = (rs: readonly AccountRecord[]): bigint[] => ids(rs).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

export function accountReachTests(ctx: Ctx): void {
  describe('queryAccounts: reach joined by the store', () => {
    const now = new Date();
    let agency: CustomerRecord; let client: CustomerRecord; let deep: CustomerRecord; let other: CustomerRecord;
    let own: AccountRecord; let clientAccount: AccountRecord; let deepAccount: AccountRecord;
    let linked: AccountRecord; let unlinked: AccountRecord; let single: AccountRecord; let later: AccountRecord;
    let agent: UserRecord; let singleUser: UserRecord; let nobody: UserRecord;

    const link = (over: Partial<NewClientLink> & Pick<NewClientLink, 'type' | 'clientEntityId' | 'managingCustomerId'>): Promise<ClientLinkRecord> =>
      ctx.store.insertClientLink({
        status: 'Active', name: null, note: null, isBillToClient: false, startDate: null, inviterEmail: null,
        inviterName: null, inviterPhone: null, customerLinkPermission: null, suppressNotification: true,
        lastModifiedByUserId: null, ...over,
      });

    before(async () => {
      [agency, client, deep, other] = [await customer(ctx), await customer(ctx), await customer(ctx), await customer(ctx)];
      own = await account(ctx, agency.id);
      clientAccount = await account(ctx, client.id);
      deepAccount = await account(ctx, deep.id);
      linked = await account(ctx, other.id);
      unlinked = await account(ctx, other.id);
      single = await account(ctx, other.id);
      later = await account(ctx, other.id);
      agent = await user(ctx, agency.id);
      await ctx.store.putUserRole({ userId: agent.id, customerId: agency.id, roleId: 41, accountIds: null });
      await link({ type: 'CustomerLink', clientEntityId: client.id, managingCustomerId: agency.id });
      await link({ type: 'CustomerLink', clientEntityId: deep.id, managingCustomerId: client.id });
      await link({ type: 'AccountLink', clientEntityId: linked.id, managingCustomerId: agency.id });
      // The newest link of a pair decides: this pair was linked, then unlinked.
      await link({ type: 'AccountLink', clientEntityId: unlinked.id, managingCustomerId: agency.id });
      await link({ type: 'AccountLink', clientEntityId: unlinked.id, managingCustomerId: agency.id, status: 'Inactive' });
      // Accepted, but its StartDate is still ahead.
      await link({ type: 'AccountLink', clientEntityId: later.id, managingCustomerId: agency.id, status: 'LinkInProgress', startDate: new Date(now.getTime() + 86_400_000) });
      singleUser = await user(ctx, other.id);
      await ctx.store.putUserRole({ userId: singleUser.id, customerId: other.id, roleId: 41, accountIds: [single.id] });
      nobody = await user(ctx, other.id);
    });

    it("a user's reach: own customers, down customer links, active account links, account-level roles", async () => {
      const reach = await ctx.store.queryAccounts({ scope: { userId: agent.id, at: now } });
      assert.deepEqual(ids(reach), byId([own, clientAccount, deepAccount, linked]));
      const tomorrow = new Date(now.getTime() + 2 * 86_400_000);
      assert.deepEqual(ids(await ctx.store.queryAccounts({ scope: { userId: agent.id, at: tomorrow } })), byId([own, clientAccount, deepAccount, linked, later]));
      assert.deepEqual(ids(await ctx.store.queryAccounts({ scope: { userId: singleUser.id, at: now } })), [single.id]);
      assert.deepEqual(await ctx.store.queryAccounts({ scope: { userId: nobody.id, at: now } }), []);
    });

    it('within intersects two reaches; a customer scope adds its clients only when asked', async () => {
      const both = await ctx.store.queryAccounts({ scope: { userId: agent.id, at: now }, within: { customerId: agency.id, withClients: true, at: now } });
      assert.deepEqual(ids(both), byId([own, clientAccount, linked]));
      const parent = await ctx.store.queryAccounts({ scope: { userId: agent.id, at: now }, within: { customerId: agency.id, withClients: false, at: now } });
      assert.deepEqual(ids(parent), [own.id]);
      assert.deepEqual(await ctx.store.queryAccounts({ scope: { userId: singleUser.id, at: now }, within: { userId: agent.id, at: now } }), []);
    });

    it('reachable customers: whole, linked, and those the user holds an account-level role on', async () => {
      const list = (rs: readonly CustomerRecord[]): bigint[] => rs.map((c) => c.id);
      assert.deepEqual(list(await ctx.store.listReachableCustomers(agent.id, now)), [agency.id, client.id, deep.id]);
      assert.deepEqual(list(await ctx.store.listReachableCustomers(singleUser.id, now)), [other.id]);
      assert.deepEqual(await ctx.store.listReachableCustomers(nobody.id, now), []);
    });

    it('paging through a reach of several customers and single accounts keeps one order', async () => {
      const scope = { userId: agent.id, at: now };
      const all = await ctx.store.queryAccounts({ scope, orderBy: { field: 'Number', descending: true } });
      const pages = [];
      for (let offset = 0; offset < all.length; offset += 2) pages.push(...await ctx.store.queryAccounts({ scope, orderBy: { field: 'Number', descending: true }, offset, limit: 2 }));
      assert.deepEqual(ids(pages), ids(all));
      assert.deepEqual(ids(all), ids([...all].sort((a, b) => (a.number.toLowerCase() < b.number.toLowerCase() ? 1 : -1))));
    });
  });

  describe('queryAccounts: whole customers and single accounts in one search', () => {
    const now = new Date();
    let tag: string;
    let u: UserRecord;
    const a: Record<string, AccountRecord> = {};
    before(async () => {
      tag = uniq('m').toLowerCase();
      const TAG = tag.toUpperCase();
      // x: the user's customer (a whole-customer role); w: reached whole down a customer link;
      // y: one account through an account-level role; z: one account through an account link.
      const reach = await mixedReach(ctx, ([
        ['x1', `${tag} delta`, `N${TAG}X1`], ['x2', 'Xenon', `${TAG} BRAVO`], ['x3', `${tag} golf`, `${TAG} A-BOTH`],
        ['w1', `${tag} alpha`, `N${TAG}W1`], ['w2', 'Wolf', `${TAG} ECHO`],
        ['y1', `${tag} charlie`, `N${TAG}Y1`], ['y2', `${tag} aaa`, `N${TAG}Y2`],
        ['z1', 'Zulu', `${TAG} FOXTROT`], ['z2', `${tag} ab`, `N${TAG}Z2`],
      ] as const).map(([key, name, number]) => [key, { name, number }] as const));
      Object.assign(a, reach.accounts);
      u = reach.user;
    });

    it('name-or-number merges both by the text matched, then id, and pages in that order', async () => {
      const scope = { userId: u.id, at: now };
      const find = (over: { offset?: number; limit?: number } = {}): Promise<AccountRecord[]> =>
        ctx.store.queryAccounts({ scope, prefix: { value: tag.toUpperCase(), on: 'nameOrNumber' }, ...over });
      // Names (alpha, charlie, delta, golf) and number-only matches (bravo, echo, foxtrot); x3
      // matches both and is listed once, by name; y2 and z2 are out of reach.
      const expected = ids(['w1', 'x2', 'y1', 'x1', 'w2', 'z1', 'x3'].map((k) => a[k]!));
      assert.deepEqual(ids(await find()), expected);
      assert.deepEqual(ids(await find({ limit: 3 })), expected.slice(0, 3));
      assert.deepEqual(ids(await find({ offset: 2, limit: 3 })), expected.slice(2, 5));
      assert.deepEqual(ids(await find({ offset: 6, limit: 3 })), expected.slice(6));
      assert.deepEqual(await find({ offset: 7, limit: 3 }), []);
      const pages: AccountRecord[] = [];
      for (let offset = 0; offset < expected.length; offset += 2) pages.push(...await find({ offset, limit: 2 }));
      assert.deepEqual(ids(pages), expected);
      // The rows are whole records, as read by id.
      assert.deepEqual((await find({ limit: 1 }))[0], await ctx.store.getAccount(a.w1!.id));
    });

    it('by name (descending) and by id, single accounts are merged with the pages of whole customers', async () => {
      const scope = { userId: u.id, at: now };
      const reached = ['x1', 'x2', 'x3', 'w1', 'w2', 'y1', 'z1'].map((k) => a[k]!);
      const byName = [...reached].sort((p, q) => (p.name.toLowerCase() < q.name.toLowerCase() ? 1 : -1));
      const all = await ctx.store.queryAccounts({ scope, orderBy: { field: 'Name', descending: true } });
      assert.deepEqual(ids(all), ids(byName));
      assert.deepEqual(ids(await ctx.store.queryAccounts({ scope, orderBy: { field: 'Name', descending: true }, offset: 1, limit: 3 })), ids(byName).slice(1, 4));
      assert.deepEqual(ids(await ctx.store.queryAccounts({ scope, offset: 5, limit: 10 })), byId(reached).slice(5));
      assert.deepEqual(ids(await ctx.store.queryAccounts({ scope, prefix: { value: tag, on: 'name' }, limit: 2 })), ids([a.w1!, a.y1!]));
    });
  });

  describe('queryAccounts: prefixes', () => {
    let c: CustomerRecord;
    let tag: string;
    const a: Record<string, AccountRecord> = {};
    before(async () => {
      c = await customer(ctx);
      tag = uniq('p').toLowerCase();
      // Name matches and number-only matches interleave by the text matched.
      for (const [key, name, number] of [
        ['n1', `${tag} beta`, `X${tag}Q1`], ['n2', `${tag} Ärger`, `X${tag}Q2`], ['m1', 'Zeta', `${tag} alpha`.toUpperCase()],
        ['m2', 'Omega', `${tag} gamma`.toUpperCase()], ['x', 'Nothing', `Y${tag}`],
      ] as const) a[key] = await account(ctx, c.id, { name, number });
    });
    const q = (value: string, limit?: number): Promise<AccountRecord[]> =>
      ctx.store.queryAccounts({ scope: { customerIds: [c.id], accountIds: [] }, prefix: { value, on: 'nameOrNumber' }, ...(limit ? { limit } : {}) });

    it('name-or-number merges name and number matches by the text matched, then pages', async () => {
      // "<tag> alpha" (number), "<tag> beta" (name), "<tag> gamma" (number), "<tag> ärger" (name: ä after the ASCII letters).
      assert.deepEqual(ids(await q(tag.toUpperCase())), ids([a.m1!, a.n1!, a.m2!, a.n2!]));
      assert.deepEqual(ids(await q(tag, 2)), ids([a.m1!, a.n1!]));
      assert.deepEqual(ids(await q(`${tag} Ä`)), ids([a.n2!]));
    });

    it('the range is exact: the successor of the last code point bounds it', () => {
      assert.deepEqual(prefixRange('AB'), { from: 'ab', to: 'ac' });
      assert.deepEqual(prefixRange('a\u{10FFFF}'), { from: 'a\u{10FFFF}', to: 'b' });
      assert.deepEqual(prefixRange('\u{10FFFF}'), { from: '\u{10FFFF}', to: null });
      assert.deepEqual(prefixRange('\uD7FF'), { from: '\uD7FF', to: '\uE000' });
      assert.deepEqual(prefixRange('z'), { from: 'z', to: '{' });
    });
  });
}
