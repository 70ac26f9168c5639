// Contract: insertClientLink's guard — AddClientLinks' live-link checks made atomic with the
// insert. It refuses exactly what the domain's sequential check refuses (a live link of the pair;
// for an account, another agency's link Active or in progress), with "live" meaning
// isLive(currentStatus(l, now)) at the instant the domain gives; a refused insert writes nothing,
// its notices neither; and of concurrent guarded inserts for one pair exactly one is stored.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ClientLinkRecord, NewClientLink, NewOutboxMessage } from '../../../src/store/records.js';
import { StoreConflict, type ClientLinkGuard } from '../../../src/store/store.js';
import { currentStatus, isLive, LINK_PENDING_LIFETIME_MS, liveAt } from '../../../src/domain/client-links/life-cycle.js';
import { HELD_BY_ANOTHER_AGENCY } from '../../../src/domain/client-links/account-lock.js';
import { account, BIG, customer, uniq, type Ctx } from './fixtures.js';

const DAY = 86_400_000;

const STATUSES: readonly ClientLinkRecord['status'][] = [
  'LinkPending', 'LinkCanceled', 'LinkExpired', 'LinkAccepted', 'LinkDeclined', 'LinkInProgress', 'Active', 'LinkFailed',
  'UnlinkRequested', 'UnlinkPending', 'UnlinkCanceled', 'UnlinkInProgress', 'Inactive', 'UnlinkFailed',
];

function link(clientEntityId: bigint, managingCustomerId: bigint, over: Partial<NewClientLink> = {}): NewClientLink {
  return {
    type: 'AccountLink', clientEntityId, managingCustomerId, status: 'LinkPending', name: 'link', note: null,
    isBillToClient: true, startDate: null, inviterEmail: null, inviterName: null, inviterPhone: null,
    customerLinkPermission: null, suppressNotification: true, lastModifiedByUserId: null, ...over,
  };
}

function guard(now: Date, type: ClientLinkRecord['type']): ClientLinkGuard {
  return { live: liveAt(now), otherManagerStatuses: type === 'AccountLink' ? HELD_BY_ANOTHER_AGENCY : [] };
}

/** 'stored', or the conflict's kind. */
async function outcome(write: Promise<ClientLinkRecord>): Promise<string> {
  try {
    await write;
    return 'stored';
  } catch (err) {
    if (err instanceof StoreConflict) return err.what;
    throw err;
  }
}

let entity = BIG + 1_000_000n;
/** A client entity id no other case uses (the guard needs no row behind it; the lock then locks none). */
function freshEntity(): bigint {
  entity += 1n;
  return entity;
}

export function clientLinkGuardTests(ctx: Ctx): void {
  describe('client links: the guarded insert (AddClientLinks)', () => {
    it('refuses exactly the links the sequential check refuses, at the given instant', async () => {
      const now = new Date();
      const me = await customer(ctx);
      const rival = await customer(ctx);
      const ages = [0, LINK_PENDING_LIFETIME_MS - 1, LINK_PENDING_LIFETIME_MS, LINK_PENDING_LIFETIME_MS + DAY];
      const starts = [null, new Date(now.getTime() - DAY), new Date(now.getTime() + DAY)];
      const wrong: string[] = [];
      for (const status of STATUSES) {
        for (const age of ages) {
          for (const startDate of starts) {
            const createdTime = new Date(now.getTime() - age);
            const label = `${status}, ${age} ms old, start ${startDate?.toISOString() ?? 'none'}`;
            // The same manager: any live link refuses (1410).
            const pair = freshEntity();
            const existing = await ctx.store.insertClientLink(link(pair, me.id, { status, createdTime, startDate }));
            const live = isLive(currentStatus(existing, now));
            const same = await outcome(ctx.store.insertClientLink(link(pair, me.id), [], guard(now, 'AccountLink')));
            if (same !== (live ? 'client_link_live' : 'stored')) wrong.push(`same manager, ${label}: ${same}`);
            // Another agency: only its link Active or in progress refuses an account link (1424, 1472) …
            const shared = freshEntity();
            const theirs = await ctx.store.insertClientLink(link(shared, rival.id, { status, createdTime, startDate }));
            const held = HELD_BY_ANOTHER_AGENCY.includes(currentStatus(theirs, now));
            const other = await outcome(ctx.store.insertClientLink(link(shared, me.id), [], guard(now, 'AccountLink')));
            if (other !== (held ? 'client_link_live' : 'stored')) wrong.push(`other agency, ${label}: ${other}`);
            // … and never a customer link: a client customer may have several managers.
            const client = freshEntity();
            await ctx.store.insertClientLink(link(client, rival.id, { type: 'CustomerLink', status, createdTime, startDate }));
            const customerLink = link(client, me.id, { type: 'CustomerLink', isBillToClient: null, customerLinkPermission: 'Standard' });
            const asCustomer = await outcome(ctx.store.insertClientLink(customerLink, [], guard(now, 'CustomerLink')));
            if (asCustomer !== 'stored') wrong.push(`customer link beside another manager's, ${label}: ${asCustomer}`);
          }
        }
      }
      assert.deepEqual(wrong, []);
    });

    it('looks at the client entity and type of the new link only', async () => {
      const now = new Date();
      const me = await customer(ctx);
      const a = freshEntity();
      await ctx.store.insertClientLink(link(a, me.id, { status: 'Active' }));
      // The same id as a customer link's client, and another account: not the pair.
      const customerLink = link(a, me.id, { type: 'CustomerLink', isBillToClient: null, customerLinkPermission: 'Standard' });
      assert.equal(await outcome(ctx.store.insertClientLink(customerLink, [], guard(now, 'CustomerLink'))), 'stored');
      assert.equal(await outcome(ctx.store.insertClientLink(link(freshEntity(), me.id), [], guard(now, 'AccountLink'))), 'stored');
      assert.equal(await outcome(ctx.store.insertClientLink(link(a, me.id), [], guard(now, 'AccountLink'))), 'client_link_live');
    });

    it('a refused insert writes nothing: neither the link nor its notices', async () => {
      const now = new Date();
      const me = await customer(ctx);
      const client = await account(ctx, (await customer(ctx)).id);
      const to = uniq('refused.') + '@example.test';
      const notice = (body: string): NewOutboxMessage => ({ to, subject: 'link request', body, createdTime: now });
      const first = await ctx.store.insertClientLink(link(client.id, me.id), [notice('first')], guard(now, 'AccountLink'));
      await assert.rejects(ctx.store.insertClientLink(link(client.id, me.id), [notice('second')], guard(now, 'AccountLink')),
        (err: unknown) => err instanceof StoreConflict && err.what === 'client_link_live');
      assert.deepEqual(await ctx.store.listClientLinksByClient('AccountLink', [client.id]), [first]);
      assert.deepEqual((await ctx.store.listOutboxMessages({ to, limit: 10 })).map((m) => m.body), ['first']);
      assert.deepEqual(await ctx.store.getAccount(client.id), client, 'the lock changes nothing of the account');
    });

    it('of concurrent guarded inserts for one pair exactly one is stored (account and customer links)', async () => {
      const now = new Date();
      const me = await customer(ctx);
      const clientCustomer = await customer(ctx);
      const clientAccount = await account(ctx, clientCustomer.id);
      const to = uniq('race.') + '@example.test';
      const cases: Array<[ClientLinkRecord['type'], NewClientLink]> = [
        ['AccountLink', link(clientAccount.id, me.id)],
        ['CustomerLink', link(clientCustomer.id, me.id, { type: 'CustomerLink', isBillToClient: null, customerLinkPermission: 'Standard' })],
      ];
      for (const [type, newLink] of cases) {
        const outcomes = await Promise.all(Array.from({ length: 8 }, (_, i) => outcome(ctx.store.insertClientLink(
          newLink, [{ to, subject: type, body: `${type} ${i}`, createdTime: now }], guard(now, type)))));
        assert.deepEqual([...outcomes].sort(), [...Array.from({ length: 7 }, () => 'client_link_live'), 'stored'], type);
        assert.equal((await ctx.store.listClientLinksByClient(type, [newLink.clientEntityId])).length, 1, type);
        const mail = (await ctx.store.listOutboxMessages({ to, limit: 20 })).filter((m) => m.subject === type);
        assert.equal(mail.length, 1, `${type}: the refused inserts' notices are not written`);
      }
    });

    it('concurrent requests of several agencies for one account are all stored (pending requests coexist)', async () => {
      const now = new Date();
      const client = await account(ctx, (await customer(ctx)).id);
      const agencies = await Promise.all(Array.from({ length: 6 }, () => customer(ctx)));
      const outcomes = await Promise.all(agencies.map((a) =>
        outcome(ctx.store.insertClientLink(link(client.id, a.id), [], guard(now, 'AccountLink')))));
      assert.deepEqual(outcomes, agencies.map(() => 'stored'));
    });
  });
}
