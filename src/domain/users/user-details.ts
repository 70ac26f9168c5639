// UpdateUser's User → the user's new details (reference §2.6). A full overwrite: an optional field
// left out is cleared (Lcid goes back to its default EnglishUS). Read-only fields (UserName,
// CustomerId, Password, SecretQuestion/Answer, UserLifeCycleStatus, LastModified…) are ignored.
import type { Entity } from '../../contract/values.js';
import type { AddressRecord, ContactInfoRecord, UserChanges, UserRecord } from '../../store/records.js';
import { ApiError } from '../../contract/api-error.js';
import { newNestedId } from '../numbers.js';
import { ADDRESS_MAX_LENGTH } from '../addresses.js';
import { atMost, email, personName, required, text } from './person-rules.js';

type User = Entity<'User'>;
const PHONE_MAX = 100;

export function userDetails(user: User, current: UserRecord, now: Date, byUserId: bigint): UserChanges {
  const name = user.Name;
  if (!name) throw new ApiError('NullParameter', 'User.Name is required.');
  const middle = atMost(text(name.MiddleInitial), 1, 'User.Name.MiddleInitial');
  return {
    firstName: personName(name.FirstName, 100, 'User.Name.FirstName'),
    lastName: personName(name.LastName, 100, 'User.Name.LastName'),
    middleInitial: middle,
    jobTitle: atMost(text(user.JobTitle), 50, 'User.JobTitle'),
    lcid: user.Lcid ?? 'EnglishUS',
    contactInfo: contactInfo(user.ContactInfo, current.contactInfo),
    lifeCycleStatus: current.lifeCycleStatus,
    lastModifiedTime: now,
    lastModifiedByUserId: byUserId,
  };
}

function contactInfo(info: User['ContactInfo'], current: ContactInfoRecord | null): ContactInfoRecord {
  // Email and Phone1 are required ("Add: Required"); a full overwrite cannot leave them out.
  if (!info) throw new ApiError('NullParameter', 'User.ContactInfo is required.');
  const phone = (value: string | null | undefined, field: string): string | null =>
    atMost(text(value), PHONE_MAX, `User.ContactInfo.${field}`);
  return {
    // The contact record keeps its id; the Id sent is not checked.
    id: current?.id ?? newNestedId(),
    email: email(info.Email, 'User.ContactInfo.Email'),
    emailFormat: info.EmailFormat ?? null,
    phone1: required(phone(info.Phone1, 'Phone1'), 'User.ContactInfo.Phone1'),
    phone2: phone(info.Phone2, 'Phone2'),
    mobile: phone(info.Mobile, 'Mobile'),
    homePhone: phone(info.HomePhone, 'HomePhone'),
    fax: phone(info.Fax, 'Fax'),
    contactByPhone: info.ContactByPhone ?? null,
    contactByPostalMail: info.ContactByPostalMail ?? null,
    address: contactAddress(info.Address, current?.address?.id),
  };
}

/** A user's postal address: every field optional, same limits as an account's; BusinessName is ignored for users. */
function contactAddress(address: Entity<'Address'> | null | undefined, currentId: bigint | undefined): AddressRecord | null {
  if (!address) return null;
  const field = (name: Exclude<keyof typeof ADDRESS_MAX_LENGTH, 'BusinessName'>): string | null =>
    atMost(text(address[name]), ADDRESS_MAX_LENGTH[name], `User.ContactInfo.Address.${name}`);
  const [line1, line2, line3, line4, city, postalCode, stateOrProvince] = (
    ['Line1', 'Line2', 'Line3', 'Line4', 'City', 'PostalCode', 'StateOrProvince'] as const).map(field);
  const countryCode = text(address.CountryCode)?.toUpperCase() ?? null;
  if (countryCode !== null && !/^[A-Z]{2}$/.test(countryCode)) {
    throw new ApiError('InvalidParameter', 'User.ContactInfo.Address.CountryCode must be a two-letter country code.');
  }
  const record = {
    businessName: null, line1, line2, line3, line4, city, stateOrProvince, postalCode, countryCode,
  };
  if (Object.values(record).every((v) => v === null)) return null;
  return { id: currentId ?? newNestedId(), ...record };
}
