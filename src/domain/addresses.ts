// Address ↔ record mapping and the address field lengths (reference §2.1, §2.7); the rules an
// address must follow live in addresses/validate-address-rules.ts.
import type { Entity } from '../contract/values.js';
import type { AddressRecord } from '../store/records.js';

type Address = Entity<'Address'>;

/** The longest value of each address field (reference §2.7), for accounts, users and the web forms alike. */
export const ADDRESS_MAX_LENGTH = {
  BusinessName: 100, Line1: 35, Line2: 35, Line3: 35, Line4: 35, City: 35, PostalCode: 10, StateOrProvince: 100,
} as const satisfies Partial<Record<keyof Address, number>>;
/**
 * The record of a business address that `validateBusinessAddress` (addresses/validate-address-business.ts,
 * the one home of the address rules) has accepted: values trimmed, empty ones null, CountryCode in
 * upper case.
 */
export function businessAddressRecord(address: Address, id: bigint): AddressRecord {
  const text = (v: string | null | undefined): string | null => (v === undefined || v === null || v.trim() === '' ? null : v.trim());
  return {
    id,
    businessName: text(address.BusinessName), line1: text(address.Line1), line2: text(address.Line2),
    line3: text(address.Line3), line4: text(address.Line4), city: text(address.City),
    stateOrProvince: text(address.StateOrProvince), postalCode: text(address.PostalCode),
    countryCode: text(address.CountryCode)?.toUpperCase() ?? null,
  };
}

export function addressEntity(record: AddressRecord | null): Address | null {
  if (!record) return null;
  return {
    City: record.city, CountryCode: record.countryCode, Id: record.id, Line1: record.line1, Line2: record.line2,
    Line3: record.line3, Line4: record.line4, PostalCode: record.postalCode, StateOrProvince: record.stateOrProvince,
    TimeStamp: null, BusinessName: record.businessName,
  };
}
