// Contract: searchClientLinks of one manager's links (DirectManagingCustomerId), which the store
// walks through an index per order instead of grouping and sorting every link: the same answer as
// the rule written here — the newest link of each (type, client entity), aggregatee ones left out,
// by key then link id ascending in both directions — for every order, direction and page, with
// ties in names (folded, null as ''), an account and a customer link to the same id, history rows
// and a pair whose newest row is aggregatee.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ClientLinkRecord, CustomerRecord, NewClientLink } from '../../../src/store/records.js';
import { customer, type Ctx } from './fixtures.js';

type Field = 'Id' | 'Name' | 'Number';

/** The page the rule gives over all of a manager's links (history rows included). */
export function expectedManagerPage(links: readonly ClientLinkRecord[], field: Field, descending: boolean, offset = 0, limit = Infinity): bigint[] {
  const newest = new Map<string, ClientLinkRecord>();
  for (const l of links) {
    const pair = `${l.type} ${l.clientEntityId}`;
    if ((newest.get(pair)?.id ?? -1n) < l.id) newest.set(pair, l);
  }
  // Folded names in code point order (the fixtures' names are in the Basic Multilingual Plane, where
  // UTF-16 order is code point order); one manager, one number.
  const key = (l: ClientLinkRecord): bigint | string => (field === 'Id' ? l.clientEntityId : field === 'Name' ? (l.name ?? '').toLowerCase() : '');
  const sign = descending ? -1 : 1;
  return [...newest.values()].filter((l) => !l.aggregatee)
    .sort((a, b) => (key(a) < key(b) ? -sign : key(a) > key(b) ? sign : a.id < b.id ? -1 : 1))
    .slice(offset, offset + limit).map((l) => l.id);
}

export function managerLinkTests(ctx: Ctx): void {
  describe("searchClientLinks of a manager's links: index walks, the grouping's answer", () => {
    let agency: CustomerRecord;
    let all: ClientLinkRecord[];
    const link = (over: Partial<NewClientLink> & Pick<NewClientLink, 'type' | 'clientEntityId'>): Promise<ClientLinkRecord> =>
      ctx.store.insertClientLink({
        managingCustomerId: agency.id, status: 'Active', name: null, note: null, isBillToClient: null, startDate: null,
        inviterEmail: null, inviterName: null, inviterPhone: null, customerLinkPermission: null, suppressNotification: true,
        lastModifiedByUserId: null, ...over,
      });

    before(async () => {
      agency = await customer(ctx, { isAgency: true });
      const client = 700_000_000n + BigInt(Math.floor(Math.random() * 1e6)) * 100n;
      const names = ['Same', 'same', 'SAME', null, 'Zed', '', null, 'Ärger', 'zed', 'Same', null, 'Alpha', 'ärger', 'Same'];
      for (const [i, name] of names.entries()) {
        await link({ type: i % 3 === 0 ? 'AccountLink' : 'CustomerLink', clientEntityId: client + BigInt(i * 2), name });
      }
      // An account link and a customer link to the same id: equal Id keys, by link id.
      await link({ type: 'CustomerLink', clientEntityId: client + 60n, name: 'Twin' });
      await link({ type: 'AccountLink', clientEntityId: client + 60n, name: 'twin' });
      // History: only the newest row of a pair counts, whatever the older ones were named.
      await link({ type: 'CustomerLink', clientEntityId: client + 70n, name: 'Aardvark', status: 'Inactive' });
      await link({ type: 'CustomerLink', clientEntityId: client + 70n, name: 'same' });
      // A pair whose newest row is aggregatee is not listed (nor its older row).
      await link({ type: 'AccountLink', clientEntityId: client + 80n, name: 'Alpha' });
      await link({ type: 'AccountLink', clientEntityId: client + 80n, name: 'Alpha', aggregatee: true });
      all = await ctx.store.listClientLinksByManager([agency.id], ['Active', 'Inactive']);
    });

    it('every order and direction, whole and page by page', async () => {
      const expectedCount = 14 + 2 + 1;
      for (const field of ['Id', 'Name', 'Number'] as const) {
        for (const descending of [false, true]) {
          const what = `${field} ${descending ? 'descending' : 'ascending'}`;
          const orderBy = { field, descending };
          const whole = (await ctx.store.searchClientLinks({ of: { managerId: agency.id }, orderBy })).map((l) => l.id);
          assert.equal(whole.length, expectedCount, what);
          assert.deepEqual(whole, expectedManagerPage(all, field, descending), what);
          for (const size of [1, 3, 5]) {
            for (let offset = 0; offset <= expectedCount; offset += size) {
              const page = await ctx.store.searchClientLinks({ of: { managerId: agency.id }, orderBy, offset, limit: size });
              assert.deepEqual(page.map((l) => l.id), whole.slice(offset, offset + size), `${what}, ${offset}+${size}`);
            }
          }
        }
      }
    });
  });
}
