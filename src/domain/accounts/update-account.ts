// UpdateAccount: changes the account's settable fields that are sent, guarded by its TimeStamp
// (which field keeps its value when left out or nil: docs/behaviour.md "UpdateAccount and optional fields").
import type { Store } from '../../store/store.js';
import type { Handler } from '../context.js';
import { ApiError } from '../../contract/api-error.js';
import { StoreConflict } from '../../store/store.js';
import { businessAddressRecord } from '../addresses.js';
import { validateBusinessAddress } from '../addresses/validate-address-business.js';
import { checkTimeStamp, requireTimeStamp } from '../timestamps.js';
import { newNestedId } from '../numbers.js';
import { canUpdateAccounts, canUpdateAutoTagOnly } from '../roles.js';
import {
  accountName, checkPaymentMethod, checkPrimaryUser, updatedTaxInformation,
} from './account-rules.js';
import type { AccountChanges } from '../../store/records.js';
import { assertNotBeingLinked } from '../client-links/account-lock.js';
import { managingAggregator } from './aggregators.js';

export const updateAccount: Handler<'UpdateAccount'> = async (ctx, { Account: account }) => {
  if (!account) throw new ApiError('NullParameter', 'Account is required.');
  if (account.Id === undefined || account.Id === null) throw new ApiError('NullParameter', 'Account.Id is required.');
  requireTimeStamp(account.TimeStamp, 'Account.TimeStamp');
  const current = await ctx.store.getAccount(account.Id);
  if (!current) throw new ApiError('AccountIdInvalid', `Account.Id ${account.Id} is not a valid account identifier.`);
  const role = (await ctx.access()).accountRole(current);
  if (!canUpdateAccounts(role) && !canUpdateAutoTagOnly(role)) {
    throw new ApiError('UserIsNotAuthorized', 'The user may not update this account.');
  }
  await assertNotBeingLinked(ctx.store, current, ctx.now());
  const expected = checkTimeStamp(account.TimeStamp, current.version, 'Account.TimeStamp', 'account');

  // A field left out keeps its value ("If no value is set for the update, this setting is not
  // changed"). Nil clears only the payment fields, which an account may be without (the "full
  // update" of services-protocol.md); TimeZone, AutoTagType, Language, PrimaryUserId and the business
  // address always have a value, so nil keeps them too. TaxInformation merges by key.
  const address = account.BusinessAddress;
  if (address) validateBusinessAddress(address, 'Account.BusinessAddress');
  const paymentMethodId = account.PaymentMethodId === undefined ? current.paymentMethodId
    : await checkPaymentMethod(ctx.store, account.PaymentMethodId, current.customerId);
  const changes: AccountChanges = {
    name: accountName(account),
    financialStatus: current.financialStatus,
    language: account.Language ?? current.language,
    lifeCycleStatus: current.lifeCycleStatus === 'Draft' && paymentMethodId !== null ? 'Active' : current.lifeCycleStatus,
    pauseReason: current.pauseReason,
    paymentMethodId,
    billToCustomerId: paymentMethodId === null || paymentMethodId === current.paymentMethodId ? current.billToCustomerId : current.customerId,
    primaryUserId: account.PrimaryUserId === undefined || account.PrimaryUserId === null ? current.primaryUserId
      : await checkPrimaryUser(ctx.store, account.PrimaryUserId, current.customerId, await managingAggregator(ctx.store, current)),
    timeZone: account.TimeZone ?? current.timeZone,
    autoTagType: account.AutoTagType ?? current.autoTagType,
    salesHouseCustomerId: current.salesHouseCustomerId,
    backUpPaymentInstrumentId: await paymentInstrument(ctx.store, account.BackUpPaymentInstrumentId, current.backUpPaymentInstrumentId, current.customerId, 'BackUpPaymentInstrumentId'),
    billingThresholdAmount: sentOrKept(account.BillingThresholdAmount, current.billingThresholdAmount),
    soldToPaymentInstrumentId: await paymentInstrument(ctx.store, account.SoldToPaymentInstrumentId, current.soldToPaymentInstrumentId, current.customerId, 'SoldToPaymentInstrumentId'),
    accountMode: current.accountMode,
    businessAddress: address
      ? businessAddressRecord(address, current.businessAddress?.id ?? newNestedId())
      : current.businessAddress,
    taxInformation: updatedTaxInformation(account, current.taxInformation),
    lastModifiedTime: ctx.now(),
    lastModifiedByUserId: ctx.user.id,
  };
  if (!canUpdateAccounts(role) && !onlyAutoTagChanged(current, changes)) {
    throw new ApiError('UserIsNotAuthorized', 'An Advertiser Campaign Manager may change only AutoTagType.');
  }
  try {
    const updated = await ctx.store.updateAccount(current.id, expected, changes);
    if (!updated) throw new ApiError('TimestampNotMatch', 'The account was changed by another request; get the account again.');
    return { LastModifiedTime: updated.lastModifiedTime };
  } catch (err) {
    if (err instanceof StoreConflict && err.what === 'account_name') {
      throw new ApiError('InvalidParameter', 'Account.Name must be unique among the accounts of the customer.');
    }
    throw err;
  }
};

/** Left out: kept; nil: cleared; else the value sent. */
function sentOrKept<T>(value: T | null | undefined, current: T | null): T | null {
  return value === undefined ? current : value;
}

function onlyAutoTagChanged(current: AccountChanges, next: AccountChanges): boolean {
  const keys: Array<keyof AccountChanges> = ['name', 'language', 'paymentMethodId', 'primaryUserId', 'timeZone',
    'backUpPaymentInstrumentId', 'billingThresholdAmount', 'soldToPaymentInstrumentId'];
  const same = keys.every((k) => current[k] === next[k]);
  return same && JSON.stringify(current.taxInformation) === JSON.stringify(next.taxInformation)
    && sameAddress(current, next);
}

function sameAddress(a: AccountChanges, b: AccountChanges): boolean {
  const strip = (x: AccountChanges['businessAddress']) => (x ? { ...x, id: String(x.id) } : null);
  return JSON.stringify(strip(a.businessAddress)) === JSON.stringify(strip(b.businessAddress));
}

/**
 * A payment instrument field: left out keeps it, nil clears it, the stored value sent back is kept
 * as it is (GetAccount → UpdateAccount), and any other id must be a payment method of the customer.
 */
async function paymentInstrument(
  store: Store, sent: bigint | null | undefined, current: bigint | null, customerId: bigint, field: string,
): Promise<bigint | null> {
  if (sent === undefined) return current;
  if (sent === null || sent === current) return sent;
  return checkPaymentMethod(store, sent, customerId, field);
}
