// UpdateUser's User → the user's new details (reference §2.6). Every settable field of User,
// PersonName and ContactInfo is documented "Update: Optional. If no value is set for the update,
// this setting is not changed": a field left out, nil or sent as an empty element keeps its stored
// value, so GetUser → UpdateUser round-trips. A REST client may clear an optional text field by
// sending "" (a value that is set); names and Email cannot be emptied (203). Read-only fields
// (UserName, CustomerId, Password, UserLifeCycleStatus, LastModified…) are ignored.
import type { Entity } from '../../contract/values.js';
import type { AddressRecord, ContactInfoRecord, UserChanges, UserRecord } from '../../store/records.js';
import { ApiError } from '../../contract/api-error.js';
import { newNestedId } from '../numbers.js';
import { ADDRESS_MAX_LENGTH } from '../addresses.js';
import { checkTimeStamp } from '../timestamps.js';
import { atMost, email, personName, text } from './person-rules.js';

type User = Entity<'User'>;
const PHONE_MAX = 100;

/** The sent value (trimmed; "" clears it), or the stored one when none is sent. */
function kept(value: string | null | undefined, current: string | null): string | null {
  return value === undefined || value === null ? current : text(value);
}

/** A sent non-string value, or the stored one. */
function keptValue<T>(value: T | null | undefined, current: T): T {
  return value === undefined || value === null ? current : value;
}

export function userDetails(user: User, current: UserRecord, now: Date, byUserId: bigint): UserChanges {
  const name = user.Name ?? {};
  const sentName = (value: string | null | undefined, currentValue: string | null, path: string): string | null =>
    (value === undefined || value === null ? currentValue : personName(value, 100, path));
  return {
    firstName: sentName(name.FirstName, current.firstName, 'User.Name.FirstName'),
    lastName: sentName(name.LastName, current.lastName, 'User.Name.LastName'),
    middleInitial: atMost(kept(name.MiddleInitial, current.middleInitial), 1, 'User.Name.MiddleInitial'),
    jobTitle: atMost(kept(user.JobTitle, current.jobTitle), 50, 'User.JobTitle'),
    lcid: keptValue(user.Lcid, current.lcid),
    contactInfo: contactInfo(user.ContactInfo, current.contactInfo),
    lifeCycleStatus: current.lifeCycleStatus,
    lastModifiedTime: now,
    lastModifiedByUserId: byUserId,
  };
}

const NO_CONTACT: Omit<ContactInfoRecord, 'id'> = {
  email: null, emailFormat: null, phone1: null, phone2: null, mobile: null, homePhone: null, fax: null,
  contactByPhone: null, contactByPostalMail: null, address: null,
};

function contactInfo(info: User['ContactInfo'], current: ContactInfoRecord | null): ContactInfoRecord | null {
  if (!info) return current;
  const was = current ?? { id: newNestedId(), ...NO_CONTACT };
  const phone = (value: string | null | undefined, stored: string | null, field: string): string | null =>
    atMost(kept(value, stored), PHONE_MAX, `User.ContactInfo.${field}`);
  return {
    // The contact record keeps its id; the Id sent is not checked.
    id: was.id,
    email: info.Email === undefined || info.Email === null ? was.email : email(info.Email, 'User.ContactInfo.Email'),
    emailFormat: keptValue(info.EmailFormat, was.emailFormat),
    phone1: phone(info.Phone1, was.phone1, 'Phone1'),
    phone2: phone(info.Phone2, was.phone2, 'Phone2'),
    mobile: phone(info.Mobile, was.mobile, 'Mobile'),
    homePhone: phone(info.HomePhone, was.homePhone, 'HomePhone'),
    fax: phone(info.Fax, was.fax, 'Fax'),
    contactByPhone: keptValue(info.ContactByPhone, was.contactByPhone),
    contactByPostalMail: keptValue(info.ContactByPostalMail, was.contactByPostalMail),
    address: contactAddress(info.Address, was.address),
  };
}

/**
 * A user's postal address: every field optional and kept when not sent, same limits as an account's;
 * BusinessName is ignored for users ("the address BusinessName element is ignored if you try to set
 * it for a user's contact information").
 */
function contactAddress(address: Entity<'Address'> | null | undefined, current: AddressRecord | null): AddressRecord | null {
  if (!address) return current;
  const field = (name: Exclude<keyof typeof ADDRESS_MAX_LENGTH, 'BusinessName'>, stored: string | null): string | null =>
    atMost(kept(address[name], stored), ADDRESS_MAX_LENGTH[name], `User.ContactInfo.Address.${name}`);
  const countryCode = kept(address.CountryCode, current?.countryCode ?? null)?.toUpperCase() ?? null;
  if (countryCode !== null && !/^[A-Z]{2}$/.test(countryCode)) {
    throw new ApiError('InvalidParameter', 'User.ContactInfo.Address.CountryCode must be a two-letter country code.');
  }
  const record = {
    businessName: null,
    line1: field('Line1', current?.line1 ?? null), line2: field('Line2', current?.line2 ?? null),
    line3: field('Line3', current?.line3 ?? null), line4: field('Line4', current?.line4 ?? null),
    city: field('City', current?.city ?? null), stateOrProvince: field('StateOrProvince', current?.stateOrProvince ?? null),
    postalCode: field('PostalCode', current?.postalCode ?? null), countryCode,
  };
  if (Object.values(record).every((v) => v === null)) return null;
  return { id: current?.id ?? newNestedId(), ...record };
}

/**
 * "when you call UpdateUser you must include the corresponding user's timestamps (including the
 * address timestamp)": the address's TimeStamp is the user's (GetUser returns it there too), so a
 * stale one is 209 like a stale User.TimeStamp. An address sent without one (a new address) is taken.
 */
export function checkAddressTimeStamp(user: User, current: UserRecord): void {
  const stamp = user.ContactInfo?.Address?.TimeStamp;
  if (stamp !== undefined && stamp !== null) checkTimeStamp(stamp, current.version, 'User.ContactInfo.Address.TimeStamp', 'user');
}
