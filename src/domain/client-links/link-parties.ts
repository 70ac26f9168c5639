// Who stands on which side of a client link, and with what right. "Only a user with Super Admin or
// Standard credentials can add, update, and search for client links to advertiser accounts. Only
// a user with Super Admin credentials can add, update, and search for client links to customers."
// The Aggregator, which may do everything but DeleteCustomer, counts as a Super Admin for account
// links. A role reached through a Standard customer link cannot manage customer links ("Manage
// link request to manager accounts": Administrative only).
import type { Entity } from '../../contract/values.js';
import type { AccountRecord, ClientLinkRecord, CustomerRecord } from '../../store/records.js';
import type { Store } from '../../store/store.js';
import { ApiError } from '../../contract/api-error.js';
import type { Access } from '../access.js';
import { Role } from '../roles.js';

export type LinkType = ClientLinkRecord['type'];

const ACCOUNT_LINK_ROLES: readonly number[] = [Role.SuperAdmin, Role.StandardUser, Role.Aggregator];
const CUSTOMER_LINK_ROLES: readonly number[] = [Role.SuperAdmin];

export function mayManageLinks(type: LinkType, role: number | undefined): boolean {
  return role !== undefined && (type === 'AccountLink' ? ACCOUNT_LINK_ROLES : CUSTOMER_LINK_ROLES).includes(role);
}

/** The agency side: the caller's role on the managing customer allows links of this type. */
export function isAgencySide(access: Access, type: LinkType, managingCustomerId: bigint): boolean {
  if (!mayManageLinks(type, access.customerRole(managingCustomerId))) return false;
  return type === 'AccountLink' || access.customerLinkPermission(managingCustomerId) !== 'Standard';
}

/** The client side: the caller's own right on the client account, or on the client customer. */
export function isClientSide(access: Access, type: LinkType, client: ClientEntity): boolean {
  if (client.kind === 'account') return mayManageLinks(type, access.ownerSideAccountRole(client.account));
  if (!mayManageLinks(type, access.customerRole(client.customer.id))) return false;
  return access.customerLinkPermission(client.customer.id) !== 'Standard';
}

export type ClientEntity =
  | { kind: 'account'; account: AccountRecord }
  | { kind: 'customer'; customer: CustomerRecord };

/** "If this element is empty or set to AccountLink, … represent a client advertiser account." */
export function linkType(value: string | null | undefined): LinkType {
  if (value === undefined || value === null || value === '' || value === 'AccountLink') return 'AccountLink';
  if (value === 'CustomerLink') return 'CustomerLink';
  throw new ApiError('InvalidParameter', `ClientLinkFieldInvalid: Type must be AccountLink or CustomerLink, not '${value.slice(0, 40)}'.`);
}

/**
 * An id given by its identifier or its number. Both may be sent (the examples echo a searched link
 * whole), but then they must name the same entity (LinkPairMismatch).
 */
async function resolveId(
  store: Store, kind: 'account' | 'customer', id: bigint | null | undefined, number: string | null | undefined, path: string,
): Promise<bigint | null> {
  const byNumber = number ? await store.idByNumber(kind, number) : undefined;
  if (id !== undefined && id !== null) {
    if (byNumber !== undefined && byNumber !== id) {
      throw new ApiError('InvalidParameter', `LinkPairMismatch: ${path}Id and ${path}Number name different ${kind}s.`);
    }
    return id;
  }
  if (byNumber === undefined) throw new ApiError('NullParameter', `ClientLinkFieldInvalid: ${path}Id or ${path}Number is required.`);
  return byNumber;
}

/** The managing customer's id; null when a number names no customer. */
export function managingCustomerId(store: Store, link: Entity<'ClientLink'>): Promise<bigint | null> {
  return resolveId(store, 'customer', link.ManagingCustomerId, link.ManagingCustomerNumber, 'ManagingCustomer');
}

/** The client account (2108 when unknown) or client customer (210 when unknown) a link names. */
export async function clientEntity(store: Store, type: LinkType, link: Entity<'ClientLink'>): Promise<ClientEntity> {
  const kind = type === 'AccountLink' ? 'account' : 'customer';
  const id = await resolveId(store, kind, link.ClientEntityId, link.ClientEntityNumber, 'ClientEntity');
  if (kind === 'account') {
    const account = id === null ? null : await store.getAccount(id);
    if (!account) throw new ApiError('AccountIdInvalid', 'ClientEntityId names no advertiser account.');
    const owner = link.ClientEntityCustomerNumber;
    if (owner) {
      const customer = await store.getCustomer(account.customerId);
      if (customer?.number.toUpperCase() !== owner.toUpperCase()) {
        throw new ApiError('InvalidParameter', 'LinkPairMismatch: ClientEntityCustomerNumber is not the number of the account\'s customer.');
      }
    }
    return { kind, account };
  }
  const customer = id === null ? null : await store.getCustomer(id);
  if (!customer) throw new ApiError('EntityNotExistent', 'ClientEntityId names no customer.');
  return { kind, customer };
}

export function clientEntityId(client: ClientEntity): bigint {
  return client.kind === 'account' ? client.account.id : client.customer.id;
}
