// GetNotifications: the caller's notifications in their language, optionally of some types only.
import type { Handler } from '../context.js';
import { languageOf } from './notification-types.js';
import { notificationUser } from './notification-user.js';
import { userNotifications } from './user-notifications.js';

export const getNotifications: Handler<'GetNotifications'> = async (ctx, request) => {
  const userId = notificationUser(ctx, request.UserId);
  const all = await userNotifications({
    userId, access: await ctx.access(), store: ctx.store, now: ctx.now(), language: languageOf(request.Locale),
  });
  const types = request.TypeIds ?? [];
  return { Notifications: types.length === 0 ? all : all.filter((n) => types.includes(n.TypeId!)) };
};
