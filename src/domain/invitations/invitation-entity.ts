// UserInvitationRecord → the wire entity UserInvitation. The acceptance secret never leaves the store.
import type { Entity } from '../../contract/values.js';
import type { UserInvitationRecord } from '../../store/records.js';

export function invitationEntity(record: UserInvitationRecord): Entity<'UserInvitation'> {
  return {
    Id: record.id,
    FirstName: record.firstName,
    LastName: record.lastName,
    Email: record.email,
    CustomerId: record.customerId,
    RoleId: record.roleId,
    AccountIds: record.accountIds,
    ExpirationDate: record.expirationDate,
    Lcid: record.lcid,
  };
}
