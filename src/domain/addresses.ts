// Address ↔ record mapping and the business-address rules of AdvertiserAccount (reference §2.1, §2.7).
import type { Entity } from '../contract/values.js';
import type { AddressRecord } from '../store/records.js';
import { ApiError } from '../contract/api-error.js';

type Address = Entity<'Address'>;

/** The longest value of each address field (reference §2.7), for accounts, users and the web forms alike. */
export const ADDRESS_MAX_LENGTH = {
  BusinessName: 100, Line1: 35, Line2: 35, Line3: 35, Line4: 35, City: 35, PostalCode: 10, StateOrProvince: 100,
} as const satisfies Partial<Record<keyof Address, number>>;
const LIMITS = Object.entries(ADDRESS_MAX_LENGTH) as Array<[keyof typeof ADDRESS_MAX_LENGTH, number]>;
const FIELD = {
  BusinessName: 'businessName', Line1: 'line1', Line2: 'line2', Line3: 'line3', Line4: 'line4',
  City: 'city', StateOrProvince: 'stateOrProvince', PostalCode: 'postalCode', CountryCode: 'countryCode',
} as const;
/** Countries whose addresses need a postal code and a state (documented for Brazil and India). */
const NEEDS_STATE_AND_POSTAL = ['BR', 'IN'];

/** Validates a business address for AddAccount/UpdateAccount and returns its record. */
export function businessAddressRecord(address: Address | null | undefined, id: bigint, path: string): AddressRecord {
  if (!address) throw new ApiError('BusinessAddressRequired', `${path} is required.`);
  const text = (v: string | null | undefined): string | null => (v === undefined || v === null || v.trim() === '' ? null : v.trim());
  const required: Array<keyof typeof FIELD> = ['BusinessName', 'Line1', 'City', 'CountryCode'];
  const country = text(address.CountryCode)?.toUpperCase() ?? null;
  if (country && NEEDS_STATE_AND_POSTAL.includes(country)) required.push('PostalCode', 'StateOrProvince');
  for (const name of required) {
    if (text(address[name]) === null) throw new ApiError('BusinessAddressInvalid', `${path}.${name} is required.`);
  }
  for (const [name, max] of LIMITS) {
    const value = text(address[name]);
    if (value !== null && value.length > max) {
      throw new ApiError('BusinessAddressInvalid', `${path}.${name} must be at most ${max} characters.`);
    }
  }
  if (country !== null && !/^[A-Z]{2}$/.test(country)) {
    throw new ApiError('BusinessAddressInvalid', `${path}.CountryCode must be a two-letter country code.`);
  }
  return {
    id,
    businessName: text(address.BusinessName), line1: text(address.Line1), line2: text(address.Line2),
    line3: text(address.Line3), line4: text(address.Line4), city: text(address.City),
    stateOrProvince: text(address.StateOrProvince), postalCode: text(address.PostalCode), countryCode: country,
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
