// AccountRecord → the wire entities AdvertiserAccount and AccountInfo (which needs only an AccountInfoRecord).
import type { Entity } from '../../contract/values.js';
import type { AccountInfoRecord, AccountRecord } from '../../store/records.js';
import { addressEntity } from '../addresses.js';
import { encodeTimeStamp } from '../timestamps.js';

export type AdditionalField = 'TaxCertificate' | 'AccountMode' | 'CouponClaimInfo';

export function advertiserAccount(record: AccountRecord, additional: readonly AdditionalField[] = []): Entity<'AdvertiserAccount'> {
  const account: Entity<'AdvertiserAccount'> = {
    BillToCustomerId: record.billToCustomerId,
    CurrencyCode: record.currencyCode,
    AccountFinancialStatus: record.financialStatus,
    Id: record.id,
    Language: record.language,
    LastModifiedByUserId: record.lastModifiedByUserId,
    LastModifiedTime: record.lastModifiedTime,
    Name: record.name,
    Number: record.number,
    ParentCustomerId: record.customerId,
    PaymentMethodId: record.paymentMethodId,
    // "When you call GetAccount and SearchAccounts … PaymentMethodType is set to NULL."
    PaymentMethodType: null,
    PrimaryUserId: record.primaryUserId,
    AccountLifeCycleStatus: record.lifeCycleStatus,
    TimeStamp: encodeTimeStamp(record.version),
    TimeZone: record.timeZone,
    PauseReason: record.pauseReason,
    ForwardCompatibilityMap: null,
    LinkedAgencies: null,
    SalesHouseCustomerId: record.salesHouseCustomerId,
    TaxInformation: record.taxInformation,
    BackUpPaymentInstrumentId: record.backUpPaymentInstrumentId,
    BillingThresholdAmount: record.billingThresholdAmount,
    BusinessAddress: addressEntity(record.businessAddress),
    AutoTagType: record.autoTagType,
    SoldToPaymentInstrumentId: record.soldToPaymentInstrumentId,
  };
  // Returned only when asked for with ReturnAdditionalFields.
  if (additional.includes('AccountMode')) account.AccountMode = record.accountMode;
  if (additional.includes('TaxCertificate')) account.TaxCertificate = null;
  return account;
}

export function accountInfo(record: AccountInfoRecord): Entity<'AccountInfo'> {
  return {
    Id: record.id,
    Name: record.name,
    Number: record.number,
    AccountLifeCycleStatus: record.lifeCycleStatus,
    PauseReason: record.pauseReason,
  };
}
