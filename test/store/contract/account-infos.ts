// Contract: queryAccountInfos is queryAccounts reading only what AccountInfo needs — the same
// accounts, in the same order, with the same values, for every shape of search (a prefix, a point
// lookup, an order, paging, a user's reach with account-level roles and links, two reaches).
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { AccountInfoRecord, AccountQuery, AccountRecord, UserRecord } from '../../../src/store/records.js';
import { mixedReach, uniq, user, type Ctx } from './fixtures.js';

const INFO_FIELDS = ['customerId', 'id', 'lifeCycleStatus', 'name', 'number', 'pauseReason'] as const;

function info(r: AccountRecord): AccountInfoRecord {
  return { id: r.id, customerId: r.customerId, number: r.number, name: r.name, lifeCycleStatus: r.lifeCycleStatus, pauseReason: r.pauseReason };
}

export function accountInfoTests(ctx: Ctx): void {
  describe('queryAccountInfos', () => {
    const now = new Date();
    let tag: string;
    let u: UserRecord;
    let xId: bigint;
    const a: Record<string, AccountRecord> = {};

    before(async () => {
      tag = uniq('i').toLowerCase();
      const TAG = tag.toUpperCase();
      // x: the user's customer (a whole-customer role); w: reached whole down a customer link;
      // y: one account through an account-level role; z: one account through an account link;
      // o: out of reach.
      const reach = await mixedReach(ctx, ([
        ['x1', `${tag} delta`, `N${TAG}X1`, 'Active', null], ['x2', 'Xenon', `${TAG} BRAVO`, 'Pause', 2],
        ['x3', `${tag} golf`, `${TAG} A-BOTH`, 'Draft', null], ['x4', `${TAG} Ärger`, `N${TAG}X4`, 'Pause', 1],
        ['w1', `${tag} alpha`, `N${TAG}W1`, 'Active', null], ['w2', 'Wolf', `${TAG} ECHO`, 'Inactive', null],
        ['y1', `${tag} charlie`, `N${TAG}Y1`, 'Active', null], ['y2', `${tag} aaa`, `N${TAG}Y2`, 'Active', null],
        ['z1', 'Zulu', `${TAG} FOXTROT`, 'Pause', 1], ['z2', `${tag} ab`, `N${TAG}Z2`, 'Active', null],
        ['o1', `${tag} out`, `N${TAG}O1`, 'Active', null],
      ] as const).map(([key, name, number, lifeCycleStatus, pauseReason]) => [key, { name, number, lifeCycleStatus, pauseReason }] as const));
      Object.assign(a, reach.accounts);
      u = reach.user;
      xId = reach.customers.x!.id;
    });

    /** Both reads of one query; the infos must be the records' AccountInfo fields, row for row. */
    const both = async (query: AccountQuery): Promise<AccountInfoRecord[]> => {
      const [records, infos] = [await ctx.store.queryAccounts(query), await ctx.store.queryAccountInfos(query)];
      assert.deepEqual(infos, records.map(info), JSON.stringify(query, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v)));
      for (const r of infos) assert.deepEqual(Object.keys(r).sort(), [...INFO_FIELDS]);
      return infos;
    };
    const ids = (rs: readonly AccountInfoRecord[]): bigint[] => rs.map((r) => r.id);
    const of = (...keys: string[]): bigint[] => keys.map((k) => a[k]!.id);

    it('a name-or-number prefix over a reach of whole customers and single accounts, paged', async () => {
      const scope = { userId: u.id, at: now };
      const prefix = { value: tag.toUpperCase(), on: 'nameOrNumber' } as const;
      // By the text matched: names alpha, charlie, delta, golf, ärger; numbers bravo, echo, foxtrot.
      const expected = of('w1', 'x2', 'y1', 'x1', 'w2', 'z1', 'x3', 'x4');
      assert.deepEqual(ids(await both({ scope, prefix })), expected);
      assert.deepEqual(ids(await both({ scope, prefix, limit: 3 })), expected.slice(0, 3));
      assert.deepEqual(ids(await both({ scope, prefix, offset: 2, limit: 3 })), expected.slice(2, 5));
      assert.deepEqual(ids(await both({ scope, prefix, limit: 10 })), expected);
      assert.deepEqual(ids(await both({ scope, prefix: { value: `${tag} `, on: 'name' }, limit: 2 })), of('w1', 'y1'));
      assert.deepEqual(ids(await both({ scope, prefix: { value: `n${tag}`, on: 'number' } })), of('w1', 'x1', 'x4', 'y1'));
      assert.deepEqual(await both({ scope, prefix: { value: `${tag}zz`, on: 'nameOrNumber' } }), []);
    });

    it('point lookups by number and by id, checked against the reach', async () => {
      const scope = { userId: u.id, at: now };
      assert.deepEqual(ids(await both({ scope, numberEquals: [a.x4!.number.toLowerCase(), a.y2!.number, a.z1!.number] })), of('x4', 'z1'));
      assert.deepEqual(ids(await both({ scope, ids: of('o1', 'y1', 'x2') })), of('x2', 'y1'));
      assert.deepEqual(ids(await both({ scope, ids: of('x1', 'x2', 'x3'), orderBy: { field: 'Name', descending: true }, limit: 2 })), of('x2', 'x3'));
      assert.deepEqual(await both({ scope, ids: [] }), []);
    });

    it('every order, both directions, and a customer, statuses and pause reasons', async () => {
      const scope = { userId: u.id, at: now };
      for (const field of ['Id', 'Name', 'Number', 'LifeCycleStatus'] as const) {
        for (const descending of [false, true]) {
          const all = await both({ scope, orderBy: { field, descending } });
          assert.equal(all.length, 8);
          assert.deepEqual(await both({ scope, orderBy: { field, descending }, offset: 3, limit: 4 }), all.slice(3, 7));
        }
      }
      assert.deepEqual(ids(await both({ scope, customerId: xId, limit: 2 })), of('x1', 'x2'));
      assert.deepEqual(ids(await both({ scope, lifeCycle: [{ status: 'Pause', pauseReasons: [1] }] })), of('x4', 'z1'));
      assert.deepEqual(ids(await both({ scope, nameContains: 'ELT', numberContains: 'x1' })), of('x1'));
    });

    it('an explicit scope, two reaches intersected, and scopes that match nothing', async () => {
      assert.deepEqual(ids(await both({ scope: { customerIds: [xId], accountIds: of('y2', 'o1') } })), of('x1', 'x2', 'x3', 'x4', 'y2', 'o1'));
      const scope = { userId: u.id, at: now };
      assert.deepEqual(ids(await both({ scope, within: { customerId: xId, withClients: true, at: now } })), of('x1', 'x2', 'x3', 'x4', 'w1', 'w2', 'z1'));
      assert.deepEqual(ids(await both({ scope, within: { customerId: xId, withClients: false, at: now } })), of('x1', 'x2', 'x3', 'x4'));
      assert.deepEqual(await both({ scope: { customerIds: [], accountIds: [] } }), []);
      assert.deepEqual(await both({ scope, within: { customerIds: [], accountIds: [] } }), []);
      assert.deepEqual(await both({ scope: { userId: (await user(ctx, xId)).id, at: now } }), []);
    });
  });
}
