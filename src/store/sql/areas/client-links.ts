// Client links: an agency's management of a client account or customer. A link is never deleted:
// every request is a row, and the newest row per (type, client entity, manager) is the link's
// current state (SearchClientLinks' "most recent link for each unique combination").
import type { ClientLinkRecord, NewClientLink } from '../../records.js';
import { insertOutboxStatement } from './outbox.js';
import type { ClientLinkStore } from '../../store.js';
import type { Row, Statement } from '../driver.js';
import { fold, type Columns, type Sql } from '../sql.js';
import {
  big, bigOrNull, bool, boolOrNull, date, dateOrNull, enumCol, ms, msOrNull, str, strOrNull,
} from '../values.js';
import { nowMs } from '../../../contract/ambient.js';

function clientLinkColumns(l: NewClientLink): Columns {
  return [
    ['type', l.type], ['client_entity_id', l.clientEntityId], ['managing_customer_id', l.managingCustomerId],
    ['status', l.status], ['name', l.name], ['note', l.note], ['is_bill_to_client', l.isBillToClient],
    ['start_date', msOrNull(l.startDate)], ['inviter_email', l.inviterEmail], ['inviter_name', l.inviterName],
    ['inviter_phone', l.inviterPhone], ['customer_link_permission', l.customerLinkPermission],
    ['suppress_notification', l.suppressNotification], ['last_modified_by_user_id', l.lastModifiedByUserId],
    ['aggregatee', l.aggregatee ?? false],
  ];
}

/** The columns of a new link's row (also the bulk insert's). */
export function clientLinkInsertColumns(link: NewClientLink, now: number): Columns {
  return [
    ...clientLinkColumns(link), ['version', 1n], ['created_time', ms(link.createdTime ?? new Date(now))],
    ['last_modified_time', now],
  ];
}

/** The insert of a link (for this part and for SignupCustomer's transaction). */
export function insertClientLinkStatement(sql: Sql, link: NewClientLink): Statement {
  return sql.insertStatement('client_links', clientLinkInsertColumns(link, nowMs()));
}

export function clientLinkFromRow(r: Row): ClientLinkRecord {
  const type = str(r, 'type');
  if (type !== 'AccountLink' && type !== 'CustomerLink') throw new TypeError(`store: unknown client link type ${type}`);
  const lastModifiedTime = date(r, 'last_modified_time');
  return {
    id: big(r, 'id'), type, clientEntityId: big(r, 'client_entity_id'),
    managingCustomerId: big(r, 'managing_customer_id'), status: enumCol(r, 'status', 'ClientLinkStatus'),
    name: strOrNull(r, 'name'), note: strOrNull(r, 'note'), isBillToClient: boolOrNull(r, 'is_bill_to_client'),
    startDate: dateOrNull(r, 'start_date'), inviterEmail: strOrNull(r, 'inviter_email'),
    inviterName: strOrNull(r, 'inviter_name'), inviterPhone: strOrNull(r, 'inviter_phone'),
    customerLinkPermission: strOrNull(r, 'customer_link_permission'),
    suppressNotification: bool(r, 'suppress_notification'), aggregatee: bool(r, 'aggregatee'),
    version: big(r, 'version'),
    // Links written before version 5 have no creation time; their last change is the best bound.
    createdTime: dateOrNull(r, 'created_time') ?? lastModifiedTime,
    lastModifiedTime, lastModifiedByUserId: bigOrNull(r, 'last_modified_by_user_id'),
  };
}

export function clientLinkPart(sql: Sql): ClientLinkStore {
  return {
    async insertClientLink(link, messages = []) {
      // With its notices: one transaction, so a link never exists without the e-mails it sent.
      const insert = insertClientLinkStatement(sql, link);
      const row = messages.length === 0
        ? await sql.one(insert.sql, insert.params)
        : (await sql.transaction([insert, ...messages.map((m) => insertOutboxStatement(sql, m))]))?.[0]?.[0];
      if (row === undefined || row === null) throw new Error('store: insert into client_links returned no row');
      return clientLinkFromRow(row);
    },

    async listClientLinksByManager(managingCustomerIds, statuses) {
      if (managingCustomerIds.length === 0 || statuses.length === 0) return [];
      const p = sql.params();
      const text = `SELECT * FROM client_links WHERE ${p.inBigints('managing_customer_id', managingCustomerIds)} `
        + `AND ${p.inTexts('status', statuses)} ORDER BY id`;
      return (await sql.all(text, p.values)).map(clientLinkFromRow);
    },

    async listClientLinksByClient(type, clientEntityIds) {
      if (clientEntityIds.length === 0) return [];
      const p = sql.params();
      const text = `SELECT * FROM client_links WHERE ${p.inBigints('client_entity_id', clientEntityIds)} `
        + `AND type = ${p.add(type)} ORDER BY id`;
      return (await sql.all(text, p.values)).map(clientLinkFromRow);
    },

    async getClientLink(id) {
      const row = await sql.byId('client_links', id);
      return row === null ? null : clientLinkFromRow(row);
    },

    async idByNumber(kind, number) {
      const p = sql.params();
      // Account numbers are matched on their folded copy; customer numbers are stored upper-case.
      const text = kind === 'account'
        ? `SELECT id FROM accounts WHERE number_folded = ${p.add(fold(number))}`
        : `SELECT id FROM customers WHERE number = ${p.add(number.toUpperCase())}`;
      const row = await sql.one(text, p.values);
      return row === null ? null : big(row, 'id');
    },

    async updateClientLink(id, expectedVersion, changes) {
      const row = await sql.update('client_links', id, expectedVersion, [
        ['status', changes.status], ['note', changes.note], ['last_modified_by_user_id', changes.lastModifiedByUserId],
      ]);
      return row === null ? null : clientLinkFromRow(row);
    },
  };
}
