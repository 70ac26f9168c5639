// GetUser (UserId null = the caller) with the user's CustomerRoles, and GetCurrentUser.
import type { Handler } from '../context.js';
import { ApiError } from '../../contract/api-error.js';
import { Access } from '../access.js';
import { canReadUsers } from '../roles.js';
import { customerRoleEntity, userEntity } from './user-entity.js';

export const getUser: Handler<'GetUser'> = async (ctx, request) => {
  const callerAccess = await ctx.access();
  const userId = request.UserId ?? ctx.user.id;
  if (userId === ctx.user.id) {
    return {
      User: userEntity(ctx.user),
      CustomerRoles: callerAccess.roles.map((r) => customerRoleEntity(r, callerAccess.links)),
    };
  }
  // Another user: visible to Super Admins, Standard Users and Aggregators of a customer they share,
  // and only their roles on such customers are shown.
  const target = await ctx.store.getUser(userId);
  const targetAccess = target ? await Access.load(ctx.store, target) : undefined;
  const shared = targetAccess?.roles.filter((r) => canReadUsers(callerAccess.customerRole(r.customerId))) ?? [];
  if (!target || !targetAccess || shared.length === 0) {
    throw new ApiError('UserIsNotAuthorized', 'The user cannot access this user.');
  }
  return { User: userEntity(target), CustomerRoles: shared.map((r) => customerRoleEntity(r, targetAccess.links)) };
};

export const getCurrentUser: Handler<'GetCurrentUser'> = async (ctx) => ({ User: userEntity(ctx.user) });
