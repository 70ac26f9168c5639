// Notifications: the operator's messages, each user's dismissals, and the pending client links a
// client customer has to answer (read from client_links, which the client-link area writes).
import type { ClientLinkInvitation, OperatorNotificationRecord } from '../../notification-records.js';
import type { NotificationStore } from '../../store.js';
import type { Row } from '../driver.js';
import type { Sql } from '../sql.js';
import { big, bigOrNull, date, dateOrNull, int, ms, msOrNull, str, strOrNull } from '../values.js';

function operatorNotificationFromRow(r: Row): OperatorNotificationRecord {
  return {
    id: big(r, 'id'), customerId: bigOrNull(r, 'customer_id'), userId: bigOrNull(r, 'user_id'),
    severity: int(r, 'severity'), title: str(r, 'title'), message: str(r, 'message'),
    createdTime: date(r, 'created_time'), expiresTime: dateOrNull(r, 'expires_time'),
  };
}

function linkFromRow(r: Row): ClientLinkInvitation {
  const type = str(r, 'type');
  if (type !== 'AccountLink' && type !== 'CustomerLink') throw new TypeError(`store: unknown client link type ${type}`);
  return {
    id: big(r, 'id'), type, clientEntityId: big(r, 'client_entity_id'), managingCustomerId: big(r, 'managing_customer_id'),
    name: strOrNull(r, 'name'), lastModifiedTime: date(r, 'last_modified_time'),
  };
}

export function notificationPart(sql: Sql): NotificationStore {
  return {
    async insertOperatorNotification(n) {
      return operatorNotificationFromRow(await sql.insert('operator_notifications', [
        ['customer_id', n.customerId], ['user_id', n.userId], ['severity', n.severity], ['title', n.title],
        ['message', n.message], ['created_time', ms(n.createdTime)], ['expires_time', msOrNull(n.expiresTime)],
      ]));
    },

    async listOperatorNotifications({ userId, customerIds, at }) {
      const p = sql.params();
      const addressed = [
        '(customer_id IS NULL AND user_id IS NULL)',
        `user_id = ${p.add(userId)}`,
        ...(customerIds.length > 0 ? [`(user_id IS NULL AND ${p.inBigints('customer_id', customerIds)})`] : []),
      ];
      const text = `SELECT * FROM operator_notifications WHERE (${addressed.join(' OR ')}) `
        + `AND (expires_time IS NULL OR expires_time > ${p.add(ms(at))}) ORDER BY id`;
      return (await sql.all(text, p.values)).map(operatorNotificationFromRow);
    },

    async dismissNotifications(userId, keys, at) {
      if (keys.length === 0) return 0;
      const p = sql.params();
      const rows = keys.map((k) => `(${p.add(userId)}, ${p.add(k.typeId)}, ${p.add(k.notificationId)}, ${p.add(ms(at))})`);
      return sql.run(
        `INSERT INTO notification_dismissals (user_id, type_id, notification_id, dismissed_time) VALUES ${rows.join(', ')} `
        + 'ON CONFLICT (user_id, type_id, notification_id) DO NOTHING',
        p.values,
      );
    },

    async listNotificationDismissals(userId) {
      const p = sql.params();
      const rows = await sql.all(
        `SELECT type_id, notification_id FROM notification_dismissals WHERE user_id = ${p.add(userId)} ORDER BY type_id, notification_id`,
        p.values,
      );
      return rows.map((r) => ({ typeId: int(r, 'type_id'), notificationId: big(r, 'notification_id') }));
    },

    async listPendingClientLinksFor(clientAccountIds, clientCustomerIds) {
      const p = sql.params();
      const clients = [
        ...(clientAccountIds.length > 0 ? [`(type = 'AccountLink' AND ${p.inBigints('client_entity_id', clientAccountIds)})`] : []),
        ...(clientCustomerIds.length > 0 ? [`(type = 'CustomerLink' AND ${p.inBigints('client_entity_id', clientCustomerIds)})`] : []),
      ];
      if (clients.length === 0) return [];
      const text = 'SELECT id, type, client_entity_id, managing_customer_id, name, last_modified_time FROM client_links '
        + `WHERE status = 'LinkPending' AND (${clients.join(' OR ')}) ORDER BY id`;
      return (await sql.all(text, p.values)).map(linkFromRow);
    },
  };
}
