// Record <-> row mapping shared by both backends: one column layout (snake_case, same names on
// SQLite and PostgreSQL), folded copies for case-insensitive matching computed here in JS so both
// databases fold identically, and the row readers.
import type {
  AccessTokenRecord, AccountChanges, AccountRecord, ClientLinkRecord, CustomerRecord, DeveloperTokenRecord,
  NewAccessToken, NewClientLink, NewCustomer, NewDeveloperToken, NewUser, NewUserInvitation, PaymentMethodRecord,
  UserChanges, UserInvitationRecord, UserRecord, UserRoleRecord,
} from '../records.js';
import {
  decodeAddress, decodeContactInfo, decodeIdList, decodeKeyValues, encodeAddress, encodeContactInfo,
  encodeIdList, encodeKeyValues,
} from './json.js';
import {
  big, bigOrNull, bool, boolOrNull, date, dateOrNull, int, intOrNull, ms, msOrNull, str, strOrNull,
  type Row, type SqlValue,
} from './values.js';

export type Columns = Array<[column: string, value: SqlValue]>;

/** The one case fold used for names, numbers and user names (JS, not the database's LOWER()). */
export function fold(s: string): string {
  return s.toLowerCase();
}

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
    id: big(r, 'id'), number: str(r, 'number'), name: str(r, 'name'), industry: strOrNull(r, 'industry'),
    marketCountry: strOrNull(r, 'market_country'), marketLanguage: strOrNull(r, 'market_language'),
    financialStatus: strOrNull(r, 'financial_status'), lifeCycleStatus: str(r, 'life_cycle_status'),
    serviceLevel: strOrNull(r, 'service_level'), address: decodeAddress(strOrNull(r, 'address')),
    isAgency: bool(r, 'is_agency'), version: big(r, 'version'), createdTime: date(r, 'created_time'),
    lastModifiedTime: date(r, 'last_modified_time'), lastModifiedByUserId: bigOrNull(r, 'last_modified_by_user_id'),
  };
}

export function paymentMethodFromRow(r: Row): PaymentMethodRecord {
  return { id: big(r, 'id'), customerId: big(r, 'customer_id'), type: str(r, 'type'), createdTime: date(r, 'created_time') };
}

/** Columns an account update rewrites; the store sets last_modified_time itself. */
export function accountChangeColumns(a: Omit<AccountChanges, 'lastModifiedTime'>): Columns {
  return [
    ['name', a.name], ['name_folded', fold(a.name)], ['financial_status', a.financialStatus],
    ['language', a.language], ['life_cycle_status', a.lifeCycleStatus], ['pause_reason', a.pauseReason],
    ['payment_method_id', a.paymentMethodId], ['bill_to_customer_id', a.billToCustomerId],
    ['primary_user_id', a.primaryUserId], ['time_zone', a.timeZone], ['auto_tag_type', a.autoTagType],
    ['sales_house_customer_id', a.salesHouseCustomerId],
    ['back_up_payment_instrument_id', a.backUpPaymentInstrumentId],
    ['billing_threshold_amount', a.billingThresholdAmount],
    ['sold_to_payment_instrument_id', a.soldToPaymentInstrumentId], ['account_mode', a.accountMode],
    ['business_address', encodeAddress(a.businessAddress)], ['tax_information', encodeKeyValues(a.taxInformation)],
    ['last_modified_by_user_id', a.lastModifiedByUserId],
  ];
}

export function accountInsertColumns(a: Parameters<typeof accountChangeColumns>[0] & Pick<AccountRecord, 'customerId' | 'number' | 'currencyCode'>): Columns {
  return [
    ['customer_id', a.customerId], ['number', a.number], ['number_folded', fold(a.number)],
    ['currency_code', a.currencyCode], ...accountChangeColumns(a),
  ];
}

export function accountFromRow(r: Row): AccountRecord {
  return {
    id: big(r, 'id'), customerId: big(r, 'customer_id'), number: str(r, 'number'), name: str(r, 'name'),
    currencyCode: str(r, 'currency_code'), financialStatus: strOrNull(r, 'financial_status'),
    language: strOrNull(r, 'language'), lifeCycleStatus: str(r, 'life_cycle_status'),
    pauseReason: intOrNull(r, 'pause_reason'), paymentMethodId: bigOrNull(r, 'payment_method_id'),
    billToCustomerId: bigOrNull(r, 'bill_to_customer_id'), primaryUserId: bigOrNull(r, 'primary_user_id'),
    timeZone: strOrNull(r, 'time_zone'), autoTagType: strOrNull(r, 'auto_tag_type'),
    salesHouseCustomerId: bigOrNull(r, 'sales_house_customer_id'),
    backUpPaymentInstrumentId: bigOrNull(r, 'back_up_payment_instrument_id'),
    billingThresholdAmount: strOrNull(r, 'billing_threshold_amount'),
    soldToPaymentInstrumentId: bigOrNull(r, 'sold_to_payment_instrument_id'),
    accountMode: strOrNull(r, 'account_mode'), businessAddress: decodeAddress(strOrNull(r, 'business_address')),
    taxInformation: decodeKeyValues(strOrNull(r, 'tax_information')), version: big(r, 'version'),
    createdTime: date(r, 'created_time'), lastModifiedTime: date(r, 'last_modified_time'),
    lastModifiedByUserId: bigOrNull(r, 'last_modified_by_user_id'),
  };
}

/** Columns a user update rewrites; the store sets last_modified_time itself. */
export function userChangeColumns(u: Omit<UserChanges, 'lastModifiedTime'>): Columns {
  return [
    ['first_name', u.firstName], ['last_name', u.lastName], ['middle_initial', u.middleInitial],
    ['job_title', u.jobTitle], ['lcid', u.lcid], ['contact_info', encodeContactInfo(u.contactInfo)],
    ['life_cycle_status', u.lifeCycleStatus], ['last_modified_by_user_id', u.lastModifiedByUserId],
  ];
}

export function userInsertColumns(u: NewUser): Columns {
  return [
    ['customer_id', u.customerId], ['user_name', u.userName], ['user_name_folded', fold(u.userName)],
    ['password_hash', u.passwordHash], ...userChangeColumns(u),
  ];
}

export function userFromRow(r: Row): UserRecord {
  return {
    id: big(r, 'id'), customerId: big(r, 'customer_id'), userName: str(r, 'user_name'),
    firstName: strOrNull(r, 'first_name'), lastName: strOrNull(r, 'last_name'),
    middleInitial: strOrNull(r, 'middle_initial'), jobTitle: strOrNull(r, 'job_title'), lcid: strOrNull(r, 'lcid'),
    contactInfo: decodeContactInfo(strOrNull(r, 'contact_info')), lifeCycleStatus: str(r, 'life_cycle_status'),
    passwordHash: strOrNull(r, 'password_hash'), version: big(r, 'version'), createdTime: date(r, 'created_time'),
    lastModifiedTime: date(r, 'last_modified_time'), lastModifiedByUserId: bigOrNull(r, 'last_modified_by_user_id'),
  };
}

export function userRoleColumns(role: UserRoleRecord): Columns {
  return [
    ['user_id', role.userId], ['customer_id', role.customerId], ['role_id', role.roleId],
    ['account_ids', encodeIdList(role.accountIds)],
  ];
}

export function userRoleFromRow(r: Row): UserRoleRecord {
  return {
    userId: big(r, 'user_id'), customerId: big(r, 'customer_id'), roleId: int(r, 'role_id'),
    accountIds: decodeIdList(strOrNull(r, 'account_ids')),
  };
}

export function userInvitationColumns(i: NewUserInvitation): Columns {
  return [
    ['customer_id', i.customerId], ['first_name', i.firstName], ['last_name', i.lastName], ['email', i.email],
    ['role_id', i.roleId], ['account_ids', encodeIdList(i.accountIds)], ['lcid', i.lcid],
    ['expiration_date', ms(i.expirationDate)], ['secret_hash', i.secretHash], ['created_by_user_id', i.createdByUserId],
  ];
}

export function userInvitationFromRow(r: Row): UserInvitationRecord {
  return {
    id: big(r, 'id'), customerId: big(r, 'customer_id'), firstName: str(r, 'first_name'),
    lastName: str(r, 'last_name'), email: str(r, 'email'), roleId: int(r, 'role_id'),
    accountIds: decodeIdList(strOrNull(r, 'account_ids')), lcid: str(r, 'lcid'),
    expirationDate: date(r, 'expiration_date'), secretHash: str(r, 'secret_hash'),
    createdTime: date(r, 'created_time'), createdByUserId: big(r, 'created_by_user_id'),
    acceptedTime: dateOrNull(r, 'accepted_time'), acceptedUserId: bigOrNull(r, 'accepted_user_id'),
  };
}

export function clientLinkColumns(l: NewClientLink): Columns {
  return [
    ['type', l.type], ['client_entity_id', l.clientEntityId], ['managing_customer_id', l.managingCustomerId],
    ['status', l.status], ['name', l.name], ['note', l.note], ['is_bill_to_client', l.isBillToClient],
    ['start_date', msOrNull(l.startDate)], ['inviter_email', l.inviterEmail], ['inviter_name', l.inviterName],
    ['inviter_phone', l.inviterPhone], ['customer_link_permission', l.customerLinkPermission],
    ['suppress_notification', l.suppressNotification], ['last_modified_by_user_id', l.lastModifiedByUserId],
  ];
}

export function clientLinkFromRow(r: Row): ClientLinkRecord {
  const type = str(r, 'type');
  if (type !== 'AccountLink' && type !== 'CustomerLink') throw new TypeError(`store: unknown client link type ${type}`);
  return {
    id: big(r, 'id'), type, clientEntityId: big(r, 'client_entity_id'),
    managingCustomerId: big(r, 'managing_customer_id'), status: str(r, 'status'), name: strOrNull(r, 'name'),
    note: strOrNull(r, 'note'), isBillToClient: boolOrNull(r, 'is_bill_to_client'),
    startDate: dateOrNull(r, 'start_date'), inviterEmail: strOrNull(r, 'inviter_email'),
    inviterName: strOrNull(r, 'inviter_name'), inviterPhone: strOrNull(r, 'inviter_phone'),
    customerLinkPermission: strOrNull(r, 'customer_link_permission'),
    suppressNotification: bool(r, 'suppress_notification'), version: big(r, 'version'),
    lastModifiedTime: date(r, 'last_modified_time'), lastModifiedByUserId: bigOrNull(r, 'last_modified_by_user_id'),
  };
}

export function developerTokenColumns(t: NewDeveloperToken): Columns {
  return [['user_id', t.userId], ['token_hash', t.tokenHash], ['hint', t.hint]];
}

export function developerTokenFromRow(r: Row): DeveloperTokenRecord {
  return {
    id: big(r, 'id'), userId: big(r, 'user_id'), tokenHash: str(r, 'token_hash'), hint: str(r, 'hint'),
    createdTime: date(r, 'created_time'), revokedTime: dateOrNull(r, 'revoked_time'),
  };
}

export function accessTokenColumns(t: NewAccessToken): Columns {
  return [
    ['token_hash', t.tokenHash], ['user_id', t.userId], ['client_id', t.clientId], ['scope', t.scope],
    ['expires_at', ms(t.expiresAt)], ['grant_id', t.grantId ?? null],
  ];
}

export function accessTokenFromRow(r: Row): AccessTokenRecord {
  return {
    tokenHash: str(r, 'token_hash'), userId: big(r, 'user_id'), clientId: str(r, 'client_id'),
    scope: str(r, 'scope'), expiresAt: date(r, 'expires_at'), createdTime: date(r, 'created_time'),
    revokedTime: dateOrNull(r, 'revoked_time'), grantId: strOrNull(r, 'grant_id'),
  };
}
