// The ClientLinkStatus life cycle (clientlinkstatus.md and the Client Links guide). The steps the
// service takes on its own happen here without delay — there is no billing transition to wait
// for — except the two the documentation ties to the clock, which are computed on every read:
// an accepted link stays LinkInProgress until its StartDate, and a LinkPending link nobody acted
// on becomes LinkExpired 30 days after it was requested.
import type { Entity } from '../../contract/values.js';
import type { ClientLinkRecord } from '../../store/records.js';
import type { LiveClientLinks, Store } from '../../store/store.js';

export type LinkStatus = Entity<'ClientLinkStatus'>;

/** "If the client or agency does not take action within 30 days, the service sets the status to LinkExpired." */
export const LINK_PENDING_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;

/** "If a link exists with status either Active, LinkAccepted, LinkInProgress, LinkPending, UnlinkInProgress, or UnlinkPending, the agency cannot initiate a duplicate client link." */
export const LIVE_STATUSES: readonly LinkStatus[] = [
  'Active', 'LinkAccepted', 'LinkInProgress', 'LinkPending', 'UnlinkInProgress', 'UnlinkPending',
];


/** The status a reader sees now. */
export function currentStatus(link: ClientLinkRecord, now: Date): LinkStatus {
  if (link.status === 'LinkPending' && now.getTime() - link.createdTime.getTime() >= LINK_PENDING_LIFETIME_MS) {
    return 'LinkExpired';
  }
  if (link.status === 'LinkInProgress' && (link.startDate === null || link.startDate.getTime() <= now.getTime())) {
    return 'Active';
  }
  return link.status;
}

export function isLive(status: LinkStatus): boolean {
  return LIVE_STATUSES.includes(status);
}

/**
 * `isLive(currentStatus(l, now))` as a store tests it in SQL: of the clock's two steps, a
 * LinkInProgress link reading Active stays live, and a LinkPending link stops being live when it
 * expires — at LINK_PENDING_LIFETIME_MS after its creation, as in currentStatus.
 */
export function liveAt(now: Date): LiveClientLinks {
  return {
    statuses: LIVE_STATUSES,
    expiring: { status: 'LinkPending', createdAfter: new Date(now.getTime() - LINK_PENDING_LIFETIME_MS) },
  };
}

/** The accepted link's first status: Active, or LinkInProgress until a StartDate in the future. */
export function acceptedStatus(link: ClientLinkRecord, now: Date): LinkStatus {
  return link.startDate !== null && link.startDate.getTime() > now.getTime() ? 'LinkInProgress' : 'Active';
}

/** Every status a stored link may have. */
const ALL_STATUSES: readonly LinkStatus[] = [
  'LinkPending', 'LinkCanceled', 'LinkExpired', 'LinkAccepted', 'LinkDeclined', 'LinkInProgress', 'Active', 'LinkFailed',
  'UnlinkRequested', 'UnlinkPending', 'UnlinkCanceled', 'UnlinkInProgress', 'Inactive', 'UnlinkFailed',
];

/** Every link these customers manage, any status, ordered by id. */
export function linksByManager(store: Store, managingCustomerIds: readonly bigint[]): Promise<ClientLinkRecord[]> {
  return store.listClientLinksByManager(managingCustomerIds, ALL_STATUSES);
}

/**
 * "The link is established and the managing customer can access the client account": the pairs
 * whose newest link is Active now (an older link of a pair is history, whatever it says).
 */
export async function activeLinksByManager(
  store: Store, managingCustomerIds: readonly bigint[], now: Date,
): Promise<ClientLinkRecord[]> {
  const links = newestPerPair(await linksByManager(store, managingCustomerIds));
  return links.filter((l) => currentStatus(l, now) === 'Active').sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** The newest link of each (type, client entity, manager): a pair's earlier links are its history. */
export function newestPerPair(links: readonly ClientLinkRecord[]): ClientLinkRecord[] {
  const newest = new Map<string, ClientLinkRecord>();
  for (const link of links) {
    const key = `${link.type}:${link.clientEntityId}:${link.managingCustomerId}`;
    const seen = newest.get(key);
    if (!seen || seen.id < link.id) newest.set(key, link);
  }
  return [...newest.values()];
}
