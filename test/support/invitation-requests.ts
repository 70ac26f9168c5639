// The UserInvitation a SendUserInvitation request carries (REST and SOAP) and the one predicate
// SearchUserInvitations takes, as the invitation tests send them.
import { longs } from './faces.js';

/** A valid REST UserInvitation (an Advertiser Campaign Manager, UK English), with overrides. */
export function invitationJson(customerId: bigint, over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    FirstName: 'Ada', LastName: 'Lovelace', Email: 'ada@example.com', CustomerId: customerId.toString(), RoleId: 16,
    Lcid: 'EnglishUK', ...over,
  };
}

/** A valid SOAP UserInvitation with this role; `extra` goes after the RoleId (AccountIds, Lcid). */
export function invitationXml(customerId: bigint, roleId: number, extra = ''): string {
  return `<UserInvitation><e:FirstName>Alan</e:FirstName><e:LastName>Turing</e:LastName><e:Email>alan@example.com</e:Email>`
    + `<e:CustomerId>${customerId}</e:CustomerId><e:RoleId>${roleId}</e:RoleId>${extra}</UserInvitation>`;
}

/** SearchUserInvitations' predicate list: CustomerId Equals the customer. */
export const byCustomer = (customerId: bigint): Array<{ Field: string; Operator: string; Value: string }> =>
  [{ Field: 'CustomerId', Operator: 'Equals', Value: customerId.toString() }];

/**
 * The SOAP counterpart of the REST invitation that also sends read-only fields (Id, ExpirationDate),
 * a padded FirstName and a repeated account id: every element in the WSDL's order.
 */
export function invitationWithReadOnlyXml(customerId: bigint, accountId: bigint): string {
  return `<UserInvitation><e:Id>5</e:Id><e:FirstName>  Ada </e:FirstName><e:LastName>Lovelace</e:LastName><e:Email>ada@example.com</e:Email>`
    + `<e:CustomerId>${customerId}</e:CustomerId><e:RoleId>16</e:RoleId>`
    + longs('e:AccountIds', [accountId, accountId])
    + '<e:ExpirationDate>2000-01-01T00:00:00Z</e:ExpirationDate><e:Lcid>EnglishUK</e:Lcid></UserInvitation>';
}
