// GetUser (UserId null = the caller) with the user's CustomerRoles, and GetCurrentUser.
import type { Entity } from '../../contract/values.js';
import type { Handler } from '../context.js';
import { ApiError } from '../../contract/api-error.js';
import { Access } from '../access.js';
import { customerRoleEntity, linkedCustomerRoleEntities, userEntity } from './user-entity.js';
import { canSeeUsersOf } from './user-visibility.js';

export const getUser: Handler<'GetUser'> = async (ctx, request) => {
  const callerAccess = await ctx.access();
  const userId = request.UserId ?? ctx.user.id;
  if (userId === ctx.user.id) return { User: userEntity(ctx.user), CustomerRoles: customerRoles(callerAccess) };
  // Another user: "you will only see the roles of other users as it pertains to customers that you
  // can access" — the customers where the caller may see users (user-visibility.ts).
  const target = await ctx.store.getUser(userId);
  const targetAccess = target ? await Access.load(ctx.store, target) : undefined;
  const shown = targetAccess ? customerRoles(targetAccess).filter((r) => canSeeUsersOf(callerAccess, r.CustomerId!)) : [];
  if (!target || shown.length === 0) throw new ApiError('UserIsNotAuthorized', 'The user cannot access this user.');
  return { User: userEntity(target), CustomerRoles: shown };
};

/**
 * One CustomerRole per role: the user's own (several on one customer for an Aggregator), then one
 * per customer reached through customer links, with the link's CustomerLinkPermission.
 */
function customerRoles(access: Access): Array<Entity<'CustomerRole'>> {
  return [
    ...access.roles.map((r) => customerRoleEntity(r, access.links)),
    ...access.linkedCustomers().flatMap((c) => linkedCustomerRoleEntities(c, access.links)),
  ];
}

export const getCurrentUser: Handler<'GetCurrentUser'> = async (ctx) => ({ User: userEntity(ctx.user) });
