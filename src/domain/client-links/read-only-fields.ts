// UpdateClientLinks' read-only elements. Clients send back the link SearchClientLinks gave them
// (the official examples do), so an element equal to the stored value — or left out — is fine;
// only a different value is refused (3083). Dates are compared as instants, so a StartDate
// re-sent without its offset (as the Python example does) matches. LastModifiedDateTime,
// LastModifiedByUserId, Timestamp and ForwardCompatibilityMap are system values and ignored.
import type { Entity } from '../../contract/values.js';
import type { ClientLinkRecord } from '../../store/records.js';
import type { ClientEntity } from './link-parties.js';

const set = <T>(v: T | null | undefined): v is T => v !== undefined && v !== null && v !== '';

/** The name of the first read-only element sent with another value, or undefined. */
export function readOnlyChange(input: Entity<'ClientLink'>, link: ClientLinkRecord, client: ClientEntity): string | undefined {
  const texts: Array<[string, string | null | undefined, string | null]> = [
    ['Name', input.Name, link.name],
    ['InviterEmail', input.InviterEmail, link.inviterEmail],
    ['InviterName', input.InviterName, link.inviterName],
    ['InviterPhone', input.InviterPhone, link.inviterPhone],
    ['CustomerLinkPermission', input.CustomerLinkPermission, link.customerLinkPermission],
    ['ClientEntityName', input.ClientEntityName, client.kind === 'account' ? client.account.name : client.customer.name],
  ];
  for (const [name, sent, stored] of texts) if (set(sent) && sent !== stored) return name;
  if (set(input.IsBillToClient) && input.IsBillToClient !== link.isBillToClient) return 'IsBillToClient';
  if (set(input.SuppressNotification) && input.SuppressNotification !== link.suppressNotification) return 'SuppressNotification';
  if (set(input.StartDate) && input.StartDate.getTime() !== link.startDate?.getTime()) return 'StartDate';
  return undefined;
}
