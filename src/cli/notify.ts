// `adcenter notify`: the operator posts a notification (GetNotifications TypeId 5) to a user, to
// the users of a customer, or to everyone. Prints the notification id.
import { postOperatorMessage } from '../domain/notifications/operator-messages.js';
import { withStore, type StoreOptions } from './store-options.js';

export interface NotifyOptions extends StoreOptions {
  title: string;
  message: string;
  severity?: number | undefined;
  user?: string | undefined;
  customer?: string | undefined;
  expires?: string | undefined;
}

export function notify(options: NotifyOptions): Promise<void> {
  return withStore(options, async (store) => {
    const expires = options.expires === undefined ? undefined : new Date(options.expires);
    if (expires !== undefined && Number.isNaN(expires.getTime())) throw new Error('--expires must be a date (ISO 8601)');
    const n = await postOperatorMessage(store, {
      title: options.title, message: options.message, severity: options.severity,
      userId: options.user === undefined ? undefined : BigInt(options.user),
      customerId: options.customer === undefined ? undefined : BigInt(options.customer),
      expiresTime: expires,
    }, new Date());
    process.stdout.write(`${n.id}\n`);
  });
}
