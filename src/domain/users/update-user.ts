// UpdateUser: changes the user's personal and contact details that are sent, guarded by TimeStamp.
import type { Handler } from '../context.js';
import { ApiError } from '../../contract/api-error.js';
import { checkTimeStamp } from '../timestamps.js';
import { canEditUser, loadTarget, mayUpdateUsers } from './user-authority.js';
import { checkAddressTimeStamp, userDetails } from './user-details.js';

export const updateUser: Handler<'UpdateUser'> = async (ctx, { User: user }) => {
  if (!user) throw new ApiError('NullParameter', 'User is required.');
  if (user.Id === undefined || user.Id === null) throw new ApiError('NullParameter', 'User.Id is required.');
  const target = await loadTarget(ctx.store, user.Id);
  // "Only a user with Super Admin or Standard credentials can update users", themselves included;
  // others need authority over the user (see canEditUser). An unknown id answers like a user out of
  // reach, as GetUser does.
  const access = await ctx.access();
  const self = user.Id === ctx.user.id;
  if (!target || !mayUpdateUsers(access) || (!self && !canEditUser(access, target))) {
    throw new ApiError('UserIsNotAuthorized', 'The user may not update this user.');
  }
  if (target.user.lifeCycleStatus === 'Deleted') throw new ApiError('EntityNotExistent', 'The user has been deleted.');
  const expected = checkTimeStamp(user.TimeStamp, target.user.version, 'User.TimeStamp', 'user');
  const changes = userDetails(user, target.user, ctx.now(), ctx.user.id);
  checkAddressTimeStamp(user, target.user);
  const updated = await ctx.store.updateUser(target.user.id, expected, changes);
  if (!updated) throw new ApiError('TimestampNotMatch', 'The user was changed by another request; get the user again.');
  return { LastModifiedTime: updated.lastModifiedTime };
};
