// Client links: an agency's management of a client account or customer. A link is never deleted:
// every request is a row, and the newest row per (type, client entity, manager) is the link's
// current state (SearchClientLinks' "most recent link for each unique combination").
import { pageBound } from '../dialect.js';
import type { ClientLinkRecord, ClientLinkSearch, NewClientLink } from '../../records.js';
import { insertOutboxStatement } from './outbox.js';
import { managerLinksQuery } from './manager-links-query.js';
import { StoreConflict, type ClientLinkGuard, type ClientLinkStore } from '../../store.js';
import type { Row, SqlValue, Statement } from '../driver.js';
import { fold, foldOrNull, type Columns, type Sql } from '../sql.js';
import {
  big, bigOrNull, bool, boolOrNull, date, dateOrNull, enumCol, ms, msOrNull, str, strOrNull,
} from '../values.js';
import { nowMs } from '../../../contract/ambient.js';

function clientLinkColumns(l: NewClientLink): Columns {
  return [
    ['type', l.type], ['client_entity_id', l.clientEntityId], ['managing_customer_id', l.managingCustomerId],
    ['status', l.status], ['name', l.name], ['name_folded', foldOrNull(l.name)], ['note', l.note], ['is_bill_to_client', l.isBillToClient],
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

/**
 * AddClientLinks' live-link checks as steps before the insert: lock the client entity's row
 * (PostgreSQL; SQLite's write transaction is already exclusive), which every guarded insert for
 * that entity locks too, so a concurrent add waits here and then sees this one's link; then a
 * guard that returns no row (rolling everything back) when a refusing link exists.
 */
function clientLinkGuardSteps(
  sql: Sql, link: Pick<NewClientLink, 'type' | 'clientEntityId' | 'managingCustomerId'>, guard: ClientLinkGuard,
): Statement[] {
  const table = link.type === 'AccountLink' ? 'accounts' : 'customers';
  const p = sql.params();
  const lock = { sql: `UPDATE ${table} SET version = version WHERE id = ${p.add(link.clientEntityId)}`, params: p.values };
  const q = sql.params();
  const { statuses, expiring } = guard.live;
  // Parameters are added in the order they appear: SQLite's are positional.
  const entity = `client_entity_id = ${q.add(link.clientEntityId)} AND type = ${q.add(link.type)}`;
  // Links written before version 5 have no creation time; their last change stands in (clientLinkFromRow).
  const live = `${q.inTexts('status', statuses)} AND (status <> ${q.add(expiring.status)} `
    + `OR COALESCE(created_time, last_modified_time) > ${q.add(ms(expiring.createdAfter))})`;
  const refusals: string[] = [];
  if (guard.sameManagerRefuses !== false) refusals.push(`managing_customer_id = ${q.add(link.managingCustomerId)}`);
  if (guard.otherManagerStatuses.length > 0) {
    refusals.push(`(managing_customer_id <> ${q.add(link.managingCustomerId)} AND ${q.inTexts('status', guard.otherManagerStatuses)})`);
  }
  const refusing = refusals.length === 0 ? '1 = 0' : `(${refusals.join(' OR ')})`;
  const check = {
    sql: `SELECT 1 AS ok WHERE NOT EXISTS (SELECT 1 FROM client_links WHERE ${entity} AND ${live} AND ${refusing})`,
    params: q.values, guard: true,
  };
  return [lock, check];
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
    async insertClientLink(link, messages = [], guard) {
      // With its notices: one transaction, so a link never exists without the e-mails it sent.
      const insert = insertClientLinkStatement(sql, link);
      if (guard === undefined && messages.length === 0) {
        const row = await sql.one(insert.sql, insert.params);
        if (row === null) throw new Error('store: insert into client_links returned no row');
        return clientLinkFromRow(row);
      }
      const steps = guard === undefined ? [] : clientLinkGuardSteps(sql, link, guard);
      const rows = await sql.transaction([...steps, insert, ...messages.map((m) => insertOutboxStatement(sql, m))]);
      if (rows === null) throw new StoreConflict('client_link_live');
      const row = rows[steps.length]?.[0];
      if (row === undefined) throw new Error('store: insert into client_links returned no row');
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

    async searchClientLinks(search) {
      const { sql: text, params } = clientLinkSearchQuery(sql, search);
      return (await sql.all(text, params)).map(clientLinkFromRow);
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

    async updateClientLink(id, expectedVersion, changes, guarded) {
      const columns: Columns = [
        ['status', changes.status], ['note', changes.note], ['last_modified_by_user_id', changes.lastModifiedByUserId],
      ];
      if (guarded === undefined) {
        const row = await sql.update('client_links', id, expectedVersion, columns);
        return row === null ? null : clientLinkFromRow(row);
      }
      const steps = clientLinkGuardSteps(sql, guarded.link, guarded.guard);
      const rows = await sql.transaction([...steps, sql.updateStatement('client_links', id, expectedVersion, columns)]);
      if (rows === null) {
        // The guard or the compare-and-set refused: which one, the link's version says.
        const now = await sql.byId('client_links', id);
        if (now !== null && big(now, 'version') === expectedVersion) throw new StoreConflict('client_link_live');
        return null;
      }
      const row = rows[steps.length]?.[0];
      if (row === undefined) throw new Error('store: update of client_links returned no row');
      return clientLinkFromRow(row);
    },
  };
}


/**
 * SearchClientLinks' statement. A manager's links are manager-links-query's. Otherwise the
 * predicate's links are read by index (the client entities' links through client_links_client,
 * the accounts a manager links through client_links_pair), grouped by pair to find each
 * pair's newest (a grouping, not a per-link "is there a newer one" probe, which PostgreSQL answers
 * through client_links_manager, i.e. over every link of an agency for each link), then those
 * newest links are read by primary key, their manager's number beside them, and only they are
 * sorted, with the page's limit inside.
 */
export function clientLinkSearchQuery(sql: Sql, q: ClientLinkSearch): { sql: string; params: SqlValue[] } {
  const of = q.of;
  // A manager's links may be countless (an agency's): walked in order, never grouped and sorted.
  if ('managerId' in of && !('clientIds' in of)) return managerLinksQuery(sql, of.managerId, q);
  const d = sql.dialect;
  const p = sql.params();
  let candidates: string;
  if ('clientIds' in of) {
    candidates = `type = ${p.add(of.type)} AND ${p.inBigints('client_entity_id', of.clientIds)}`
      + (of.managerId === undefined ? '' : ` AND managing_customer_id = ${p.add(of.managerId)}`);
  } else {
    const account = p.add('AccountLink');
    candidates = `type = ${account} AND client_entity_id IN (SELECT o.client_entity_id FROM client_links o `
      + `WHERE o.managing_customer_id = ${p.add(of.accountsLinkedBy)} AND o.type = ${p.add('AccountLink')} AND o.aggregatee = ${p.add(false)})`;
  }
  const newest = `SELECT MAX(id) FROM client_links WHERE ${candidates} GROUP BY managing_customer_id, type, client_entity_id`;
  // Parameters are added in the order they appear: SQLite's are positional.
  const notAggregatee = `l.aggregatee = ${p.add(false)}`;
  const dir = q.orderBy.descending ? 'DESC' : 'ASC';
  const key = q.orderBy.field === 'Id' ? 'l.client_entity_id'
    : q.orderBy.field === 'Name' ? d.orderText("COALESCE(l.name_folded, '')") : d.orderText("COALESCE(m.number, '')");
  const limit = pageBound(q.limit, 'limit');
  const offset = pageBound(q.offset, 'offset');
  const tail = d.limitOffset(limit === null ? null : p.add(limit), offset === null ? null : p.add(offset));
  return {
    sql: `SELECT l.* FROM client_links l LEFT JOIN customers m ON m.id = l.managing_customer_id `
      + `WHERE ${d.inSubquery('l.id', newest)} AND ${notAggregatee} ORDER BY ${key} ${dir}, l.id ASC${tail}`,
    params: p.values,
  };
}
