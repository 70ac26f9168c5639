// The notifications of one user, computed from the store on every read: events (recent accounts,
// accounts without a payment method, client links waiting for the user's customer, invitations
// about to expire) and the operator's messages, less what the user dismissed.
import type { Entity } from '../../contract/values.js';
import type { Store } from '../../store/store.js';
import type { Access } from '../access.js';
import {
  ACCOUNT_CREATED_WINDOW_DAYS, fillTemplate, INVITATION_EXPIRY_WINDOW_DAYS, NOTIFICATION_TEXTS, NOTIFICATION_TYPE,
  SEVERITY, type Language, type NotificationTypeName,
} from './notification-types.js';

type Notification = Entity<'Notification'>;
const DAY = 24 * 60 * 60 * 1000;
/** Roles that send invitations (Super Admin, Standard User, Aggregator) see their expiry. */
const INVITING_ROLES = [41, 203, 33];

interface Source {
  userId: bigint;
  access: Access;
  store: Store;
  now: Date;
  language: Language;
}

function event(type: Exclude<NotificationTypeName, 'OperatorMessage'>, id: bigint, severity: number, info: Record<string, string>, language: Language): Notification {
  const text = NOTIFICATION_TEXTS[type][language];
  return {
    TypeId: NOTIFICATION_TYPE[type], Id: id, Severity: severity,
    Title: fillTemplate(text.title, info), Message: fillTemplate(text.message, info),
    AdditionalInfo: Object.entries(info).map(([Key, Value]) => ({ Key, Value })),
  };
}

export async function userNotifications(src: Source): Promise<Notification[]> {
  const { store, access, now, language } = src;
  const out: Notification[] = [];
  const wholeCustomers = access.roles.filter((r) => r.accountIds === null).map((r) => r.customerId);
  const accounts = await store.queryAccounts({ scope: access.scope() });

  for (const a of accounts) {
    const info = { AccountId: a.id.toString(), AccountName: a.name, AccountNumber: a.number };
    if (now.getTime() - a.createdTime.getTime() <= ACCOUNT_CREATED_WINDOW_DAYS * DAY) {
      out.push(event('AccountCreated', a.id, SEVERITY.information, { ...info, CreatedTime: a.createdTime.toISOString() }, language));
    }
    if (a.paymentMethodId === null && a.lifeCycleStatus !== 'Inactive') {
      out.push(event('PaymentMethodMissing', a.id, SEVERITY.actionRequired, info, language));
    }
  }

  const links = await store.listPendingClientLinksFor(accounts.map((a) => a.id), wholeCustomers);
  const names = new Map<bigint, string>();
  const customers = await store.getCustomers([...new Set([...links.map((l) => l.managingCustomerId), ...wholeCustomers])]);
  for (const c of customers) names.set(c.id, c.name);
  for (const a of accounts) names.set(a.id, a.name);
  for (const l of links) {
    out.push(event('ClientLinkAwaitingAcceptance', l.id, SEVERITY.warning, {
      ClientLinkId: l.id.toString(), ClientLinkType: l.type, ClientEntityId: l.clientEntityId.toString(),
      ClientEntityName: names.get(l.clientEntityId) ?? l.clientEntityId.toString(),
      ManagingCustomerId: l.managingCustomerId.toString(),
      ManagingCustomerName: names.get(l.managingCustomerId) ?? l.managingCustomerId.toString(),
    }, language));
  }

  const inviting = access.roles.filter((r) => r.accountIds === null && INVITING_ROLES.includes(r.roleId)).map((r) => r.customerId);
  for (const customerId of inviting) {
    for (const inv of await store.listPendingUserInvitations(customerId)) {
      const left = inv.expirationDate.getTime() - now.getTime();
      if (left <= 0 || left > INVITATION_EXPIRY_WINDOW_DAYS * DAY) continue;
      out.push(event('InvitationExpiringSoon', inv.id, SEVERITY.information, {
        UserInvitationId: inv.id.toString(), CustomerId: customerId.toString(), Email: inv.email,
        ExpirationDate: inv.expirationDate.toISOString().slice(0, 10),
      }, language));
    }
  }

  const addressed = [...new Set(access.roles.map((r) => r.customerId))];
  for (const n of await store.listOperatorNotifications({ userId: src.userId, customerIds: addressed, at: now })) {
    out.push({
      TypeId: NOTIFICATION_TYPE.OperatorMessage, Id: n.id, Severity: n.severity, Title: n.title, Message: n.message,
      AdditionalInfo: [{ Key: 'CreatedTime', Value: n.createdTime.toISOString() }],
    });
  }

  const dismissed = new Set((await store.listNotificationDismissals(src.userId)).map((d) => `${d.typeId}:${d.notificationId}`));
  return out
    .filter((n) => !dismissed.has(`${n.TypeId}:${n.Id}`))
    .sort((a, b) => (b.Severity! - a.Severity!) || (a.TypeId! - b.TypeId!) || (a.Id! < b.Id! ? -1 : a.Id! > b.Id! ? 1 : 0));
}
