// Creating a user invitation (SendUserInvitation): who may invite whom, the invitation's fields
// (reference §2.9) and its acceptance secret, written with the e-mail that carries the secret in
// one store transaction (an invitation nobody was sent cannot be left behind).
import type { Entity } from '../../contract/values.js';
import type { NewUserInvitation, UserInvitationRecord } from '../../store/records.js';
import { hashSecret, newInvitationSecret } from '../credentials.js';
import { invitationMessage } from './invitation-message.js';
import type { Context } from '../context.js';
import { ApiError } from '../../contract/api-error.js';
import { isAboveStandard, isCustomerLevelRole, KNOWN_ROLES, Role } from '../roles.js';
import { accountsOfCustomer } from '../users/account-scope.js';
import { coversAccounts, userAuthority } from '../users/user-authority.js';
import { email, INVITED_NAME_MAX, personName } from '../users/person-rules.js';

/** "The duration of a user invitation is subject to change, and currently set at 30 days." */
export const INVITATION_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;

export interface CreatedInvitation {
  invitation: UserInvitationRecord;
  /** For the invitee's acceptance link; only its hash is stored, so this is the one chance to send it. */
  secret: string;
}

export async function createInvitation(ctx: Context, input: Entity<'UserInvitation'>): Promise<CreatedInvitation> {
  const customerId = input.CustomerId;
  if (customerId === undefined) throw new ApiError('NullParameter', 'UserInvitation.CustomerId is required.');
  // Super Admins, Aggregators and Standard Users of the customer; a Standard User limited to some
  // accounts invites only to accounts among theirs (nil AccountIds would mean every account).
  const authority = userAuthority(await ctx.access(), customerId);
  if (authority === undefined) {
    throw new ApiError('UserIsNotAuthorized', 'Only a Super Admin or Standard User of the customer may invite users.');
  }
  const callerRole = authority.role;
  const roleId = input.RoleId;
  if (roleId === undefined) throw new ApiError('NullParameter', 'UserInvitation.RoleId is required.');
  if (!KNOWN_ROLES.includes(roleId)) {
    throw new ApiError('InvalidParameter', `UserInvitation.RoleId ${roleId} is not a user role (${Object.values(Role).join(', ')}).`);
  }
  if (callerRole === Role.StandardUser && isAboveStandard(roleId)) {
    throw new ApiError('UserIsNotAuthorized', 'A Standard User cannot invite a Super Admin or an Aggregator.');
  }
  if (!isCustomerLevelRole(roleId) && !coversAccounts(authority, input.AccountIds)) {
    throw new ApiError('UserIsNotAuthorized', 'A Standard User limited to some accounts may invite users only to those accounts.');
  }
  const firstName = personName(input.FirstName, INVITED_NAME_MAX, 'UserInvitation.FirstName');
  const lastName = personName(input.LastName, INVITED_NAME_MAX, 'UserInvitation.LastName');
  const address = email(input.Email, 'UserInvitation.Email');
  const accountIds = await accountsOfCustomer(ctx.store, customerId, input.AccountIds, 'UserInvitation.AccountIds');
  const secret = newInvitationSecret();
  const fresh: NewUserInvitation = {
    customerId, firstName, lastName, email: address, roleId,
    // A customer-level role cannot be restricted: "the operation will not fail and the user will be
    // granted access for all accounts within the specified customer".
    accountIds: isCustomerLevelRole(roleId) ? null : accountIds,
    lcid: input.Lcid ?? 'EnglishUS', // "The default is EnglishUS."
    expirationDate: new Date(ctx.now().getTime() + INVITATION_LIFETIME_MS),
    secretHash: hashSecret(secret),
    createdByUserId: ctx.user.id,
  };
  const invitation = await ctx.store.insertUserInvitation(fresh, [await invitationMessage(ctx, fresh, secret)]);
  return { invitation, secret };
}
