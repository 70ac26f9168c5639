// AddClientLinks: "Initiates the client link process … Sends a link request from one customer to
// another customer or account." Each link is checked and written on its own (partial success);
// the service sets it to LinkPending at once.
import type { Entity } from '../../contract/values.js';
import type { NewClientLink } from '../../store/records.js';
import type { Context, Handler } from '../context.js';
import { ApiError } from '../../contract/api-error.js';
import { runBatch } from './batch.js';
import { currentStatus, isLive } from './life-cycle.js';
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
  // The notices are written with the link, in one transaction.
  const notices = fields.suppressNotification ? [] : await linkRequestMessage(ctx, fields, client, manager);
  await ctx.store.insertClientLink({
    ...fields, type, clientEntityId: clientEntityId(client), managingCustomerId: manager.id, status: 'LinkPending',
    startDate: input.StartDate ?? ctx.now(), // "If not specified, … set to the current date and time."
    inviterEmail: input.InviterEmail || ctx.user.contactInfo?.email || null,
    inviterName: input.InviterName || manager.name,
    inviterPhone: input.InviterPhone || ctx.user.contactInfo?.phone1 || null,
    lastModifiedByUserId: ctx.user.id, createdTime: ctx.now(),
  }, notices);
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
  const now = ctx.now();
  const links = (await ctx.store.listClientLinksByClient(type, [clientEntityId(client)]))
    .filter((l) => isLive(currentStatus(l, now)));
  if (links.some((l) => l.managingCustomerId === managerId)) throw new ApiError('ClientLinkAlreadyInvited');
  // An account has one agency at a time; a client customer may be linked by several (hierarchies).
  if (type === 'AccountLink') {
    const other = links.find((l) => l.managingCustomerId !== managerId);
    if (other && ['LinkInProgress', 'UnlinkPending', 'UnlinkInProgress'].includes(currentStatus(other, now))) {
      throw new ApiError('AccountBeingLinkedOrUnlinked');
    }
    if (other && currentStatus(other, now) === 'Active') throw new ApiError('ClientAccountManagedByAnotherAgency');
  }
}

