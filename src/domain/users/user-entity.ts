// UserRecord and roles → the wire entities User and CustomerRole.
import type { Entity } from '../../contract/values.js';
import type { ClientLinkRecord, UserRecord, UserRoleRecord } from '../../store/records.js';
import { addressEntity } from '../addresses.js';
import { encodeTimeStamp } from '../timestamps.js';

export function userEntity(user: UserRecord): Entity<'User'> {
  const c = user.contactInfo;
  return {
    ContactInfo: c && {
      Address: addressEntity(c.address), ContactByPhone: c.contactByPhone, ContactByPostalMail: c.contactByPostalMail,
      Email: c.email, EmailFormat: c.emailFormat, Fax: c.fax, HomePhone: c.homePhone,
      Id: c.id, Mobile: c.mobile, Phone1: c.phone1, Phone2: c.phone2,
    },
    CustomerId: user.customerId,
    Id: user.id,
    JobTitle: user.jobTitle,
    LastModifiedByUserId: user.lastModifiedByUserId,
    LastModifiedTime: user.lastModifiedTime,
    Lcid: user.lcid,
    Name: { FirstName: user.firstName, LastName: user.lastName, MiddleInitial: user.middleInitial },
    Password: null, // never returned
    SecretAnswer: null,
    SecretQuestion: 'None',
    UserLifeCycleStatus: user.lifeCycleStatus,
    TimeStamp: encodeTimeStamp(user.version),
    UserName: user.userName,
    ForwardCompatibilityMap: null,
  };
}

/** CustomerRole; LinkedAccountIds are the client accounts an agency role reaches through links. */
export function customerRoleEntity(role: UserRoleRecord, links: readonly ClientLinkRecord[]): Entity<'CustomerRole'> {
  const linked = role.accountIds === null
    ? links.filter((l) => l.type === 'AccountLink' && l.managingCustomerId === role.customerId).map((l) => l.clientEntityId)
    : [];
  return {
    RoleId: role.roleId,
    CustomerId: role.customerId,
    // "AccountIds are not returned for customer-level access."
    AccountIds: role.accountIds,
    LinkedAccountIds: linked.length ? linked : null,
    CustomerLinkPermission: null,
  };
}
