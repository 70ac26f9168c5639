// AddAccount: a Super Admin adds an account to their own customer.
import type { Handler } from '../context.js';
import { ApiError } from '../../contract/api-error.js';
import type { NewAccount } from '../../store/records.js';
import { StoreConflict } from '../../store/store.js';
import { businessAddressRecord } from '../addresses.js';
import { validateBusinessAddress } from '../addresses/validate-address-business.js';
import { newAccountNumber, newNestedId, retryOnNumber } from '../numbers.js';
import { canAddAccounts } from '../roles.js';
import {
  accountName, checkPaymentMethod, checkPrimaryUser, DEFAULT_AUTO_TAG, DEFAULT_TIME_ZONE, taxInformation,
} from './account-rules.js';

export const addAccount: Handler<'AddAccount'> = (ctx, request) => addAccountWith(ctx, request, { prepaid: false });

/** AddAccount, or (prepaid) AddPrepayAccount's: the account and its prepay mark are one store write. */
export async function addAccountWith(
  ctx: Parameters<Handler<'AddAccount'>>[0], { Account: account }: Parameters<Handler<'AddAccount'>>[1], options: { prepaid: boolean },
): ReturnType<Handler<'AddAccount'>> {
  if (!account) throw new ApiError('NullParameter', 'Account is required.');
  const customerId = account.ParentCustomerId;
  if (customerId === undefined || customerId <= 0n) throw new ApiError('NullParameter', 'Account.ParentCustomerId is required.');
  // Authorise before validating, so nothing is learnt about customers the caller cannot manage.
  // A role names an existing customer (user_roles' foreign key; customers are never removed, only
  // made Inactive), so the role alone answers both "does it exist" and "may the caller add to it".
  const access = await ctx.access();
  if (!canAddAccounts(access.directCustomerRole(customerId))) {
    throw new ApiError('UserIsNotAuthorized', 'The user is not a Super Admin of the parent customer.');
  }
  const name = accountName(account);
  if (!account.CurrencyCode) throw new ApiError('NullParameter', 'Account.CurrencyCode is required.');
  validateBusinessAddress(account.BusinessAddress, 'Account.BusinessAddress');
  const businessAddress = businessAddressRecord(account.BusinessAddress, newNestedId());
  const paymentMethodId = await checkPaymentMethod(ctx.store, account.PaymentMethodId, customerId);
  const primaryUserId = await checkPrimaryUser(ctx.store, account.PrimaryUserId, customerId) ?? ctx.user.id;
  // "Draft: set on add until a payment instrument is validated" — and only one Draft at a time.
  // Checked here, so the fault comes before TaxInformation's as it always did, and again by the
  // store in the insert's own transaction (soleDraft), so two concurrent adds cannot both pass.
  const lifeCycleStatus = paymentMethodId === null ? 'Draft' : 'Active';
  if (lifeCycleStatus === 'Draft' && await ctx.store.countAccountsInStatus(customerId, 'Draft') > 0) throw draftExists();
  const base: Omit<NewAccount, 'number'> = {
    customerId, name, currencyCode: account.CurrencyCode,
    financialStatus: paymentMethodId === null ? 'Proposed' : 'ClearFinancialStatus',
    language: null, lifeCycleStatus, pauseReason: null, paymentMethodId,
    billToCustomerId: paymentMethodId === null ? null : customerId,
    primaryUserId, timeZone: account.TimeZone ?? DEFAULT_TIME_ZONE, autoTagType: account.AutoTagType ?? DEFAULT_AUTO_TAG,
    salesHouseCustomerId: null, backUpPaymentInstrumentId: null, billingThresholdAmount: null,
    soldToPaymentInstrumentId: null, accountMode: 'Expert', businessAddress,
    taxInformation: taxInformation(account), lastModifiedByUserId: ctx.user.id,
  };
  try {
    const created = await retryOnNumber('account_number', () => ctx.store.insertAccount(
      { ...base, number: newAccountNumber() },
      { ...(options.prepaid ? { prepaidAt: ctx.now() } : {}), ...(lifeCycleStatus === 'Draft' ? { soleDraft: true } : {}) },
    ));
    return { AccountId: created.id, AccountNumber: created.number, CreateTime: created.createdTime };
  } catch (err) {
    if (err instanceof StoreConflict && err.what === 'account_draft') throw draftExists();
    if (err instanceof StoreConflict && err.what === 'account_name') {
      throw new ApiError('InvalidParameter', 'Account.Name must be unique among the accounts of the customer.');
    }
    throw err;
  }
}

function draftExists(): ApiError {
  return new ApiError('InvalidParameter', 'You cannot add another account while the customer has an account in the Draft state.');
}
