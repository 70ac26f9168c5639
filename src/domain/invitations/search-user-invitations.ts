// SearchUserInvitations: the customer's pending invitations, expired ones included, accepted ones
// not. Exactly one predicate, CustomerId Equals (reference §3).
import type { Entity } from '../../contract/values.js';
import type { Handler } from '../context.js';
import { parseId } from '../../contract/ids.js';
import { ApiError } from '../../contract/api-error.js';
import { managerRole } from '../users/user-authority.js';
import { invitationEntity } from './invitation-entity.js';

export const searchUserInvitations: Handler<'SearchUserInvitations'> = async (ctx, request) => {
  const customerId = customerPredicate(request.Predicates);
  // Invitations name people and the access they were offered: for user managers only.
  if (managerRole(await ctx.access(), customerId) === undefined) {
    throw new ApiError('UserIsNotAuthorized', 'Only a Super Admin or Standard User of the customer may search its invitations.');
  }
  const invitations = await ctx.store.listPendingUserInvitations(customerId);
  return { UserInvitations: invitations.map(invitationEntity) };
};

function customerPredicate(predicates: ReadonlyArray<Entity<'Predicate'> | null> | null | undefined): bigint {
  const list = (predicates ?? []).filter((p): p is Entity<'Predicate'> => p !== null);
  if (list.length === 0) throw new ApiError('RequiredPredicateMissing', 'Predicates must contain a CustomerId predicate.');
  if (list.length > 1) throw new ApiError('PredicateInvalid', 'SearchUserInvitations takes exactly one predicate.');
  const [p] = list;
  if (p!.Field !== 'CustomerId') {
    throw new ApiError('PredicateInvalid', `Predicate field '${(p!.Field ?? '').slice(0, 40)}' is not supported by SearchUserInvitations.`);
  }
  if ((p!.Operator ?? 'Equals') !== 'Equals') throw new ApiError('PredicateInvalid', 'CustomerId supports only the Equals operator.');
  const value = (p!.Value ?? '').trim();
  const id = parseId(value);
  if (id === null) throw new ApiError('PredicateInvalid', 'Predicate value for CustomerId must be an identifier.');
  return id;
}
