// DeleteUser: marks the user Deleted, removes their roles and revokes their access tokens.
import type { Store } from '../../store/store.js';
import type { Handler } from '../context.js';
import { ApiError } from '../../contract/api-error.js';
import { canDeleteUsers } from '../roles.js';
import { checkTimeStamp } from '../timestamps.js';
import { coversUser, loadTarget, roleOn, userAuthority } from './user-authority.js';

export const deleteUser: Handler<'DeleteUser'> = async (ctx, request) => {
  if (request.UserId === undefined) throw new ApiError('NullParameter', 'UserId is required.');
  const target = await loadTarget(ctx.store, request.UserId);
  // Deleting ends the user everywhere, so only a manager of the customer the user was created in
  // may do it (elsewhere the way to drop a user is UpdateUserRoles): a Super Admin or Aggregator, or
  // a Standard User for Standard Users, Advertiser Campaign Managers and Viewers within their reach.
  const access = await ctx.access();
  const home = target?.user.customerId;
  const authority = home === undefined ? undefined : userAuthority(access, home);
  if (!target || home === undefined || !authority || !coversUser(authority, target, home)
    || !canDeleteUsers(authority.role, roleOn(target, home))) {
    throw new ApiError('UserIsNotAuthorized', 'The user may not delete this user.');
  }
  if (target.user.id === ctx.user.id) throw new ApiError('InvalidParameter', 'A user cannot delete themself.');
  if (target.user.lifeCycleStatus === 'Deleted') throw new ApiError('EntityNotExistent', 'The user has already been deleted.');
  const expected = checkTimeStamp(request.TimeStamp, target.user.version, 'TimeStamp', 'user');
  await refusePrimaryUser(ctx.store, target.user.id);
  const deleted = await ctx.store.deleteUser(target.user.id, expected, ctx.now(), ctx.user.id);
  if (!deleted) {
    // The store refuses both a moved version and a primary user made meanwhile: tell which.
    await refusePrimaryUser(ctx.store, target.user.id);
    throw new ApiError('TimestampNotMatch', 'The user was changed by another request; get the user again.');
  }
  return {};
};

/** "You cannot delete a user who is the primary user of any accounts." */
async function refusePrimaryUser(store: Store, userId: bigint): Promise<void> {
  const count = await store.countAccountsWithPrimaryUser(userId);
  if (count > 0) {
    throw new ApiError('InvalidParameter',
      `The user is the primary user of ${count} account(s); set another PrimaryUserId on them first.`);
  }
}
