// Client links: an agency's management of a client account or customer.
import type { ClientLinkRecord, NewClientLink } from '../../records.js';
import type { ClientLinkStore } from '../../store.js';
import type { Row } from '../driver.js';
import type { Columns, Sql } from '../sql.js';
import { big, bigOrNull, bool, boolOrNull, date, dateOrNull, enumCol, msOrNull, str, strOrNull } from '../values.js';

function clientLinkColumns(l: NewClientLink): Columns {
  return [
    ['type', l.type], ['client_entity_id', l.clientEntityId], ['managing_customer_id', l.managingCustomerId],
    ['status', l.status], ['name', l.name], ['note', l.note], ['is_bill_to_client', l.isBillToClient],
    ['start_date', msOrNull(l.startDate)], ['inviter_email', l.inviterEmail], ['inviter_name', l.inviterName],
    ['inviter_phone', l.inviterPhone], ['customer_link_permission', l.customerLinkPermission],
    ['suppress_notification', l.suppressNotification], ['last_modified_by_user_id', l.lastModifiedByUserId],
  ];
}

function clientLinkFromRow(r: Row): ClientLinkRecord {
  const type = str(r, 'type');
  if (type !== 'AccountLink' && type !== 'CustomerLink') throw new TypeError(`store: unknown client link type ${type}`);
  return {
    id: big(r, 'id'), type, clientEntityId: big(r, 'client_entity_id'),
    managingCustomerId: big(r, 'managing_customer_id'), status: enumCol(r, 'status', 'ClientLinkStatus'),
    name: strOrNull(r, 'name'), note: strOrNull(r, 'note'), isBillToClient: boolOrNull(r, 'is_bill_to_client'),
    startDate: dateOrNull(r, 'start_date'), inviterEmail: strOrNull(r, 'inviter_email'),
    inviterName: strOrNull(r, 'inviter_name'), inviterPhone: strOrNull(r, 'inviter_phone'),
    customerLinkPermission: strOrNull(r, 'customer_link_permission'),
    suppressNotification: bool(r, 'suppress_notification'), version: big(r, 'version'),
    lastModifiedTime: date(r, 'last_modified_time'), lastModifiedByUserId: bigOrNull(r, 'last_modified_by_user_id'),
  };
}

export function clientLinkPart(sql: Sql): ClientLinkStore {
  return {
    async insertClientLink(link) {
      return clientLinkFromRow(await sql.insert('client_links', [...clientLinkColumns(link), ['version', 1n], ['last_modified_time', Date.now()]]));
    },

    async listClientLinksByManager(managingCustomerIds, statuses) {
      if (managingCustomerIds.length === 0 || statuses.length === 0) return [];
      const p = sql.params();
      const text = `SELECT * FROM client_links WHERE ${p.inBigints('managing_customer_id', managingCustomerIds)} `
        + `AND ${p.inTexts('status', statuses)} ORDER BY id`;
      return (await sql.all(text, p.values)).map(clientLinkFromRow);
    },
  };
}
