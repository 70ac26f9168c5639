// The user a notification request is about: the caller. UserId may name the caller or be left
// out; notifications are personal, so another user's id is refused (106).
import { ApiError } from '../../contract/api-error.js';
import type { Context } from '../context.js';

export function notificationUser(ctx: Context, userId: number | null | undefined): bigint {
  if (userId !== undefined && userId !== null && BigInt(userId) !== ctx.user.id) {
    throw new ApiError('UserIsNotAuthorized', 'Notifications can be read and dismissed only by their own user.');
  }
  return ctx.user.id;
}
