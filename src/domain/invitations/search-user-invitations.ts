// SearchUserInvitations: the customer's pending invitations, expired ones included, accepted ones
// not. Exactly one predicate, CustomerId Equals or In (reference §3).
import type { Entity } from '../../contract/values.js';
import type { Handler } from '../context.js';
import { parseId } from '../../contract/ids.js';
import { ApiError } from '../../contract/api-error.js';
import { managerRole } from '../users/user-authority.js';
import { invitationEntity } from './invitation-entity.js';

const MAX_IN_VALUES = 10;

export const searchUserInvitations: Handler<'SearchUserInvitations'> = async (ctx, request) => {
  const customerIds = customerPredicate(request.Predicates);
  // Invitations name people and the access they were offered: for user managers only, of every
  // customer asked for.
  const access = await ctx.access();
  if (customerIds.some((id) => managerRole(access, id) === undefined)) {
    throw new ApiError('UserIsNotAuthorized', 'Only a Super Admin or Standard User of the customer may search its invitations.');
  }
  const invitations = (await Promise.all(customerIds.map((id) => ctx.store.listPendingUserInvitations(id)))).flat();
  invitations.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { UserInvitations: invitations.map(invitationEntity) };
};

/**
 * The documented predicate is CustomerId Equals; every official example sends CustomerId In, so
 * In is accepted too, with one or up to 10 comma-separated ids (predicateoperator.md's limit).
 */
function customerPredicate(predicates: ReadonlyArray<Entity<'Predicate'> | null> | null | undefined): bigint[] {
  const list = (predicates ?? []).filter((p): p is Entity<'Predicate'> => p !== null);
  if (list.length === 0) throw new ApiError('RequiredPredicateMissing', 'Predicates must contain a CustomerId predicate.');
  if (list.length > 1) throw new ApiError('PredicateInvalid', 'SearchUserInvitations takes exactly one predicate.');
  const [p] = list;
  if (p!.Field !== 'CustomerId') {
    throw new ApiError('PredicateInvalid', `Predicate field '${(p!.Field ?? '').slice(0, 40)}' is not supported by SearchUserInvitations.`);
  }
  const operator = p!.Operator ?? 'Equals';
  if (operator !== 'Equals' && operator !== 'In') throw new ApiError('PredicateInvalid', 'CustomerId supports only the Equals and In operators.');
  const value = (p!.Value ?? '').trim();
  const texts = operator === 'In' ? value.split(',').map((v) => v.trim()) : [value];
  if (texts.length > MAX_IN_VALUES) throw new ApiError('PredicateInvalid', `In takes at most ${MAX_IN_VALUES} values.`);
  const ids = texts.map((text) => {
    const id = parseId(text);
    if (id === null) throw new ApiError('PredicateInvalid', 'Predicate value for CustomerId must be an identifier (In: comma-separated identifiers).');
    return id;
  });
  return [...new Set(ids)];
}
