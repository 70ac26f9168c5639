// Accepting an invitation (for the sign-up page the e-mailed link will lead to): creates the user in
// the inviting customer with the invited role and account scope, and marks the invitation accepted,
// in one store transaction. Not an API operation.
import { hashSecret } from '../credentials.js';
import type { UserInvitationRecord, UserRecord } from '../../store/records.js';
import type { Store } from '../../store/store.js';
import { newNestedId } from '../numbers.js';
import { isCustomerLevelRole } from '../roles.js';
import { currentTime } from '../../contract/ambient.js';

export interface Acceptance {
  /** The sign-in name chosen by the invitee; "can sign up with credentials that differ from the invitation email address". */
  userName: string;
  passwordHash: string | null;
  /** Defaults: the invitation's names and e-mail address. */
  firstName?: string;
  lastName?: string;
  email?: string;
}

/** Why an invitation cannot be accepted. */
export class InvitationNotAcceptable extends Error {
  constructor(readonly reason: 'unknown' | 'accepted' | 'expired') {
    super(`invitation ${reason}`);
    this.name = 'InvitationNotAcceptable';
  }
}

/** The invitation a link's secret names, if it can still be accepted; else throws InvitationNotAcceptable. */
export async function acceptableInvitation(store: Store, secret: string, now = currentTime()): Promise<UserInvitationRecord> {
  const invitation = secret ? await store.findUserInvitationBySecret(hashSecret(secret)) : null;
  if (!invitation) throw new InvitationNotAcceptable('unknown');
  if (invitation.acceptedTime) throw new InvitationNotAcceptable('accepted');
  if (invitation.expirationDate.getTime() <= now.getTime()) throw new InvitationNotAcceptable('expired');
  return invitation;
}

/** Throws InvitationNotAcceptable, or StoreConflict('user_name') when the name is taken. */
export async function acceptInvitation(store: Store, secret: string, acceptance: Acceptance, now = currentTime()): Promise<UserRecord> {
  const invitation = await acceptableInvitation(store, secret, now);
  const user = await store.acceptUserInvitation(invitation.id, now, {
    customerId: invitation.customerId, userName: acceptance.userName,
    firstName: acceptance.firstName ?? invitation.firstName, lastName: acceptance.lastName ?? invitation.lastName,
    middleInitial: null, jobTitle: null, lcid: invitation.lcid, lifeCycleStatus: 'Active',
    passwordHash: acceptance.passwordHash,
    contactInfo: {
      id: newNestedId(), email: acceptance.email ?? invitation.email, emailFormat: 'Html', phone1: null, phone2: null,
      mobile: null, homePhone: null, fax: null, contactByPhone: null, contactByPostalMail: null, address: null,
    },
    lastModifiedByUserId: null,
  }, [{
    customerId: invitation.customerId, roleId: invitation.roleId,
    accountIds: isCustomerLevelRole(invitation.roleId) ? null : invitation.accountIds,
  }]);
  if (user) return user;
  // Accepted (or expired) between the read and the transaction: say which.
  const latest = await store.getUserInvitation(invitation.id);
  throw new InvitationNotAcceptable(latest?.acceptedTime ? 'accepted' : 'expired');
}
