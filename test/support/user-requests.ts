// The User an UpdateUser request carries, over REST and over SOAP, built from a stored user record
// (its Id and TimeStamp) so tests can update it as a client that has just read it would.
import type { UserRecord } from '../../src/store/records.js';
import { longs, timeStampOf } from './faces.js';

/** A complete REST User for UpdateUser, from the stored record, with overrides. */
export function userJson(u: UserRecord, over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    Id: u.id.toString(), TimeStamp: timeStampOf(u),
    Name: { FirstName: 'Grace', LastName: 'Hopper', MiddleInitial: 'B' },
    JobTitle: 'Rear Admiral', Lcid: 'EnglishUK',
    ContactInfo: {
      Email: 'grace@example.com', EmailFormat: 'Text', Phone1: '+1 555 0101', Phone2: '+1 555 0102', Mobile: '555 0103',
      ContactByPhone: true, ContactByPostalMail: false,
      Address: { Line1: '1 Navy Way', City: 'Arlington', CountryCode: 'us', PostalCode: '22202', StateOrProvince: 'VA', BusinessName: 'ignored' },
    },
    ...over,
  };
}

/** A small SOAP User for UpdateUser (e-mail, Phone1 and name only); `extra` goes after the TimeStamp. */
export function userXml(u: UserRecord, extra = ''): string {
  return `<User><e:ContactInfo><e:Email>self@example.com</e:Email><e:Phone1>555 0199</e:Phone1></e:ContactInfo>`
    + `<e:Id>${u.id}</e:Id><e:Name><e:FirstName>Self</e:FirstName><e:LastName>Service</e:LastName></e:Name>`
    + `<e:TimeStamp>${timeStampOf(u)}</e:TimeStamp>${extra}</User>`;
}

/** DeleteUser's request content in SOAP. */
export function deleteUserXml(userId: bigint | string, timeStamp: string): string {
  return `<UserId>${userId}</UserId><TimeStamp>${timeStamp}</TimeStamp>`;
}

/**
 * The SOAP counterpart of `userJson(u, readOnly)`: every detail userJson sets, in the WSDL's element
 * order, plus the read-only fields a client might send back (which UpdateUser ignores).
 */
export function fullUserXml(u: UserRecord): string {
  return '<User><e:ContactInfo><e:Address><e:City>Arlington</e:City><e:CountryCode>us</e:CountryCode><e:Line1>1 Navy Way</e:Line1>'
    + '<e:PostalCode>22202</e:PostalCode><e:StateOrProvince>VA</e:StateOrProvince><e:BusinessName>ignored</e:BusinessName></e:Address>'
    + '<e:ContactByPhone>true</e:ContactByPhone><e:ContactByPostalMail>false</e:ContactByPostalMail><e:Email>grace@example.com</e:Email>'
    + '<e:EmailFormat>Text</e:EmailFormat><e:Mobile>555 0103</e:Mobile><e:Phone1>+1 555 0101</e:Phone1><e:Phone2>+1 555 0102</e:Phone2></e:ContactInfo>'
    + `<e:CustomerId>1</e:CustomerId><e:Id>${u.id}</e:Id><e:JobTitle>Rear Admiral</e:JobTitle><e:LastModifiedByUserId>1</e:LastModifiedByUserId>`
    + '<e:Lcid>EnglishUK</e:Lcid><e:Name><e:FirstName>Grace</e:FirstName><e:LastName>Hopper</e:LastName><e:MiddleInitial>B</e:MiddleInitial></e:Name>'
    + '<e:Password>secret</e:Password><e:SecretQuestion>FavoriteMovie</e:SecretQuestion><e:UserLifeCycleStatus>Inactive</e:UserLifeCycleStatus>'
    + `<e:TimeStamp>${timeStampOf(u)}</e:TimeStamp><e:UserName>hijack@example.com</e:UserName></User>`;
}

/** The read-only User fields `fullUserXml` sends, for the REST request. */
export const READ_ONLY_USER_FIELDS: Readonly<Record<string, unknown>> = {
  UserName: 'hijack@example.com', CustomerId: '1', Password: 'secret', UserLifeCycleStatus: 'Inactive',
  SecretQuestion: 'FavoriteMovie', LastModifiedByUserId: '1',
};

/** An UpdateUserRoles request, with ids as bigints; null sends the element as nil (REST: null). */
export interface RolesChange {
  CustomerId: bigint;
  UserId: bigint;
  NewRoleId?: number;
  NewAccountIds?: readonly bigint[] | null;
  NewCustomerIds?: readonly bigint[];
  DeleteRoleId?: number;
  DeleteAccountIds?: readonly bigint[];
  DeleteCustomerIds?: readonly bigint[];
}

/** The REST body of an UpdateUserRoles request (ids as strings, as the JSON API sends longs). */
export function rolesJson(change: RolesChange): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(change)) {
    out[key] = Array.isArray(v) ? v.map(String) : typeof v === 'bigint' ? v.toString() : v;
  }
  return out;
}

/** The SOAP content of the same request, in the WSDL's element order. */
export function rolesXml(change: RolesChange): string {
  const order = ['CustomerId', 'UserId', 'NewRoleId', 'NewAccountIds', 'NewCustomerIds', 'DeleteRoleId', 'DeleteAccountIds', 'DeleteCustomerIds'] as const;
  return order.map((key) => {
    const v = change[key];
    if (v === undefined) return '';
    if (v === null) return `<${key} i:nil="true"/>`;
    if (Array.isArray(v)) return longs(key, v);
    return `<${key}>${v}</${key}>`;
  }).join('');
}
