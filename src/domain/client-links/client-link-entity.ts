// ClientLink as the API shows it: the stored link with the names and numbers of the account or
// customer it names and of the managing customer, and the status as of now.
import type { Entity } from '../../contract/values.js';
import type { AccountRecord, ClientLinkRecord, CustomerRecord } from '../../store/records.js';
import type { Store } from '../../store/store.js';
import { encodeTimeStamp } from '../timestamps.js';
import { currentStatus } from './life-cycle.js';

/** The accounts and customers a list of links names, loaded in two reads. */
export interface LinkNames {
  accounts: ReadonlyMap<bigint, AccountRecord>;
  customers: ReadonlyMap<bigint, CustomerRecord>;
}

export async function loadLinkNames(store: Store, links: readonly ClientLinkRecord[]): Promise<LinkNames> {
  const accountIds = links.filter((l) => l.type === 'AccountLink').map((l) => l.clientEntityId);
  const accounts = await store.getAccounts([...new Set(accountIds)]);
  const customerIds = new Set<bigint>([
    ...links.map((l) => l.managingCustomerId),
    ...links.filter((l) => l.type === 'CustomerLink').map((l) => l.clientEntityId),
    ...accounts.map((a) => a.customerId),
  ]);
  const customers = await store.getCustomers([...customerIds]);
  return {
    accounts: new Map(accounts.map((a) => [a.id, a])),
    customers: new Map(customers.map((c) => [c.id, c])),
  };
}

export function clientLinkEntity(link: ClientLinkRecord, names: LinkNames, now: Date): Entity<'ClientLink'> {
  const account = link.type === 'AccountLink' ? names.accounts.get(link.clientEntityId) : undefined;
  const client = link.type === 'CustomerLink' ? names.customers.get(link.clientEntityId) : undefined;
  const manager = names.customers.get(link.managingCustomerId);
  return {
    Type: link.type,
    ClientEntityId: link.clientEntityId,
    ClientEntityNumber: (account ?? client)?.number ?? null,
    ClientEntityName: (account ?? client)?.name ?? null,
    ManagingCustomerId: link.managingCustomerId,
    ManagingCustomerNumber: manager?.number ?? null,
    ManagingCustomerName: manager?.name ?? null,
    Note: link.note,
    Name: link.name,
    InviterEmail: link.inviterEmail,
    InviterName: link.inviterName,
    InviterPhone: link.inviterPhone,
    IsBillToClient: link.isBillToClient,
    StartDate: link.startDate,
    Status: currentStatus(link, now),
    SuppressNotification: link.suppressNotification,
    LastModifiedDateTime: link.lastModifiedTime,
    LastModifiedByUserId: link.lastModifiedByUserId ?? 0n,
    // "Reserved for future use": the row version, which clients may echo; it is not checked.
    Timestamp: encodeTimeStamp(link.version),
    ForwardCompatibilityMap: null,
    CustomerLinkPermission: link.customerLinkPermission,
    ClientEntityCustomerNumber: account ? (names.customers.get(account.customerId)?.number ?? null) : null,
  };
}
