// GetAccessibleCustomer (undocumented; WSDL only): GetCustomer's answer for a customer the caller
// reaches, with ValidFields — our reading: a bit mask of the Customer elements that carry a value,
// bit n for the n-th element in WSDL order (CustomerFinancialStatus = bit 0 … CustomerAddress = bit 13).
import type { Entity } from '../../contract/values.js';
import type { Handler } from '../context.js';
import { customerEntity } from './customer-entity.js';
import { reachableCustomer } from './reach.js';

const WSDL_ORDER: ReadonlyArray<keyof Entity<'Customer'>> = [
  'CustomerFinancialStatus', 'Id', 'Industry', 'LastModifiedByUserId', 'LastModifiedTime', 'MarketCountry',
  'ForwardCompatibilityMap', 'MarketLanguage', 'Name', 'ServiceLevel', 'CustomerLifeCycleStatus', 'TimeStamp',
  'Number', 'CustomerAddress',
];

export function validFields(customer: Entity<'Customer'>): number {
  return WSDL_ORDER.reduce((mask, name, bit) => {
    const value = customer[name];
    return value === null || value === undefined ? mask : mask | (1 << bit);
  }, 0);
}

export const getAccessibleCustomer: Handler<'GetAccessibleCustomer'> = async (ctx, request) => {
  const customer = customerEntity(await reachableCustomer(ctx, request.CustomerId));
  return { AccessibleCustomer: customer, ValidFields: validFields(customer) };
};
