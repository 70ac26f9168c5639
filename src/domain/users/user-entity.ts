// UserRecord and roles → the wire entities User and CustomerRole.
import type { Entity } from '../../contract/values.js';
import type { ClientLinkRecord, UserRecord, UserRoleRecord } from '../../store/records.js';
import { addressEntity } from '../addresses.js';
import { encodeTimeStamp } from '../timestamps.js';
import type { LinkedCustomer } from '../access.js';

export function userEntity(user: UserRecord): Entity<'User'> {
  const c = user.contactInfo;
  return {
    ContactInfo: c && {
      // The address carries the user's TimeStamp, which UpdateUser checks (see user-details.ts).
      Address: c.address && { ...addressEntity(c.address), TimeStamp: encodeTimeStamp(user.version) }, ContactByPhone: c.contactByPhone, ContactByPostalMail: c.contactByPostalMail,
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
  return {
    RoleId: role.roleId,
    CustomerId: role.customerId,
    // "AccountIds are not returned for customer-level access."
    AccountIds: role.accountIds,
    LinkedAccountIds: role.accountIds === null ? linkedAccounts(role.customerId, links) : null,
    // nil: "the user is signed up directly on the CustomerId".
    CustomerLinkPermission: null,
  };
}

/**
 * A customer reached through a customer link: one CustomerRole per role carried down the link, with
 * the link's permission ("access to the CustomerId through an Administrative/Standard customer link").
 */
export function linkedCustomerRoleEntities(customer: LinkedCustomer, links: readonly ClientLinkRecord[]): Array<Entity<'CustomerRole'>> {
  return customer.roleIds.map((roleId) => ({
    RoleId: roleId,
    CustomerId: customer.customerId,
    AccountIds: null,
    LinkedAccountIds: linkedAccounts(customer.customerId, links),
    CustomerLinkPermission: customer.link.customerLinkPermission,
  }));
}

function linkedAccounts(customerId: bigint, links: readonly ClientLinkRecord[]): bigint[] | null {
  const linked = links.filter((l) => l.type === 'AccountLink' && l.managingCustomerId === customerId).map((l) => l.clientEntityId);
  return linked.length ? linked : null;
}
