// UpdateClientLinks: moves links along their life cycle (spec §2.2). The agency cancels a pending
// request (LinkCanceled) or asks to end an Active link (UnlinkRequested); the client "may only …
// update the status as LinkAccepted or LinkDeclined". A link is named by its client entity and
// managing customer ("A client link does not have a public system identifier"); the newest link
// of that pair is the one changed. Status is the only writable element besides Note.
import type { Entity } from '../../contract/values.js';
import type { ClientLinkRecord } from '../../store/records.js';
import type { Context, Handler } from '../context.js';
import { ApiError } from '../../contract/api-error.js';
import { runBatch } from './batch.js';
import { acceptedStatus, currentStatus, isLive, liveAt, newestPerPair, type LinkStatus } from './life-cycle.js';
import { BEING_LINKED, HELD_BY_ANOTHER_AGENCY } from './account-lock.js';
import { StoreConflict, type GuardedClientLinkUpdate } from '../../store/store.js';
import {
  clientEntity, clientEntityId, isAgencySide, isClientSide, linkType, managingCustomerId, type ClientEntity,
} from './link-parties.js';
import { readOnlyChange } from './read-only-fields.js';

type Party = 'agency' | 'client';

/** Requested status → the status it may leave, who may ask, and the status the link then has. */
const TRANSITIONS: Readonly<Partial<Record<LinkStatus, { from: LinkStatus; by: Party }>>> = {
  LinkAccepted: { from: 'LinkPending', by: 'client' },
  LinkDeclined: { from: 'LinkPending', by: 'client' },
  LinkCanceled: { from: 'LinkPending', by: 'agency' },
  UnlinkRequested: { from: 'Active', by: 'agency' },
};

export const updateClientLinks: Handler<'UpdateClientLinks'> = async (ctx, { ClientLinks: links }) =>
  runBatch(links, (link) => updateOne(ctx, link));

async function updateOne(ctx: Context, input: Entity<'ClientLink'>): Promise<void> {
  const type = linkType(input.Type);
  const managerId = await managingCustomerId(ctx.store, input);
  const client = await clientEntity(ctx.store, type, input).catch((err: unknown) => {
    // An unknown client is as unreachable as another customer's: the same 106 as below.
    if (err instanceof ApiError && (err.fault === 'AccountIdInvalid' || err.fault === 'EntityNotExistent')) return null;
    throw err;
  });
  const access = await ctx.access();
  const parties = new Set<Party>();
  if (managerId !== null && isAgencySide(access, type, managerId)) parties.add('agency');
  if (client && isClientSide(access, type, client)) parties.add('client');
  if (parties.size === 0 || managerId === null || client === null) {
    throw new ApiError('UserIsNotAuthorized', 'The user may update client links only as the managing customer or as the client.');
  }
  const link = await newestLink(ctx, client, managerId);
  if (!link) throw new ApiError('EntityNotExistent', 'There is no client link between this client and managing customer.');
  const requested = input.Status;
  if (requested === undefined || requested === null) throw new ApiError('NullParameter', 'ClientLink.Status is required.');
  const changed = readOnlyChange(input, link, client);
  if (changed) throw new ApiError('ClientLinkElementReadOnly', `${changed} is read-only.`);

  const now = ctx.now();
  const status = currentStatus(link, now);
  if (BEING_LINKED.includes(status)) throw new ApiError('AccountBeingLinkedOrUnlinked', `The client link is ${status}.`);
  const transition = TRANSITIONS[requested];
  if (!transition || transition.from !== status) {
    throw new ApiError('ClientLinkElementReadOnly', `A ${status} client link cannot be set to ${requested}.`);
  }
  if (!parties.has(transition.by)) {
    throw new ApiError('UserIsNotAuthorized', transition.by === 'client'
      ? 'Only the client can accept or decline a link request.'
      : 'Only the managing customer can cancel a link request or ask to unlink.');
  }
  let next: LinkStatus;
  // Accepting an account link: the store checks "no other agency holds the account" again under
  // the account's row lock (as AddClientLinks' guarded insert does), so two agencies' requests
  // accepted at the same moment cannot both become Active.
  let guarded: GuardedClientLinkUpdate | undefined;
  switch (requested) {
    case 'LinkAccepted':
      await checkNoOtherAgency(ctx, link, client, now);
      next = acceptedStatus(link, now);
      if (client.kind === 'account') {
        guarded = { link, guard: { live: liveAt(now), otherManagerStatuses: HELD_BY_ANOTHER_AGENCY, sameManagerRefuses: false } };
      }
      break;
    // The unlink has no billing transition to wait for: UnlinkPending and UnlinkInProgress pass at once.
    case 'UnlinkRequested': next = 'Inactive'; break;
    default: next = requested;
  }
  const changes = { status: next, note: input.Note || link.note, lastModifiedByUserId: ctx.user.id };
  let updated: ClientLinkRecord | null;
  try {
    updated = await ctx.store.updateClientLink(link.id, link.version, changes, guarded);
  } catch (err) {
    if (!(err instanceof StoreConflict && err.what === 'client_link_live')) throw err;
    // Another agency's link got there first: the fault the sequential check gives now.
    await checkNoOtherAgency(ctx, link, client, ctx.now());
    updated = null;
  }
  if (!updated) throw new ApiError('TimestampNotMatch', 'The client link changed meanwhile; search for it again.');
}

/** The pair's newest link; aggregatee links are not client links one can see or change. */
async function newestLink(ctx: Context, client: ClientEntity, managerId: bigint): Promise<ClientLinkRecord | undefined> {
  const type = client.kind === 'account' ? 'AccountLink' : 'CustomerLink';
  const links = (await ctx.store.listClientLinksByClient(type, [clientEntityId(client)]))
    .filter((l) => l.managingCustomerId === managerId);
  const newest = newestPerPair(links)[0];
  return newest && !newest.aggregatee ? newest : undefined;
}

/** Accepting an account link while another agency manages the account would give it two. */
async function checkNoOtherAgency(ctx: Context, link: ClientLinkRecord, client: ClientEntity, now: Date): Promise<void> {
  if (client.kind !== 'account') return;
  const others = (await ctx.store.listClientLinksByClient('AccountLink', [client.account.id]))
    .filter((l) => l.managingCustomerId !== link.managingCustomerId && isLive(currentStatus(l, now)));
  if (others.some((l) => currentStatus(l, now) === 'Active')) throw new ApiError('ClientAccountManagedByAnotherAgency');
  if (others.some((l) => BEING_LINKED.includes(currentStatus(l, now)))) throw new ApiError('AccountBeingLinkedOrUnlinked');
}
