// CustomerRecord → the wire entities Customer and CustomerInfo.
import type { Entity } from '../../contract/values.js';
import type { CustomerRecord } from '../../store/records.js';
import { addressEntity } from '../addresses.js';
import { encodeTimeStamp } from '../timestamps.js';

export function customerEntity(record: CustomerRecord): Entity<'Customer'> {
  return {
    CustomerFinancialStatus: record.financialStatus,
    Id: record.id,
    Industry: record.industry,
    LastModifiedByUserId: record.lastModifiedByUserId,
    LastModifiedTime: record.lastModifiedTime,
    MarketCountry: record.marketCountry,
    ForwardCompatibilityMap: null,
    MarketLanguage: record.marketLanguage,
    Name: record.name,
    ServiceLevel: record.serviceLevel,
    // "Inactive — … the customer was deleted."
    CustomerLifeCycleStatus: record.lifeCycleStatus,
    TimeStamp: encodeTimeStamp(record.version),
    Number: record.number,
    CustomerAddress: addressEntity(record.address),
  };
}

export function customerInfo(record: CustomerRecord): Entity<'CustomerInfo'> {
  return { Id: record.id, Name: record.name };
}
