// 1472: "You cannot get, delete, or update an account that is being linked or unlinked." An
// account is being linked while its pair's newest link is LinkInProgress (an accepted link
// waiting for its StartDate; unlinks complete at once here).
import type { AccountRecord } from '../../store/records.js';
import type { Store } from '../../store/store.js';
import { ApiError } from '../../contract/api-error.js';
import { currentStatus, newestPerPair, type LinkStatus } from './life-cycle.js';

/** The statuses of a link "being linked or unlinked" (AddClientLinks refuses another agency's too). */
export const BEING_LINKED: readonly LinkStatus[] = ['LinkInProgress', 'UnlinkPending', 'UnlinkInProgress'];

/**
 * Another agency's link in one of these statuses holds the account: no second agency may request
 * or accept one. The clock never moves a link into or out of them (LinkInProgress reads Active,
 * LinkPending LinkExpired), so the store may test the stored status.
 */
export const HELD_BY_ANOTHER_AGENCY: readonly LinkStatus[] = [...BEING_LINKED, 'Active'];

export async function assertNotBeingLinked(store: Store, account: AccountRecord, now: Date): Promise<void> {
  const links = newestPerPair(await store.listClientLinksByClient('AccountLink', [account.id]));
  const busy = links.find((l) => BEING_LINKED.includes(currentStatus(l, now)));
  if (busy) throw new ApiError('AccountBeingLinkedOrUnlinked', `A client link of account ${account.id} is ${currentStatus(busy, now)}.`);
}
