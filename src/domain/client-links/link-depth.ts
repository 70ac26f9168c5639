// "Only 5 levels of depth are supported for manager account to manager account links" (the
// account hierarchy guide): a chain of customer links is at most 5 links long. Access walks that
// many; AddClientLinks refuses a CustomerLink that would make a longer chain. Every live link
// (pending ones too: accepting them must not need a second check) counts, the newest per pair.
import type { ClientLinkRecord } from '../../store/records.js';
import type { Store } from '../../store/store.js';
import { currentStatus, isLive, linksByManager, newestPerPair } from './life-cycle.js';

export const MAX_CUSTOMER_LINK_DEPTH = 5;

/** How many customer links the chain through a new link manager → client would have. */
export async function chainLengthWith(store: Store, managerId: bigint, clientId: bigint, now: Date): Promise<number> {
  const live = (links: readonly ClientLinkRecord[]): ClientLinkRecord[] =>
    newestPerPair(links).filter((l) => l.type === 'CustomerLink' && isLive(currentStatus(l, now)));
  const above = await longest(managerId, async (ids) =>
    live(await store.listClientLinksByClient('CustomerLink', ids)).map((l) => l.managingCustomerId));
  const below = await longest(clientId, async (ids) =>
    live(await linksByManager(store, ids)).map((l) => l.clientEntityId));
  return above + 1 + below;
}

/**
 * The number of steps of the longest walk from `start`, level by level (a customer reached at two
 * depths counts at the deeper); at most one past the limit, which also ends a cycle.
 */
async function longest(start: bigint, step: (ids: bigint[]) => Promise<bigint[]>): Promise<number> {
  let level = [start];
  let steps = 0;
  while (steps <= MAX_CUSTOMER_LINK_DEPTH) {
    const next = [...new Set(await step(level))];
    if (next.length === 0) return steps;
    level = next;
    steps++;
  }
  return steps;
}
