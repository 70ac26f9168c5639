// Customers and their payment methods; the external ids customers are mapped to; the internal
// account managers (who alone may delete customers).
import type { CustomerExternalIdRecord, CustomerQuery, CustomerRecord, NewCustomer, PaymentMethodRecord } from '../../records.js';
import type { CustomerStore } from '../../store.js';
import type { Params } from '../dialect.js';
import { pageBound } from '../dialect.js';
import type { Row, SqlValue } from '../driver.js';
import { decodeAddress, encodeAddress } from '../json.js';
import { created, fold, foldOrNull, type Columns, type Sql } from '../sql.js';
import { big, bigOrNull, bool, date, enumCol, enumColOrNull, str, strOrNull } from '../values.js';
import { reachCtes } from './reach-query.js';
import { escapeLike, prefixRange } from './account-query.js';
import { nowMs } from '../../../contract/ambient.js';

/** Guard of the writes a deleted (Inactive) customer no longer takes. */
const ACTIVE = (p: Params): string => `life_cycle_status = ${p.add('Active')}`;

export function customerColumns(c: NewCustomer): Columns {
  return [
    ['number', c.number], ['number_folded', fold(c.number)], ['name', c.name], ['name_folded', fold(c.name)],
    ['industry', c.industry], ['market_country', c.marketCountry], ['market_country_folded', foldOrNull(c.marketCountry)],
    ['market_language', c.marketLanguage], ['market_language_folded', foldOrNull(c.marketLanguage)],
    ['financial_status', c.financialStatus],
    ['life_cycle_status', c.lifeCycleStatus], ['service_level', c.serviceLevel],
    ['address', encodeAddress(c.address)], ['is_agency', c.isAgency],
    ['last_modified_by_user_id', c.lastModifiedByUserId],
  ];
}

export function customerFromRow(r: Row): CustomerRecord {
  return {
    id: big(r, 'id'), number: str(r, 'number'), name: str(r, 'name'), industry: enumColOrNull(r, 'industry', 'Industry'),
    marketCountry: strOrNull(r, 'market_country'), marketLanguage: enumColOrNull(r, 'market_language', 'LanguageType'),
    financialStatus: enumColOrNull(r, 'financial_status', 'CustomerFinancialStatus'),
    lifeCycleStatus: enumCol(r, 'life_cycle_status', 'CustomerLifeCycleStatus'),
    serviceLevel: enumColOrNull(r, 'service_level', 'ServiceLevel'), address: decodeAddress(strOrNull(r, 'address')),
    isAgency: bool(r, 'is_agency'), version: big(r, 'version'), createdTime: date(r, 'created_time'),
    lastModifiedTime: date(r, 'last_modified_time'), lastModifiedByUserId: bigOrNull(r, 'last_modified_by_user_id'),
  };
}

function externalIdFromRow(r: Row): CustomerExternalIdRecord {
  return {
    customerId: big(r, 'customer_id'), externalCustomerId: str(r, 'external_customer_id'),
    lastModifiedTime: date(r, 'last_modified_time'), lastModifiedByUserId: bigOrNull(r, 'last_modified_by_user_id'),
  };
}

export function paymentMethodFromRow(r: Row): PaymentMethodRecord {
  return {
    id: big(r, 'id'), customerId: big(r, 'customer_id'), type: enumCol(r, 'type', 'PaymentMethodType'),
    createdTime: date(r, 'created_time'),
  };
}

export function customerPart(sql: Sql): CustomerStore {
  return {
    async insertCustomer(customer) {
      return customerFromRow(await sql.insert('customers', [...customerColumns(customer), ...created(nowMs())]));
    },

    async getCustomer(id) {
      const row = await sql.byId('customers', id);
      return row === null ? null : customerFromRow(row);
    },

    async getCustomers(ids) {
      return (await sql.byIds('customers', ids)).map(customerFromRow);
    },

    async listReachableCustomers(userId, at) {
      const { sql: text, params } = reachableCustomersQuery(sql, { userId, at });
      return (await sql.all(text, params)).map(customerFromRow);
    },

    async searchReachableCustomers(query) {
      const { sql: text, params } = reachableCustomersQuery(sql, query);
      return (await sql.all(text, params)).map(customerFromRow);
    },

    async updateCustomer(id, expectedVersion, changes) {
      const { sql: text, params } = sql.updateStatement('customers', id, expectedVersion, [
        ['name', changes.name], ['name_folded', fold(changes.name)], ['industry', changes.industry], ['last_modified_by_user_id', changes.lastModifiedByUserId],
      ], ACTIVE);
      const row = await sql.one(text, params);
      return row === null ? null : customerFromRow(row);
    },

    async deleteCustomer(id, expectedVersion, byUserId) {
      const markInactive = sql.updateStatement('customers', id, expectedVersion,
        [['life_cycle_status', 'Inactive'], ['last_modified_by_user_id', byUserId]], ACTIVE);
      // Its accounts are deleted with it, as DeleteAccount deletes one: Inactive, still readable.
      const p = sql.params();
      const accounts = {
        sql: `UPDATE accounts SET life_cycle_status = ${p.add('Inactive')}, version = version + 1, `
          + `last_modified_time = ${sql.dialect.greatest(p.add(nowMs()), 'last_modified_time + 1')}, `
          + `last_modified_by_user_id = ${p.add(byUserId)} `
          + `WHERE customer_id = ${p.add(id)} AND life_cycle_status <> ${p.add('Inactive')}`,
        params: p.values,
      };
      const rows = await sql.transaction([markInactive, accounts]);
      return rows === null ? null : customerFromRow(rows[0]![0]!);
    },

    async markCustomerAgency(id, byUserId) {
      const p = sql.params();
      const row = await sql.one(
        `UPDATE customers SET is_agency = ${p.add(true)}, version = version + 1, `
        + `last_modified_time = ${sql.dialect.greatest(p.add(nowMs()), 'last_modified_time + 1')}, `
        + `last_modified_by_user_id = ${p.add(byUserId)} `
        + `WHERE id = ${p.add(id)} AND is_agency = ${p.add(false)} AND ${ACTIVE(p)} RETURNING *`,
        p.values,
      );
      return row === null ? null : customerFromRow(row);
    },

    async putCustomerExternalId(customerId, externalCustomerId, byUserId) {
      const p = sql.params();
      const row = await sql.one(
        'INSERT INTO customer_external_ids (customer_id, external_customer_id, last_modified_time, last_modified_by_user_id) '
        + `VALUES (${p.add(customerId)}, ${p.add(externalCustomerId)}, ${p.add(nowMs())}, ${p.add(byUserId)}) `
        + 'ON CONFLICT (customer_id) DO UPDATE SET external_customer_id = excluded.external_customer_id, '
        + 'last_modified_time = excluded.last_modified_time, last_modified_by_user_id = excluded.last_modified_by_user_id '
        + 'RETURNING *',
        p.values,
      );
      if (row === null) throw new Error('store: customer external id upsert returned no row');
      return externalIdFromRow(row);
    },

    async getCustomerExternalId(customerId) {
      const p = sql.params();
      const row = await sql.one(`SELECT * FROM customer_external_ids WHERE customer_id = ${p.add(customerId)}`, p.values);
      return row === null ? null : externalIdFromRow(row);
    },

    async setAccountManager(userId, isManager) {
      const p = sql.params();
      await sql.run(isManager
        ? `INSERT INTO account_managers (user_id, granted_time) VALUES (${p.add(userId)}, ${p.add(nowMs())}) ON CONFLICT (user_id) DO NOTHING`
        : `DELETE FROM account_managers WHERE user_id = ${p.add(userId)}`, p.values);
    },

    async isAccountManager(userId) {
      const p = sql.params();
      return (await sql.one(`SELECT user_id FROM account_managers WHERE user_id = ${p.add(userId)}`, p.values)) !== null;
    },

    async insertPaymentMethod(customerId, type) {
      return paymentMethodFromRow(await sql.insert('payment_methods', [['customer_id', customerId], ['type', type], ['created_time', nowMs()]]));
    },

    async listPaymentMethods(customerId) {
      const p = sql.params();
      return (await sql.all(`SELECT * FROM payment_methods WHERE customer_id = ${p.add(customerId)} ORDER BY id`, p.values)).map(paymentMethodFromRow);
    },

    async getPaymentMethod(id) {
      const row = await sql.byId('payment_methods', id);
      return row === null ? null : paymentMethodFromRow(row);
    },
  };
}


/**
 * One statement: the user's reach (reach-query's `dc`, plus every customer they hold a role on),
 * each reached customer read by primary key, the conditions on the folded columns, then only the
 * matches sorted and paged. The reach drives the read on purpose: a user reaches a handful of
 * customers, an agency many, but the statement never walks the store's customers in name order.
 */
export function reachableCustomersQuery(sql: Sql, q: CustomerQuery): { sql: string; params: SqlValue[] } {
  const d = sql.dialect;
  const p = sql.params();
  const ctes = reachCtes({ userId: q.userId, at: q.at }, 'd', p, d);
  const reached = `SELECT customer_id FROM dc UNION SELECT customer_id FROM user_roles WHERE user_id = ${p.add(q.userId)}`;
  const where = [d.inSubquery('c.id', reached)];
  if (q.ids !== undefined) where.push(q.ids.length === 0 ? '1 = 0' : p.inBigints('c.id', q.ids));
  if (q.namePrefix !== undefined && q.namePrefix !== '') {
    // Code point order on both backends (PostgreSQL COLLATE "C"), as prefixRange's bounds assume.
    const { from, to } = prefixRange(q.namePrefix);
    where.push(`${d.orderText('c.name_folded')} >= ${p.add(from)}`);
    if (to !== null) where.push(`${d.orderText('c.name_folded')} < ${p.add(to)}`);
  }
  if (q.nameEquals !== undefined) where.push(`c.name_folded = ${p.add(fold(q.nameEquals))}`);
  // Both sides folded, so SQLite's ASCII-only case-insensitive LIKE changes nothing.
  if (q.nameContains !== undefined) where.push(`c.name_folded LIKE ${p.add(`%${escapeLike(fold(q.nameContains))}%`)} ESCAPE '\\'`);
  if (q.market !== undefined) {
    where.push(`c.market_country_folded = ${p.add(fold(q.market.country))}`, `c.market_language_folded = ${p.add(fold(q.market.language))}`);
  }
  if (q.createdFrom !== undefined) where.push(`c.created_time >= ${p.add(q.createdFrom.getTime())}`);
  if (q.createdBefore !== undefined) where.push(`c.created_time < ${p.add(q.createdBefore.getTime())}`);
  const dir = q.orderBy?.descending === true ? 'DESC' : 'ASC';
  const field = q.orderBy?.field ?? 'Id';
  const order = field === 'Id' ? `c.id ${dir}`
    : `${d.orderText(field === 'Name' ? 'c.name_folded' : 'c.number_folded')} ${dir}, c.id ${dir}`;
  const limit = pageBound(q.limit, 'limit');
  const offset = pageBound(q.offset, 'offset');
  const tail = d.limitOffset(limit === null ? null : p.add(limit), offset === null ? null : p.add(offset));
  return {
    sql: `WITH RECURSIVE ${ctes.join(', ')} SELECT c.* FROM customers c WHERE ${where.join(' AND ')} ORDER BY ${order}${tail}`,
    params: p.values,
  };
}
