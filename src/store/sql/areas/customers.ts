// Customers and their payment methods.
import type { CustomerRecord, NewCustomer, PaymentMethodRecord } from '../../records.js';
import type { CustomerStore } from '../../store.js';
import type { Row } from '../driver.js';
import { decodeAddress, encodeAddress } from '../json.js';
import { created, type Columns, type Sql } from '../sql.js';
import { big, bigOrNull, bool, date, enumCol, enumColOrNull, str, strOrNull } from '../values.js';

export function customerColumns(c: NewCustomer): Columns {
  return [
    ['number', c.number], ['name', c.name], ['industry', c.industry], ['market_country', c.marketCountry],
    ['market_language', c.marketLanguage], ['financial_status', c.financialStatus],
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

export function paymentMethodFromRow(r: Row): PaymentMethodRecord {
  return {
    id: big(r, 'id'), customerId: big(r, 'customer_id'), type: enumCol(r, 'type', 'PaymentMethodType'),
    createdTime: date(r, 'created_time'),
  };
}

export function customerPart(sql: Sql): CustomerStore {
  return {
    async insertCustomer(customer) {
      return customerFromRow(await sql.insert('customers', [...customerColumns(customer), ...created(Date.now())]));
    },

    async getCustomer(id) {
      const row = await sql.byId('customers', id);
      return row === null ? null : customerFromRow(row);
    },

    async getCustomers(ids) {
      return (await sql.byIds('customers', ids)).map(customerFromRow);
    },

    async insertPaymentMethod(customerId, type) {
      return paymentMethodFromRow(await sql.insert('payment_methods', [['customer_id', customerId], ['type', type], ['created_time', Date.now()]]));
    },

    async getPaymentMethod(id) {
      const row = await sql.byId('payment_methods', id);
      return row === null ? null : paymentMethodFromRow(row);
    },
  };
}
