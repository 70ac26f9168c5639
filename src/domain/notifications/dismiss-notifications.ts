// DismissNotifications: the caller's notifications named by (Key = notification id, Value = type
// id) stay out of GetNotifications for that user from now on.
import type { Handler } from '../context.js';
import { ApiError } from '../../contract/api-error.js';
import type { NotificationKey } from '../../store/notification-records.js';
import { NOTIFICATION_TYPE_IDS } from './notification-types.js';
import { notificationUser } from './notification-user.js';

/** The most pairs one call may dismiss. */
export const MAX_DISMISSALS = 100;

export const dismissNotifications: Handler<'DismissNotifications'> = async (ctx, request) => {
  const userId = notificationUser(ctx, request.UserId);
  const pairs = request.NotificationTypePairs ?? [];
  if (pairs.length === 0) throw new ApiError('RequiredListEmpty', 'NotificationTypePairs is required.');
  if (pairs.length > MAX_DISMISSALS) throw new ApiError('BatchSizeExceeded', `NotificationTypePairs can hold at most ${MAX_DISMISSALS} pairs.`);
  const keys = new Map<string, NotificationKey>();
  for (const [i, pair] of pairs.entries()) {
    const at = `NotificationTypePairs[${i}]`;
    if (!pair || pair.Key === undefined || pair.Value === undefined) throw new ApiError('NullParameter', `${at} needs a Key (notification id) and a Value (type id).`);
    if (pair.Key <= 0n) throw new ApiError('InvalidParameter', `${at}.Key is not a notification id.`);
    if (!NOTIFICATION_TYPE_IDS.has(pair.Value)) throw new ApiError('InvalidParameter', `${at}.Value ${pair.Value} is not a notification type.`);
    keys.set(`${pair.Value}:${pair.Key}`, { typeId: pair.Value, notificationId: pair.Key });
  }
  await ctx.store.dismissNotifications(userId, [...keys.values()], ctx.now());
  return {};
};
