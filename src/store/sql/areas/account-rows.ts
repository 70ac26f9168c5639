// AccountRecord <-> accounts row. Folded copies of name and number are written beside them.
import type { AccountChanges, AccountInfoRecord, AccountRecord } from '../../records.js';
import type { Row } from '../driver.js';
import { decodeAddress, decodeKeyValues, encodeAddress, encodeKeyValues } from '../json.js';
import { fold, type Columns } from '../sql.js';
import { big, bigOrNull, date, enumCol, enumColOrNull, intOrNull, str, strOrNull } from '../values.js';

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

/** The columns accountFromRow reads (not the folded copies nor the external ids): a search reads only these. */
export const ACCOUNT_RECORD_COLUMNS: readonly string[] = [
  'id', 'customer_id', 'number', 'name', 'currency_code', 'financial_status', 'language', 'life_cycle_status',
  'pause_reason', 'payment_method_id', 'bill_to_customer_id', 'primary_user_id', 'time_zone', 'auto_tag_type',
  'sales_house_customer_id', 'back_up_payment_instrument_id', 'billing_threshold_amount',
  'sold_to_payment_instrument_id', 'account_mode', 'business_address', 'tax_information', 'version',
  'created_time', 'last_modified_time', 'last_modified_by_user_id',
];

export function accountFromRow(r: Row): AccountRecord {
  return {
    id: big(r, 'id'), customerId: big(r, 'customer_id'), number: str(r, 'number'), name: str(r, 'name'),
    currencyCode: enumCol(r, 'currency_code', 'CurrencyCode'),
    financialStatus: enumColOrNull(r, 'financial_status', 'AccountFinancialStatus'),
    language: enumColOrNull(r, 'language', 'LanguageType'),
    lifeCycleStatus: enumCol(r, 'life_cycle_status', 'AccountLifeCycleStatus'),
    pauseReason: intOrNull(r, 'pause_reason'), paymentMethodId: bigOrNull(r, 'payment_method_id'),
    billToCustomerId: bigOrNull(r, 'bill_to_customer_id'), primaryUserId: bigOrNull(r, 'primary_user_id'),
    timeZone: enumColOrNull(r, 'time_zone', 'TimeZoneType'), autoTagType: enumColOrNull(r, 'auto_tag_type', 'AutoTagType'),
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

/** The columns accountInfoFromRow reads: a search answering only AccountInfo reads only these. */
export const ACCOUNT_INFO_COLUMNS: readonly string[] = ['id', 'customer_id', 'number', 'name', 'life_cycle_status', 'pause_reason'];

export function accountInfoFromRow(r: Row): AccountInfoRecord {
  return {
    id: big(r, 'id'), customerId: big(r, 'customer_id'), number: str(r, 'number'), name: str(r, 'name'),
    lifeCycleStatus: enumCol(r, 'life_cycle_status', 'AccountLifeCycleStatus'), pauseReason: intOrNull(r, 'pause_reason'),
  };
}

/** The external account ids column: a JSON array of strings. */
export function encodeStringList(list: readonly string[]): string {
  return JSON.stringify(list);
}

export function decodeStringList(text: string | null): string[] | null {
  if (text === null) return null;
  const v: unknown = JSON.parse(text);
  if (!Array.isArray(v) || !v.every((x): x is string => typeof x === 'string')) {
    throw new TypeError('store: external account ids are not a JSON array of strings');
  }
  return v;
}
