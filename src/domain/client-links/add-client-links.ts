// AddClientLinks: "Initiates the client link process … Sends a link request from one customer to
// another customer or account." Each link is checked and written on its own (partial success);
// the service sets it to LinkPending at once.
import type { Entity } from '../../contract/values.js';
import type { NewClientLink, NewOutboxMessage } from '../../store/records.js';
import { StoreConflict, type ClientLinkGuard } from '../../store/store.js';
import type { Context, Handler } from '../context.js';
import { ApiError } from '../../contract/api-error.js';
import { HELD_BY_ANOTHER_AGENCY } from './account-lock.js';
import { runBatch } from './batch.js';
import { currentStatus, isLive, liveAt } from './life-cycle.js';
import { chainLengthWith, MAX_CUSTOMER_LINK_DEPTH } from './link-depth.js';
import { linkRequestMessage } from './link-notice.js';
import {
  clientEntity, clientEntityId, isAgencySide, linkType, managingCustomerId, type ClientEntity, type LinkType,
} from './link-parties.js';

/** "The name can contain a maximum of 40 characters." */
export const LINK_NAME_MAX = 40;
const PERMISSIONS = ['Administrative', 'Standard'];

export const addClientLinks: Handler<'AddClientLinks'> = async (ctx, { ClientLinks: links }) =>
  runBatch(links, (link) => addOne(ctx, link));

async function addOne(ctx: Context, input: Entity<'ClientLink'>): Promise<void> {
  const type = linkType(input.Type);
  // Authorise first: nothing is learnt about clients on behalf of a customer the caller cannot act for.
  const managerId = await managingCustomerId(ctx.store, input);
  const access = await ctx.access();
  const manager = managerId === null ? null : await ctx.store.getCustomer(managerId);
  if (!manager || !isAgencySide(access, type, manager.id)) {
    throw new ApiError('UserIsNotAuthorized', type === 'AccountLink'
      ? 'Only a Super Admin, Standard User or Aggregator of the managing customer can add account links.'
      : 'Only a Super Admin of the managing customer can add customer links.');
  }
  const client = await clientEntity(ctx.store, type, input);
  const fields = linkFields(input, type, client);
  await checkClient(ctx, type, client, manager.id);
  await checkLiveLinks(ctx, type, client, manager.id);
  // The notices are written with the link, in one transaction.
  const notices = fields.suppressNotification ? [] : await linkRequestMessage(ctx, fields, client, manager);
  await insertGuarded(ctx, {
    ...fields, type, clientEntityId: clientEntityId(client), managingCustomerId: manager.id, status: 'LinkPending',
    startDate: input.StartDate ?? ctx.now(), // "If not specified, … set to the current date and time."
    inviterEmail: input.InviterEmail || ctx.user.contactInfo?.email || null,
    inviterName: input.InviterName || manager.name,
    inviterPhone: input.InviterPhone || ctx.user.contactInfo?.phone1 || null,
    lastModifiedByUserId: ctx.user.id, createdTime: ctx.now(),
  }, notices, client);
}

/** How often an add is tried while the link that refused it has ended by the read after; then it is 1410. */
const GUARDED_ATTEMPTS = 3;

/**
 * checkLiveLinks is a read before the insert: concurrent adds for one pair could all pass it. So
 * the store checks the same again in the insert's transaction, under the client entity's row lock
 * (store.ts ClientLinkGuard): of racers exactly one is stored, a refused one writes nothing (its
 * notices neither), and an account link meets the other agencies' links as they are at the
 * insert. The fault is the one checkLiveLinks gives on a fresh read; when that read finds the
 * refusing link already ended, the add is tried again.
 */
async function insertGuarded(
  ctx: Context, link: NewClientLink, notices: readonly NewOutboxMessage[], client: ClientEntity,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const guard: ClientLinkGuard = {
      live: liveAt(ctx.now()), otherManagerStatuses: link.type === 'AccountLink' ? HELD_BY_ANOTHER_AGENCY : [],
    };
    try {
      await ctx.store.insertClientLink(link, notices, guard);
      return;
    } catch (err) {
      if (!(err instanceof StoreConflict && err.what === 'client_link_live')) throw err;
    }
    await checkLiveLinks(ctx, link.type, client, link.managingCustomerId);
    if (attempt === GUARDED_ATTEMPTS) throw new ApiError('ClientLinkAlreadyInvited');
  }
}

type LinkFields = Pick<NewClientLink, 'name' | 'note' | 'isBillToClient' | 'customerLinkPermission' | 'suppressNotification'>;

function linkFields(input: Entity<'ClientLink'>, type: LinkType, client: ClientEntity): LinkFields {
  const name = input.Name?.trim() || defaultName(client);
  if (name.length > LINK_NAME_MAX) throw new ApiError('NameTooLong', `ClientLink.Name must be at most ${LINK_NAME_MAX} characters.`);
  let isBillToClient: boolean | null = null;
  let permission: string | null = null;
  if (type === 'AccountLink') {
    // "Required for advertiser account links; Not applicable for customer links."
    if (input.IsBillToClient === undefined || input.IsBillToClient === null) {
      throw new ApiError('NullParameter', 'ClientLinkFieldInvalid: IsBillToClient is required for an account link.');
    }
    isBillToClient = input.IsBillToClient;
    if (input.CustomerLinkPermission) {
      throw new ApiError('InvalidParameter', 'ClientLinkFieldInvalid: CustomerLinkPermission applies to customer links only.');
    }
  } else {
    permission = input.CustomerLinkPermission || 'Standard';
    if (!PERMISSIONS.includes(permission)) {
      throw new ApiError('InvalidParameter', 'ClientLinkFieldInvalid: CustomerLinkPermission must be Administrative or Standard.');
    }
  }
  return {
    name, note: input.Note || null, isBillToClient, customerLinkPermission: permission,
    suppressNotification: input.SuppressNotification ?? false,
  };
}

/** "A default name will be provided if none is specified." */
function defaultName(client: ClientEntity): string {
  const name = client.kind === 'account' ? client.account.name : client.customer.name;
  return name.slice(0, LINK_NAME_MAX);
}

/** The documented refusals, in the order a request meets them. */
async function checkClient(ctx: Context, type: LinkType, client: ClientEntity, managerId: bigint): Promise<void> {
  if (client.kind === 'customer' && client.customer.id === managerId) {
    throw new ApiError('InvalidParameter', 'ClientLinkFieldInvalid: a customer cannot link to itself.');
  }
  if (client.kind === 'customer' && await chainLengthWith(ctx.store, managerId, client.customer.id, ctx.now()) > MAX_CUSTOMER_LINK_DEPTH) {
    throw new ApiError('InvalidParameter',
      `ClientLinkFieldInvalid: only ${MAX_CUSTOMER_LINK_DEPTH} levels of depth are supported for manager account to manager account links.`);
  }
  // "The client account must have a valid payment instrument set up for post-pay billing."
  if (client.kind === 'account' && client.account.paymentMethodId === null) throw new ApiError('PrepaidClientAccountNotSupported');
}

/** The refusals that depend on the client entity's live links (checked again by the store: insertGuarded). */
async function checkLiveLinks(ctx: Context, type: LinkType, client: ClientEntity, managerId: bigint): Promise<void> {
  const now = ctx.now();
  const links = (await ctx.store.listClientLinksByClient(type, [clientEntityId(client)]))
    .filter((l) => isLive(currentStatus(l, now)));
  if (links.some((l) => l.managingCustomerId === managerId)) throw new ApiError('ClientLinkAlreadyInvited');
  // An account has one agency at a time; a client customer may be linked by several (hierarchies),
  // and pending requests of several agencies may coexist (the client chooses).
  if (type === 'AccountLink') {
    const held = links.filter((l) => l.managingCustomerId !== managerId).map((l) => currentStatus(l, now))
      .find((status) => HELD_BY_ANOTHER_AGENCY.includes(status));
    if (held === 'Active') throw new ApiError('ClientAccountManagedByAnotherAgency');
    if (held !== undefined) throw new ApiError('AccountBeingLinkedOrUnlinked');
  }
}

