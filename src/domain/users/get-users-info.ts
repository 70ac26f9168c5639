// GetUsersInfo: the users of a customer (Id and UserName), optionally in one life-cycle status.
import type { Handler } from '../context.js';
import { ApiError } from '../../contract/api-error.js';
import { canSeeUsersOf } from './user-visibility.js';

/** Without StatusFilter every user but the deleted ones is listed; StatusFilter Deleted lists those. */
const NOT_DELETED = ['Active', 'Inactive', 'Pending'];

export const getUsersInfo: Handler<'GetUsersInfo'> = async (ctx, request) => {
  const customerId = request.CustomerId;
  if (customerId === undefined) throw new ApiError('NullParameter', 'CustomerId is required.');
  // A read: any role of the caller's own on the customer will do, Viewer and account-restricted
  // roles included ("Read operations for all services are available"). An agency's client link
  // is not enough: the client's users are the client's business.
  const access = await ctx.access();
  if (!access.roles.some((r) => r.customerId === customerId)) {
    throw new ApiError('UserIsNotAuthorized', 'The user has no role on this customer.');
  }
  const statuses = request.StatusFilter ? [request.StatusFilter] : NOT_DELETED;
  // Exactly the users GetUser will show the caller: those holding a role on the customer (all of
  // them for a caller who may see its users, else the caller alone). Deleted users have no role
  // left; they are listed, for StatusFilter Deleted, as users created in the customer.
  const holders = new Set((await ctx.store.listCustomerRoles(customerId)).map((r) => r.userId));
  const seesAll = canSeeUsersOf(access, customerId);
  const users = (await ctx.store.listCustomerUsers(customerId, statuses)).filter((u) =>
    u.lifeCycleStatus === 'Deleted' ? seesAll : holders.has(u.id) && (seesAll || u.id === ctx.user.id));
  return { UsersInfo: users.map((u) => ({ Id: u.id, UserName: u.userName })) };
};
