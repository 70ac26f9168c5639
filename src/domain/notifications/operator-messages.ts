// The operator's own notifications (`adcenter notify`): to one user, to the users of a customer,
// or to everyone, shown by GetNotifications with TypeId 5 until they expire or are dismissed.
import type { OperatorNotificationRecord } from '../../store/notification-records.js';
import type { Store } from '../../store/store.js';
import { SEVERITY } from './notification-types.js';

export interface OperatorMessage {
  title: string;
  message: string;
  severity?: number | undefined;
  userId?: bigint | undefined;
  customerId?: bigint | undefined;
  expiresTime?: Date | undefined;
}

export async function postOperatorMessage(store: Store, m: OperatorMessage, now: Date): Promise<OperatorNotificationRecord> {
  const title = m.title.trim();
  if (title === '' || m.message.trim() === '') throw new Error('a notification needs a title and a message');
  const severity = m.severity ?? SEVERITY.information;
  if (!Object.values(SEVERITY).includes(severity as 1 | 2 | 3)) throw new Error('severity must be 1 (information), 2 (warning) or 3 (action required)');
  if (m.userId !== undefined && m.customerId !== undefined) throw new Error('address a notification to a user or to a customer, not both');
  if (m.userId !== undefined && !(await store.getUser(m.userId))) throw new Error(`no user ${m.userId}`);
  if (m.customerId !== undefined && !(await store.getCustomer(m.customerId))) throw new Error(`no customer ${m.customerId}`);
  if (m.expiresTime !== undefined && m.expiresTime.getTime() <= now.getTime()) throw new Error('the expiry must be in the future');
  return store.insertOperatorNotification({
    customerId: m.customerId ?? null, userId: m.userId ?? null, severity, title, message: m.message,
    createdTime: now, expiresTime: m.expiresTime ?? null,
  });
}
